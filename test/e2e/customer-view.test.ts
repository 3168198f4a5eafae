// The screen turned to the customer, end to end: the shopkeeper's page and the customer view (the same built
// renderer at #customer) in real Chromium on one real core; a link made in the first shows on the second, the
// customer pays on the sandbox's checkout, and the customer view says PAID with the amount and the transaction id,
// then goes back to the shop. The Paid chime is heard as the page's audio element playing, not through speakers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import type { BridgedCore } from '../support/browser-bridge';
import { createLink, showTab } from '../support/app-screens';
import { call } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { serveApp, type TestContext } from '../support/e2e-app';
import { layoutFaults } from '../support/layout-faults';
import { eventually, untilInPage } from '../support/waiting';

const app = serveApp();

const SHOTS = '/tmp/16b-shots';
const HOLD_MS = 1500;
const SHOP = 'রহমান স্টোর';
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

type Counter = { core: BridgedCore; shopkeeper: Page; customer: Page };

/** A shop with a few orders of its own already, the shopkeeper's window, and the customer view beside it. */
async function openCounter(t: TestContext, language: Language = 'en', size: (typeof SIZES)[number] = SIZES[1]): Promise<Counter> {
  const core = await app.startCore(t, { customerPaidHoldMs: HOLD_MS });
  const preferences = await call(core, 'getPreferences', {});
  await call(core, 'savePreferences', { ...preferences, language });
  await call(core, 'saveShopDetails', { name: SHOP, address: 'House 12, Road 5, Dhaka', phone: '01711-000000' });
  // Earlier sales, made from elsewhere (the CLI, a link sent by message): none of it is the customer's business.
  const earlier = await core.service.createPaymentLink({
    amount: 1_234_500,
    customerName: 'Karim Ahmed',
    customerEmail: 'karim@mail.test',
  });
  assert.ok(earlier.ok);
  await decideOnCheckout(earlier.value.paymentUrl!, 'Pay');
  assert.ok((await core.service.createPaymentLink({ amount: 45_600, customerName: 'আয়েশা আক্তার', note: 'দুটি শার্ট' })).ok);

  const shopkeeper = await app.openPage(t, core, { viewport: size });
  await shopkeeper.locator('#tab-payments').waitFor();
  const customer = await app.openPage(t, core, { viewport: size }, '#customer');
  await shown(customer, 'idle');
  return { core, shopkeeper, customer };
}

const shown = (customer: Page, kind: 'idle' | 'link' | 'paid') => customer.locator(`.customer-view[data-display="${kind}"]`).waitFor();

/** Counts the chime's audio element starting to play, from now on. */
async function listenForChime(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    globalThis.__chimes = { play: 0, playing: 0 };
    const audio = document.querySelector('audio.paid-chime');
    audio.addEventListener('play', () => globalThis.__chimes.play++);
    audio.addEventListener('playing', () => globalThis.__chimes.playing++);
  })()`);
}
const chimes = (page: Page) => page.evaluate('globalThis.__chimes') as Promise<{ play: number; playing: number }>;

/** The customer pays on the gateway's checkout; returns the transaction id the return carried. */
async function customerPays(paymentUrl: string): Promise<string> {
  const landing = await decideOnCheckout(paymentUrl, 'Pay');
  const transactionId = new URL(landing.url).searchParams.get('transaction_id');
  assert.ok(transactionId, 'the return carries a transaction id');
  return transactionId;
}

/** Everything the customer view holds as text, markup and attributes included. */
const everything = (customer: Page) => customer.evaluate('document.documentElement.outerHTML') as Promise<string>;

test('a link made at the counter shows on the customer view, which turns PAID with amount and transaction id, then back to the shop', async (t) => {
  const { core, shopkeeper, customer } = await openCounter(t);
  assert.match(await customer.locator('.customer-view').innerText(), new RegExp(`${SHOP}[\\s\\S]*Welcome[\\s\\S]*স্বাগতম`));

  await shopkeeper.getByRole('button', { name: 'Customer screen' }).click();
  await shopkeeper.keyboard.press('Control+Shift+D');
  // Each asks over the bridge: the second request may still be on its way when the key press returns.
  await eventually(() => core.platform.customerViews.length >= 2);
  assert.deepEqual(core.platform.customerViews, [true, true], 'the button and Ctrl+Shift+D ask the main process for the window');

  await listenForChime(shopkeeper);
  await showTab(shopkeeper, 'payments');
  await createLink(shopkeeper, '500', 'রহিম উদ্দিন');
  await shown(customer, 'link');
  const order = (await core.service.listOrders({ limit: 1 })).orders[0]!;
  assert.equal(await customer.locator('.customer-amount').innerText(), '৳500.00');
  await customer.getByText('Scan to pay', { exact: true }).waitFor();
  await customer.getByText('স্ক্যান করে টাকা দিন', { exact: true }).waitFor();
  await customer.getByText('Test payment: no real money', { exact: true }).waitFor();
  // The customer's code is the very code of the shopkeeper's panel: the same link, drawn large.
  const code = await customer.locator('.customer-qr svg.qr-code path').getAttribute('d');
  await shopkeeper.locator('.link-qr svg.qr-code path').waitFor();
  assert.equal(code, await shopkeeper.locator('.link-qr svg.qr-code path').getAttribute('d'));
  const box = await customer.locator('.customer-qr svg.qr-code').boundingBox();
  assert.ok(box && box.width >= 400, `the code is large (${box?.width} px)`);
  mkdirSync(SHOTS, { recursive: true });
  await customer.screenshot({ path: join(SHOTS, 'e2e-link.png') });

  const transactionId = await customerPays(order.paymentUrl!);
  await shown(customer, 'paid');
  await customer.getByText('PAID', { exact: true }).waitFor();
  await customer.getByText('টাকা পাওয়া গেছে', { exact: true }).waitFor();
  assert.equal(await customer.locator('.customer-amount').innerText(), '৳500.00');
  assert.equal(await customer.locator('.customer-transaction [translate="no"]').innerText(), transactionId);
  await customer.screenshot({ path: join(SHOTS, 'e2e-paid.png') });

  // Nothing private, at any moment: no other order, no name, no ref, no total.
  const html = await everything(customer);
  const orders = await core.service.listOrders({ limit: 10 });
  for (const secret of [
    'রহিম',
    'Karim',
    'karim@mail.test',
    'আয়েশা',
    'দুটি শার্ট',
    '12,345.00',
    '456.00',
    ...orders.orders.map((o) => o.ref),
  ]) {
    assert.equal(html.includes(secret), false, `${secret} is not on the customer's screen`);
  }

  await untilInPage(shopkeeper, 'globalThis.__chimes.playing > 0');
  assert.equal(await shopkeeper.evaluate(`document.querySelector('audio.paid-chime').currentTime > 0`), true);
  assert.equal((await chimes(shopkeeper)).play, 1, 'one payment, one chime');
  assert.equal(await customer.locator('audio').count(), 0, 'the customer view rings nothing itself');

  await shown(customer, 'idle');
  await customer.getByText('Welcome', { exact: true }).waitFor();
});

test('with the chime turned off in Settings, a payment plays nothing, and the volume set there is the one it plays at', async (t) => {
  const { core, shopkeeper } = await openCounter(t);
  await showTab(shopkeeper, 'settings');
  const volume = shopkeeper.getByLabel('Volume');
  await volume.fill('30');
  await untilInPage(shopkeeper, `document.querySelector('.sound-volume output')?.textContent === '30%'`);
  const chime = shopkeeper.getByLabel('Play a chime when a customer’s payment comes back');
  await chime.uncheck();
  // The volume is greyed once the core has saved the chime off.
  await untilInPage(shopkeeper, `document.getElementById('sound-volume').disabled`);
  const saved = await call(core, 'getPreferences', {});
  assert.deepEqual([saved.paidSound, saved.paidSoundVolume], [false, 30]);

  await listenForChime(shopkeeper);
  await showTab(shopkeeper, 'payments');
  await createLink(shopkeeper, '80');
  await shopkeeper.locator('.link-qr').waitFor();
  const order = (await core.service.listOrders({ limit: 1 })).orders[0]!;
  await customerPays(order.paymentUrl!);
  await untilInPage(shopkeeper, `document.querySelector('#panel-payments').innerText.includes('Paid')`);
  // The chime would have started with the event that turned the panel Paid.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(await chimes(shopkeeper), { play: 0, playing: 0 });
  assert.equal(await shopkeeper.evaluate(`document.querySelector('audio.paid-chime').paused`), true);

  // Turned on again, the next payment rings at the volume chosen.
  await showTab(shopkeeper, 'settings');
  await chime.check();
  await untilInPage(shopkeeper, `!document.getElementById('sound-volume').disabled`);
  await showTab(shopkeeper, 'payments');
  await createLink(shopkeeper, '90');
  await untilInPage(shopkeeper, `document.querySelector('.link-qr') !== null`);
  const next = (await core.service.listOrders({ limit: 1 })).orders[0]!;
  assert.notEqual(next.ref, order.ref);
  await customerPays(next.paymentUrl!);
  await untilInPage(shopkeeper, 'globalThis.__chimes.play > 0');
  assert.equal(await shopkeeper.evaluate(`document.querySelector('audio.paid-chime').volume`), 0.3);
});

for (const language of ['bn', 'en'] as const) {
  test(`in ${language === 'bn' ? 'বাংলা' : 'English'} the customer view fits 1024×768 and 1366×768 while waiting, asking and paid`, async (t) => {
    mkdirSync(SHOTS, { recursive: true });
    for (const size of SIZES) {
      const { core, shopkeeper, customer } = await openCounter(t, language, size);
      const shoot = async (state: string) => {
        assert.deepEqual(await layoutFaults(customer), [], `the customer view lays out at ${size.width}×${size.height}, ${state}`);
        await customer.screenshot({ path: join(SHOTS, `${language}-${size.width}x${size.height}-${state}.png`) });
      };
      await shoot('idle');
      await showTab(shopkeeper, 'payments');
      await createLink(shopkeeper, '১,২৫০.৫০');
      await shown(customer, 'link');
      assert.equal(await customer.locator('.customer-amount').innerText(), language === 'bn' ? '৳১,২৫০.৫০' : '৳1,250.50');
      // The shop's language first, large; the other after it, smaller.
      const first = await customer.locator('.customer-scan .customer-first').innerText();
      assert.equal(first, language === 'bn' ? 'স্ক্যান করে টাকা দিন' : 'Scan to pay');
      await shoot('link');
      await shopkeeper.screenshot({ path: join(SHOTS, `${language}-${size.width}x${size.height}-shopkeeper.png`) });
      await customerPays((await core.service.listOrders({ limit: 1 })).orders[0]!.paymentUrl!);
      await shown(customer, 'paid');
      await shoot('paid');
    }
  });
}

test('a customer view already open follows the shop’s language when the shopkeeper changes it', async (t) => {
  const { core, shopkeeper, customer } = await openCounter(t, 'en');
  await showTab(shopkeeper, 'payments');
  await createLink(shopkeeper, '500');
  await shown(customer, 'link');
  assert.equal(await customer.locator('.customer-scan .customer-first').innerText(), 'Scan to pay');
  const preferences = await call(core, 'getPreferences', {});
  await call(core, 'savePreferences', { ...preferences, language: 'bn' });
  await customer.locator('.customer-scan .customer-first', { hasText: 'স্ক্যান করে টাকা দিন' }).waitFor();
  assert.equal(await customer.locator('.customer-amount').innerText(), '৳৫০০.০০');
  assert.equal(await customer.locator('.customer-view').getAttribute('lang'), 'bn');
});

test('the customer view’s window is given only what its screen needs: no orders, no settings, no shop events', async (t) => {
  const { customer } = await openCounter(t, 'en');
  const offered = (await customer.evaluate('Object.keys(window.paydesk).sort()')) as string[];
  assert.deepEqual(offered, ['customerView', 'getCustomerDisplay', 'getPreferences', 'on']);
  const refused = (await customer.evaluate(`(() => {
    try { window.paydesk.on('orderPaid', () => {}); return 'subscribed'; } catch (error) { return error.message; }
  })()`)) as string;
  assert.match(refused, /no event called orderPaid/);
});
