// The shopkeeper's first slice end to end: the built renderer in real Chromium, `window.paydesk` bridged into
// the router the main process uses, the real core behind it (SQLite, sandbox gateway, return listener), and a
// second page playing the customer's browser on the gateway's checkout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { inEnglish } from '../../shared/messages/say';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { eventually, untilInPage } from '../support/waiting';
import { bookSql } from '../support/book-sql';

const SCREENSHOT = '/tmp/paydesk-e2e.png';

const app = serveApp();

type App = { core: BridgedCore; page: Page };

/** PayDesk's window as the shopkeeper sees it, on a fresh order book. */
async function openApp(t: TestContext): Promise<App> {
  const core = await app.startCore(t);
  const page = await app.openPage(t, core, {
    viewport: { width: 1200, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await tab(page, 'Payments').click();
  await page.getByRole('heading', { name: 'New payment link' }).waitFor();
  return { core, page };
}

const tab = (page: Page, name: 'Payments' | 'Orders') => page.getByRole('tab', { name });

/** Fills the form and submits it; returns the link shown for the customer. */
async function createLink(page: Page, fields: { amount: string; customerName?: string }): Promise<string> {
  await page.getByLabel('Amount').fill(fields.amount);
  if (fields.customerName) await page.getByLabel('Customer name').fill(fields.customerName);
  await page.getByRole('button', { name: 'Create payment link' }).click();
  const link = page.getByLabel('Link for the customer');
  await link.waitFor();
  return link.inputValue();
}

/** The customer's own browser: opens the checkout, presses Pay or Cancel, and ends on PayDesk's page. */
async function customerDecides(paymentUrl: string, button: 'Pay' | 'Cancel'): Promise<Page> {
  const customer = await app.browser.newPage();
  await customer.goto(paymentUrl);
  await customer.getByRole('button', { name: new RegExp(`^${button}`) }).click();
  await customer.waitForURL((url) => !url.href.startsWith(new URL(paymentUrl).origin));
  return customer;
}

const orderRow = (page: Page, ref: string) => page.getByRole('row').filter({ hasText: ref });
const orderCount = (core: BridgedCore) => bookSql(core).value<number>('SELECT count(*) FROM orders');

test('a paid checkout turns the order row Paid with its transaction id, without a reload', async (t) => {
  const { core, page } = await openApp(t);
  await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));

  const paymentUrl = await createLink(page, { amount: '150.50', customerName: 'রহিম উদ্দিন' });
  const [order] = (await core.service.listOrders({ limit: 10 })).orders;
  assert.equal(paymentUrl, order!.paymentUrl);
  assert.match(paymentUrl, /\/checkout\?trx_id=/);
  await tab(page, 'Orders').click();
  const row = orderRow(page, order!.ref);
  await row.getByText('Pending', { exact: true }).waitFor();
  assert.equal(await row.locator('[lang="bn"]').innerText(), 'রহিম উদ্দিন');
  assert.match(await row.innerText(), /৳150\.50/);

  await tab(page, 'Payments').click();
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByText('Copied — the link is on the clipboard.').waitFor();
  assert.equal(await page.evaluate('navigator.clipboard.readText()'), paymentUrl);

  const customer = await customerDecides(paymentUrl, 'Pay');
  await customer.getByRole('heading', { name: /Payment received/ }).waitFor();
  const transactionId = new URL(customer.url()).searchParams.get('transaction_id')!;
  await customer.close();

  // The panel says Paid in large type, with the transaction id, and no longer offers the link to hand out.
  const paid = page.locator('.paid-state');
  await paid.getByText('PAID').waitFor();
  await paid.getByText(transactionId).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Copy' }).count(), 0);
  await tab(page, 'Orders').click();
  await row.getByText('Paid', { exact: true }).waitFor();
  assert.match(await row.innerText(), new RegExp(transactionId));
  assert.equal(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument), true);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('a cancelled checkout turns the order row Cancelled', async (t) => {
  const { core, page } = await openApp(t);
  const paymentUrl = await createLink(page, { amount: '80' });
  const customer = await customerDecides(paymentUrl, 'Cancel');
  await customer.getByRole('heading', { name: /Payment cancelled/ }).waitFor();
  await customer.close();
  const [order] = (await core.service.listOrders({ limit: 10 })).orders;
  await tab(page, 'Orders').click();
  await orderRow(page, order!.ref).getByText('Cancelled', { exact: true }).waitFor();
  assert.equal(order!.status, 'cancelled');
});

test('an amount with three decimals is flagged as it is typed and creates no order', async (t) => {
  const { core, page } = await openApp(t);
  const amount = page.getByLabel('Amount');
  await amount.fill('1.234');
  await page.getByText('Taka amounts have at most two decimals (poisha), for example 150.50.').waitFor();
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');

  await page.getByLabel('Customer name').focus();
  await page.keyboard.press('Enter');
  await untilInPage(page, "document.activeElement?.id === 'amount'");
  assert.equal(await orderCount(core), 0);
  assert.deepEqual(core.changes, []);
});

test('a sum typed as a shopkeeper writes it makes a link for that many taka', async (t) => {
  const { core, page } = await openApp(t);
  await createLink(page, { amount: 'Tk 1,500/-' });
  await page.locator('.link-amount').getByText('৳1,500.00', { exact: true }).waitFor();
  await page.getByLabel('Amount').fill('৳1,50,000');
  assert.equal(await page.getByLabel('Amount').getAttribute('aria-invalid'), null, 'no refusal while it is an amount');
  await page.getByRole('button', { name: 'Create payment link' }).click();
  // Above the shop's threshold (৳50,000 unless set otherwise), the amount is read back first.
  await page.getByRole('dialog', { name: 'Make a link for ৳1,50,000.00?' }).getByRole('button', { name: 'Make the link' }).click();
  await page.locator('.link-amount').getByText('৳1,50,000.00', { exact: true }).waitFor();
  assert.deepEqual(
    (await core.service.listOrders({ limit: 10 })).orders.map((order) => order.amountMinor),
    [15_000_000, 150_000],
  );
});

test('in বাংলা the amount field takes “৫০০ টাকা”, and says in Bengali what is not an amount', async (t) => {
  const core = await app.startCore(t);
  await call(core, 'savePreferences', { language: 'bn', notificationNames: 'unlocked', linkExpiryHours: 24, clock: '12h' });
  const page = await app.openPage(t, core, { viewport: { width: 1200, height: 800 } });
  await page.getByRole('tab', { name: 'পেমেন্ট' }).click();
  const amount = page.getByLabel('টাকার পরিমাণ');
  await amount.fill('৫০০ টা');
  await page.getByText('টাকায়, যেমন ১৫০.৫০, ৳১,৫০০ বা ১৫০০/-').waitFor();
  await amount.fill('৫০০ ডলার');
  await page.getByText('পরিমাণটি টাকার সংখ্যায় লিখুন, যেমন ১৫০.৫০।').waitFor();
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  await amount.fill('১.২৩৪');
  await page.getByText('টাকার পরিমাণে দশমিকের পরে বড়জোর দুই অঙ্ক (পয়সা) থাকে, যেমন ১৫০.৫০।').waitFor();
  await amount.fill('৫০০ টাকা');
  await page.getByRole('button', { name: 'পেমেন্ট লিংক তৈরি করুন' }).click();
  await page.locator('.link-amount').getByText('৳৫০০.০০', { exact: true }).waitFor();
  assert.equal((await core.service.listOrders({ limit: 10 })).orders[0]!.amountMinor, 50_000);
});

test('a gateway refusal shows the gateway’s Bengali message verbatim and lists the order as Failed', async (t) => {
  const { core, page } = await openApp(t);
  const profile = (await core.profiles.active())!;
  await core.profiles.update(profile.id, { baseUrl: `${profile.baseUrl}/` });

  await page.getByLabel('Amount').fill('10');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const said = alert.locator('blockquote[lang="bn"]');
  assert.equal(await said.innerText(), 'Domain mismatch. দুঃখিত, সংযোগ স্থাপন করা যায়নি।');

  const [order] = (await core.service.listOrders({ limit: 10 })).orders;
  assert.equal(order!.status, 'failed');
  await tab(page, 'Orders').click();
  const row = orderRow(page, order!.ref);
  await row.getByText('Failed', { exact: true }).waitFor();
  await row.getByText(inEnglish(order!.failure!)).waitFor();
});

test('sandbox mode is announced by an unmistakable banner with the return address', async (t) => {
  const { core, page } = await openApp(t);
  await page.getByText('Sandbox mode — payments are simulated; no real money moves.').waitFor();
  await page.getByText(core.runtime().returnBaseUrl!).waitFor();
});

test('Open in browser hands the payment link to the system browser', async (t) => {
  const { core, page } = await openApp(t);
  const paymentUrl = await createLink(page, { amount: '25' });
  await page.getByRole('button', { name: 'Open in browser' }).click();
  await eventually(() => core.platform.opened.length > 0);
  assert.deepEqual(core.platform.opened, [paymentUrl]);
});
