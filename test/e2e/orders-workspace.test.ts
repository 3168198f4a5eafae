// The orders workspace end to end: the built renderer in real Chromium, `window.paydesk` bridged into the
// router the main process uses, the real core behind it. Payments arrive the way they do in the shop: the
// customer's browser goes through the sandbox checkout and lands on PayDesk's return listener.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEFAULT_PREFERENCES, type Order } from '../../shared/contract';
import { formatsFor } from '../../shared/messages/formats';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { serveApp, type TestContext } from '../support/e2e-app';
import { eventually, untilInPage } from '../support/waiting';
import { seedOrdersAt, type OrderSeed } from '../support/seed-orders';

const SCREENSHOTS = {
  dashboard: '/tmp/paydesk-dashboard.png',
  orders: '/tmp/paydesk-orders.png',
  bengali: '/tmp/paydesk-bengali.png',
};

const app = serveApp();

function openApp(t: TestContext, core: BridgedCore, viewport = { width: 1280, height: 820 }): Promise<Page> {
  return app.openHome(t, core, { viewport, permissions: ['clipboard-read', 'clipboard-write'] });
}

const seed = seedOrdersAt;

const daysAgo = (n: number, hour = 12, minute = 0) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  d.setHours(hour, minute, 0, 0);
  return d;
};

const CUSTOMERS = ['রহিম উদ্দিন', 'Karim Ahmed', 'আয়েশা আক্তার', 'Fatema Begum', 'জামাল হোসেন', 'Nasrin Islam', 'তানভীর রহমান'];

/** A month of a small shop's orders: a few a day, most paid, at times before now. */
async function seedMonth(core: BridgedCore): Promise<Order[]> {
  const rows: OrderSeed[] = [];
  for (let day = 29; day >= 0; day--) {
    const perDay = 1 + ((day * 7) % 4);
    for (let i = 0; i < perDay; i++) {
      const n = day * 4 + i;
      // Today's orders fall in the last hour, but never before midnight, whenever the test runs.
      const at =
        day === 0
          ? new Date(Math.max(Date.now() - (perDay - i) * 20 * 60_000, daysAgo(0, 0, 0).getTime() + (i + 1) * 1000))
          : daysAgo(day, 9 + i * 3, (n * 13) % 60);
      const name = CUSTOMERS[n % CUSTOMERS.length]!;
      rows.push({
        amountMinor: 25_000 + ((n * 7919) % 180_000),
        name,
        email: n % 3 === 0 ? `customer${n}@mail.test` : undefined,
        at,
        pay: n % 5 === 4 ? undefined : `TRX${String(100000 + n * 37)}`,
      });
    }
  }
  return await seed(core, rows);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const orderRow = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);
const selectedRow = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"][aria-selected="true"]`);
const totalsLine = (page: Page) => page.locator('.orders-totals');
const detailPanel = (page: Page, ref: string) => page.getByRole('complementary', { name: `Order ${ref}` });

test('a return recorded by the listener flips the selected row to Paid, shows a toast and keeps the selection', async (t) => {
  const core = await app.startCore(t);
  await seedMonth(core);
  const order = await call(core, 'createPaymentLink', { amount: '120', customerName: 'Karim Ahmed' });
  const page = await openApp(t, core);
  await tab(page, 'Orders').click();

  const row = orderRow(page, order.ref);
  await row.getByText('Pending', { exact: true }).waitFor();
  await row.click();
  await selectedRow(page, order.ref).waitFor();
  const detail = detailPanel(page, order.ref);
  await detail.waitFor();

  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  assert.equal(landing.status, 200);

  await row.getByText('Paid', { exact: true }).waitFor();
  const toast = page.locator('.toast').filter({ hasText: order.ref });
  // A return is a claim until a statement shows the money: the first "Paid" says so.
  await toast.getByText('Paid, not yet verified: ৳120.00').waitFor();
  await toast.getByText('Verified once a statement shows it.').waitFor();
  await selectedRow(page, order.ref).waitFor();
  assert.equal(await page.locator('[role="row"][aria-selected="true"]').count(), 1, 'the selection stayed on its order');
  await detail.getByText('Through the gateway').waitFor();

  // The toast opens its order, here already open: it leaves the order on show and goes away.
  await page.getByRole('button', { name: /^Paid, not yet verified/ }).click();
  await toast.waitFor({ state: 'detached' });
  await detail.waitFor();
});

test('a new order does not move a list scrolled down, and a toast opens a paid order from any screen', async (t) => {
  const core = await app.startCore(t);
  const seeded = await seedMonth(core);
  const page = await openApp(t, core);
  await tab(page, 'Orders').click();
  const total = seeded.length;
  await totalsLine(page)
    .getByText(new RegExp(`^${total} orders`))
    .waitFor();

  const body = page.locator('.grid-body');
  await body.evaluate((element) => {
    element.scrollTop = 44 * 20;
  });
  const watched = orderRow(page, seeded.at(-25)!.ref);
  await watched.waitFor();
  const before = (await watched.boundingBox())!.y;

  const fresh = await call(core, 'createPaymentLink', { amount: '99', customerName: 'New customer' });
  await totalsLine(page)
    .getByText(new RegExp(`^${total + 1} orders`))
    .waitFor();
  await untilInPage(page, "document.querySelector('.grid-body').scrollTop > 44 * 20");
  assert.ok(Math.abs((await watched.boundingBox())!.y - before) < 2, 'the rows on screen stayed where they were');

  await body.evaluate((element) => {
    element.scrollTop = 0;
  });
  await orderRow(page, fresh.ref).waitFor();
  assert.equal(await orderRow(page, fresh.ref).getAttribute('aria-rowindex'), '2', 'the new order is listed first');

  await tab(page, 'Home').click();
  await decideOnCheckout(fresh.paymentUrl!, 'Pay');
  await page.getByRole('button', { name: /^Paid, not yet verified: ৳99\.00/ }).click();
  assert.equal(await tab(page, 'Orders').getAttribute('aria-selected'), 'true');
  await detailPanel(page, fresh.ref).getByText('Through the gateway').waitFor();
  await selectedRow(page, fresh.ref).waitFor();
});

test('search finds a Bengali customer; the status filter and date range narrow the list and its totals', async (t) => {
  const core = await app.startCore(t);
  const [rahim] = await seed(core, [
    { amountMinor: 1000, name: 'রহিম উদ্দিন', email: 'rahim@shop.test', at: daysAgo(3), pay: 'TRXA100' },
    { amountMinor: 2500, name: 'করিম আহমেদ', note: 'চা পাতা ৫ কেজি', at: daysAgo(2) },
    { amountMinor: 3000, name: 'Ayesha Akter', at: daysAgo(1), pay: 'TRXB200' },
    { amountMinor: 450, name: 'রহিমা খাতুন', at: daysAgo(0, 0, 5), pay: 'TRXC300' },
  ]);
  const page = await openApp(t, core);
  await tab(page, 'Orders').click();
  await totalsLine(page).getByText('4 orders · 3 paid · ৳44.50 received').waitFor();

  await page.getByLabel('Search orders').fill('উদ্দিন');
  await totalsLine(page).getByText('1 order · 1 paid · ৳10.00 received').waitFor();
  const rows = page.locator('.grid-rows [role="row"]');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-ref'), rahim!.ref);
  assert.equal(await rows.first().locator('[lang="bn"]').innerText(), 'রহিম উদ্দিন');

  await page.getByLabel('Search orders').fill('পাতা');
  await totalsLine(page).getByText('1 order · 0 paid · ৳0.00 received').waitFor();
  await rows.filter({ hasText: 'করিম আহমেদ' }).waitFor();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await totalsLine(page).getByText('4 orders · 3 paid · ৳44.50 received').waitFor();
  await page.getByLabel('Status').selectOption('paid');
  await totalsLine(page).getByText('3 orders · 3 paid · ৳44.50 received').waitFor();
  assert.equal(await rows.count(), 3);
  assert.equal(await rows.filter({ hasText: 'Pending' }).count(), 0);

  // Typed day first, as a shopkeeper writes a date.
  const yesterday = daysAgo(1);
  await page.getByLabel('From').fill(`${yesterday.getDate()}/${yesterday.getMonth() + 1}/${yesterday.getFullYear()}`);
  await totalsLine(page).getByText('2 orders · 2 paid · ৳34.50 received').waitFor();

  await page.getByRole('button', { name: 'Amount' }).click();
  await page.locator('[role="columnheader"][aria-sort="descending"]').getByText('Amount').waitFor();
  await rows.first().getByText('৳30.00').waitFor();
  await page.getByRole('button', { name: 'Amount' }).click();
  await page.locator('[role="columnheader"][aria-sort="ascending"]').getByText('Amount').waitFor();
  await rows.first().getByText('৳4.50').waitFor();
});

test('typing an amount in the search finds the order of that amount, and a search with more than a page of matches counts them all', async (t) => {
  const core = await app.startCore(t);
  const many = Array.from({ length: 150 }, (_, i): OrderSeed => ({
    amountMinor: 2000 + i,
    name: 'Karim Ahmed',
    at: daysAgo(2, 9, i % 60),
  }));
  const [tea] = await seed(core, [{ amountMinor: 15050, name: 'রহিম উদ্দিন', note: 'চা পাতা', at: daysAgo(1), pay: 'TRXA150' }, ...many]);
  const page = await openApp(t, core);
  await tab(page, 'Orders').click();
  const rows = page.locator('.grid-rows [role="row"]');
  for (const typed of ['150.50', '৳150.50', '১৫০.৫০']) {
    await page.getByLabel('Search orders').fill(typed);
    await totalsLine(page).getByText('1 order · 1 paid · ৳150.50 received').waitFor();
    assert.equal(await rows.count(), 1, typed);
    assert.equal(await rows.first().getAttribute('data-ref'), tea!.ref, typed);
  }

  // More than a page: the rows come first, then the totals of every match from their own request.
  await page.getByLabel('Search orders').fill('Karim');
  await totalsLine(page).getByText('150 orders · 0 paid · ৳0.00 received').waitFor();
  await rows.filter({ hasText: 'Karim Ahmed' }).first().waitFor();
});

test('order detail shows the timeline and a QR code; Cancel works; marking paid by hand needs a reason and shows as manual', async (t) => {
  const core = await app.startCore(t);
  await seedMonth(core);
  const order = await call(core, 'createPaymentLink', { amount: '75.50', customerName: 'নাসরিন ইসলাম', note: 'দুটি শাড়ি' });
  const page = await openApp(t, core);
  await tab(page, 'Orders').click();
  const row = orderRow(page, order.ref);
  await row.click();

  const detail = detailPanel(page, order.ref);
  await detail.getByRole('img', { name: 'QR code of the payment link' }).waitFor();
  assert.equal(await detail.getByLabel('Payment link', { exact: true }).inputValue(), order.paymentUrl);
  await detail.getByText('Order created for ৳75.50.').waitFor();
  await detail.getByText('The gateway issued the payment link.').waitFor();
  await page.screenshot({ path: SCREENSHOTS.orders });

  await detail.getByRole('button', { name: 'Open in browser' }).click();
  await eventually(() => core.platform.opened.length > 0);
  assert.deepEqual(core.platform.opened, [order.paymentUrl]);
  await detail.getByRole('button', { name: 'Cancel link' }).click();
  const cancelDialog = page.getByRole('dialog', { name: `Cancel the link for ${order.ref} (৳75.50)?` });
  await cancelDialog.getByRole('button', { name: 'Cancel link' }).click();
  await cancelDialog.waitFor({ state: 'detached' });
  await detail.getByText('The link was cancelled in PayDesk.').waitFor();
  await row.getByText('Cancelled', { exact: true }).waitFor();
  assert.equal(await detail.getByRole('img', { name: 'QR code of the payment link' }).count(), 0, 'no QR code for a dead link');
  assert.equal((await core.service.findOrder(order.ref))!.status, 'cancelled');

  await detail.getByRole('button', { name: 'Mark as paid manually' }).click();
  const markDialog = page.getByRole('dialog', { name: `Mark ${order.ref} (৳75.50) as paid?` });
  await markDialog.getByRole('button', { name: 'Mark as paid', exact: true }).click();
  await markDialog.getByText('Say why this order is paid, for example “paid in cash at the counter”.').waitFor();
  assert.equal(await markDialog.getByLabel('Reason').getAttribute('aria-invalid'), 'true');
  assert.equal((await core.service.findOrder(order.ref))!.status, 'cancelled', 'nothing changes without a reason');

  await markDialog.getByLabel('Reason').fill('নগদে দিয়েছেন, কাউন্টারে');
  await markDialog.getByRole('button', { name: 'Mark as paid', exact: true }).click();
  await markDialog.waitFor({ state: 'detached' });
  await detail.getByText('Marked paid manually', { exact: true }).waitFor();
  await detail.locator('.timeline-reason[lang="bn"]').getByText('নগদে দিয়েছেন, কাউন্টারে').waitFor();
  assert.equal(await detail.locator('.manual-chip').innerText(), 'manual');
  await row.getByText('Paid', { exact: true }).waitFor();
  assert.equal(await row.locator('.manual-chip').innerText(), 'manual');
  const stored = (await core.service.findOrder(order.ref))!;
  assert.equal(stored.status, 'paid');
  assert.equal(stored.paidManually, true);
});

test('the keyboard: / searches, arrows move the selection, Enter opens, Escape closes', async (t) => {
  const core = await app.startCore(t);
  const orders = await seed(core, [
    { amountMinor: 100, name: 'First', at: daysAgo(0, 0, 1) },
    { amountMinor: 200, name: 'Second', at: daysAgo(0, 0, 2) },
    { amountMinor: 300, name: 'Third', at: daysAgo(0, 0, 3) },
  ]);
  const [first, second, third] = [orders[2]!, orders[1]!, orders[0]!];
  const page = await openApp(t, core);
  await tab(page, 'Orders').click();
  await orderRow(page, first.ref).waitFor();

  await page.keyboard.press('/');
  await untilInPage(page, "document.activeElement?.id === 'orders-search'");
  await page.keyboard.type('Sec');
  await totalsLine(page)
    .getByText(/^1 order/)
    .waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await totalsLine(page)
    .getByText(/^3 orders/)
    .waitFor();

  await page.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');
  await selectedRow(page, first.ref).waitFor();
  await page.keyboard.press('ArrowDown');
  await selectedRow(page, second.ref).waitFor();
  assert.equal(await page.getByRole('grid').getAttribute('aria-activedescendant'), await orderRow(page, second.ref).getAttribute('id'));
  await page.keyboard.press('Enter');
  await detailPanel(page, second.ref).waitFor();
  await page.keyboard.press('End');
  await selectedRow(page, third.ref).waitFor();
  await page.keyboard.press('Escape');
  await detailPanel(page, second.ref).waitFor({ state: 'detached' });
  await untilInPage(page, "document.activeElement?.getAttribute('role') === 'grid'");
});

test('the dashboard shows today, the last 7 days, 30 days of paid totals and the links still waiting', async (t) => {
  const core = await app.startCore(t);
  const seeded = await seedMonth(core);
  const page = await openApp(t, core);
  const dashboard = await call(core, 'getDashboard', {});
  const home = page.getByRole('tabpanel', { name: 'Home' });
  const today = home.getByRole('region', { name: 'Paid today' });
  await today.getByText(`${dashboard.today.count} payment`).waitFor();
  assert.ok(dashboard.today.count > 0);
  await today.getByText(formatsFor('en').money(dashboard.today.sumMinor)).waitFor();
  assert.equal(await home.locator('.chart-bar').count(), 30);
  const pending = home.getByRole('region', { name: 'Links waiting for payment' });
  assert.equal(await pending.locator('.stat-amount').innerText(), String(dashboard.pending.count));
  assert.equal(dashboard.pending.count, seeded.filter((o) => o.status === 'pending').length);
  await page.screenshot({ path: SCREENSHOTS.dashboard, fullPage: true });

  await pending.getByRole('button', { name: 'Show pending links' }).click();
  await totalsLine(page)
    .getByText(new RegExp(`^${dashboard.pending.count} orders · 0 paid`))
    .waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), 'pending');
});

test('switching to বাংলা translates the screens, writes taka in Bengali digits and is remembered; the link lifetime is saved', async (t) => {
  const core = await app.startCore(t);
  await seedMonth(core);
  const [order] = await seed(core, [{ amountMinor: 15050, name: 'রহিম উদ্দিন', at: new Date(), pay: 'TRXBN1' }]);
  const page = await openApp(t, core);

  await tab(page, 'Settings').click();
  const hours = page.getByLabel('Payment links stay open for (hours)');
  await hours.fill('48');
  await page.getByRole('button', { name: 'Save link lifetime' }).click();
  await page.getByText('Saved. New links stay open for 48 hours.').waitFor();
  assert.equal((await call(core, 'getPreferences', {})).linkExpiryHours, 48);

  await page.getByLabel('বাংলা').check();
  await tab(page, 'অর্ডার').waitFor();
  await untilInPage(page, "document.documentElement.lang === 'bn'");
  await page.getByRole('heading', { name: 'মার্চেন্ট প্রোফাইল' }).waitFor();
  await tab(page, 'অর্ডার').click();
  const amount = orderRow(page, order!.ref).locator('.cell-amount');
  await amount.waitFor();
  const shown = await amount.innerText();
  assert.match(shown, /১৫০\.৫০/, 'Bengali digits');
  assert.ok(shown.includes('৳'), 'the taka sign');
  await orderRow(page, order!.ref).getByText('পরিশোধিত', { exact: true }).waitFor();
  await orderRow(page, order!.ref).click();
  await page
    .getByRole('complementary', { name: `অর্ডার ${order!.ref}` })
    .getByText('সময়রেখা')
    .waitFor();
  await page.screenshot({ path: SCREENSHOTS.bengali });

  await page.reload();
  await tab(page, 'অর্ডার').waitFor();
  await untilInPage(page, "document.documentElement.lang === 'bn'");
  assert.deepEqual(await call(core, 'getPreferences', {}), { ...DEFAULT_PREFERENCES, language: 'bn', linkExpiryHours: 48 });
});

test('in বাংলা dates are typed day first in either digits, presets fill both ends, an unreadable date says so, and times read as the clock chosen', async (t) => {
  const core = await app.startCore(t);
  const [older, lastEvening] = await seed(core, [
    { amountMinor: 1000, name: 'রহিম উদ্দিন', at: daysAgo(3, 10, 15), pay: 'TRXD100' },
    { amountMinor: 2500, name: 'করিম আহমেদ', at: daysAgo(1, 17, 30), pay: 'TRXD200' },
    { amountMinor: 450, name: 'রহিমা খাতুন', at: daysAgo(0, 0, 5) },
  ]);
  await call(core, 'savePreferences', { language: 'bn', notificationNames: 'unlocked', linkExpiryHours: 24, clock: '12h' });
  const page = await app.openPage(t, core, { viewport: { width: 1024, height: 768 } });
  await tab(page, 'অর্ডার').click();
  await totalsLine(page).getByText('৩টি অর্ডার · ২টি পরিশোধিত · ৳৩৫.০০ আদায়').waitFor();
  const time = (ref: string) => orderRow(page, ref).locator('.cell-time .secondary');
  assert.equal(await time(lastEvening!.ref).innerText(), 'বিকাল ৫:৩০');
  assert.equal(await time(older!.ref).innerText(), 'সকাল ১০:১৫');
  assert.doesNotMatch(await page.locator('.grid-rows').innerText(), /AM|PM/);

  const from = page.getByLabel('থেকে', { exact: true });
  const to = page.getByLabel('পর্যন্ত', { exact: true });
  assert.equal(await from.getAttribute('type'), 'text', 'not the browser’s month-first date input');
  assert.equal(await from.getAttribute('placeholder'), 'দিন/মাস/বছর');
  const bn = formatsFor('bn');
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await from.fill(bn.dayTyped(day(daysAgo(1))));
  await totalsLine(page)
    .getByText(/^২টি অর্ডার/)
    .waitFor();
  const yesterday = daysAgo(1);
  await from.fill(
    `${String(yesterday.getDate()).padStart(2, '0')}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${yesterday.getFullYear()}`,
  );
  await totalsLine(page)
    .getByText(/^২টি অর্ডার/)
    .waitFor();

  await page.getByRole('group', { name: 'তারিখ' }).getByRole('button', { name: 'গতকাল' }).click();
  await totalsLine(page).getByText('১টি অর্ডার · ১টি পরিশোধিত · ৳২৫.০০ আদায়').waitFor();
  assert.equal(await from.inputValue(), bn.dayTyped(day(yesterday)));
  assert.equal(await to.inputValue(), bn.dayTyped(day(yesterday)));
  assert.equal(await page.getByRole('button', { name: 'গতকাল' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'আজ', exact: true }).click();
  await totalsLine(page)
    .getByText(/^১টি অর্ডার · ০টি পরিশোধিত/)
    .waitFor();

  await to.fill('৩১/২/২০২৬');
  await to.press('Tab');
  await page.getByText('পর্যন্ত: তারিখ লিখুন দিন/মাস/বছর করে, যেমন ১/১২/২০২৬।').waitFor();
  assert.equal(await to.getAttribute('aria-invalid'), 'true');
  await totalsLine(page)
    .getByText(/^১টি অর্ডার · ০টি পরিশোধিত/)
    .waitFor();
  await to.fill('');
  await page.getByText('পর্যন্ত: তারিখ লিখুন দিন/মাস/বছর করে, যেমন ১/১২/২০২৬।').waitFor({ state: 'detached' });
  await page.screenshot({ path: '/tmp/paydesk-bengali-dates.png' });

  await tab(page, 'সেটিংস').click();
  await page.getByLabel(/^২৪ ঘণ্টা/).check();
  await tab(page, 'অর্ডার').click();
  await page.getByRole('button', { name: 'ফিল্টার মুছুন' }).click();
  await orderRow(page, lastEvening!.ref).locator('.cell-time').getByText('১৭:৩০', { exact: true }).waitFor();
  assert.equal((await call(core, 'getPreferences', {})).clock, '24h');
});
