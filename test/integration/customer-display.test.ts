// What the customer's screen is told, driven through the router the app uses over a real core (SQLite, sandbox
// gateway, return listener): the link this counter made, PAID when the customer's browser comes back, the shop
// again after the hold, and nothing of any other order at any moment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomerDisplay } from '../../shared/contract';
import { call, startTestCore, type TestCore } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { eventually } from '../support/waiting';

const HOLD_MS = 300;

async function counter(t: { after(fn: () => unknown): void }): Promise<{ core: TestCore; shown: CustomerDisplay[] }> {
  const core = await startTestCore(t, { customerPaidHoldMs: HOLD_MS });
  await call(core, 'saveShopDetails', { name: 'রহমান স্টোর', address: 'House 12, Road 5, Dhaka', phone: '01711-000000' });
  const shown: CustomerDisplay[] = [];
  core.events.on('customerDisplay', (display) => shown.push(display));
  return { core, shown };
}

const shop = { name: 'রহমান স্টোর', logoDataUrl: null, language: 'en' };

test('the customer display shows the link just made, PAID with its transaction id on return, then the shop again', async (t) => {
  const { core, shown } = await counter(t);
  assert.deepEqual(await call(core, 'getCustomerDisplay', {}), { kind: 'idle', shop });

  const order = await call(core, 'createPaymentLink', { amount: '500', customerName: 'Karim Ahmed', note: 'two shirts' });
  const link = { kind: 'link', shop, amountMinor: 50_000, paymentUrl: order.paymentUrl!, sandbox: true };
  assert.deepEqual(await call(core, 'getCustomerDisplay', {}), link);

  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  const transactionId = new URL(landing.url).searchParams.get('transaction_id');
  assert.ok(transactionId);
  await eventually(() => shown.some((display) => display.kind === 'paid'));
  const paid = { kind: 'paid', shop, amountMinor: 50_000, transactionId, sandbox: true };
  assert.deepEqual(await call(core, 'getCustomerDisplay', {}), paid);

  await eventually(() => shown.at(-1)?.kind === 'idle', HOLD_MS + 2000);
  assert.deepEqual(shown, [link, paid, { kind: 'idle', shop }]);
});

test('the customer display never carries a name, an e-mail, a note, a ref or a total', async (t) => {
  const { core, shown } = await counter(t);
  const first = await call(core, 'createPaymentLink', {
    amount: '120',
    customerName: 'জামাল হোসেন',
    customerEmail: 'jamal@mail.test',
    note: 'বাকি',
  });
  await decideOnCheckout(first.paymentUrl!, 'Pay');
  await eventually(() => shown.some((display) => display.kind === 'paid'));
  const second = await call(core, 'createPaymentLink', { amount: '80', customerName: 'Fatema Begum' });

  const said = JSON.stringify([...shown, await call(core, 'getCustomerDisplay', {})]);
  for (const secret of ['জামাল', 'jamal@mail.test', 'বাকি', 'Fatema', first.ref, second.ref, '20000', 'total', 'count']) {
    assert.equal(said.includes(secret), false, `${secret} never reaches the customer's screen`);
  }
  const keys = new Set(shown.flatMap((display) => Object.keys(display)));
  assert.deepEqual([...keys].sort(), ['amountMinor', 'kind', 'paymentUrl', 'sandbox', 'shop', 'transactionId']);
});

test('a new link takes the last one off the customer display at once, and a failed one leaves the shop on it', async (t) => {
  const { core, shown } = await counter(t);
  await call(core, 'createPaymentLink', { amount: '300' });
  // The gateway refuses the next link (its Base URL no longer answers as a gateway).
  const profile = (await core.profiles.active())!;
  await core.profiles.update(profile.id, { baseUrl: `${profile.baseUrl}/nowhere` });
  const refused = await core.router.handle('createPaymentLink', { amount: '400' }, { url: 'app://paydesk/index.html', isMainFrame: true });
  assert.equal(refused.ok, false);
  assert.deepEqual(
    shown.map((display) => display.kind),
    ['link', 'idle'],
  );
  assert.equal((await call(core, 'getCustomerDisplay', {})).kind, 'idle');
});

test('a link cancelled or paid elsewhere changes the customer display only when it is the one on show', async (t) => {
  const { core, shown } = await counter(t);
  const away = await core.service.createPaymentLink({ amount: 99_00 });
  assert.ok(away.ok);
  assert.equal(shown.length, 0, 'a link not made at this counter is not shown');
  const here = await call(core, 'createPaymentLink', { amount: '250' });
  await call(core, 'markPaidManually', { ref: away.value.ref, reason: 'paid in cash' });
  assert.equal(shown.at(-1)?.kind, 'link', 'another order paid changes nothing');
  await call(core, 'cancelOrder', { ref: here.ref });
  assert.deepEqual(await call(core, 'getCustomerDisplay', {}), { kind: 'idle', shop });
});

test('a link paid at the counter by hand shows PAID without a transaction id', async (t) => {
  const { core } = await counter(t);
  const order = await call(core, 'createPaymentLink', { amount: '75' });
  await call(core, 'markPaidManually', { ref: order.ref, reason: 'paid in cash' });
  assert.deepEqual(await call(core, 'getCustomerDisplay', {}), {
    kind: 'paid',
    shop,
    amountMinor: 7_500,
    transactionId: null,
    sandbox: true,
  });
});

test('a change to the shop’s name shows on the customer display at once', async (t) => {
  const { core, shown } = await counter(t);
  await call(core, 'saveShopDetails', { name: 'Rahman Store', address: '', phone: '' });
  assert.deepEqual(shown, [{ kind: 'idle', shop: { name: 'Rahman Store', logoDataUrl: null, language: 'en' } }]);
});

test('a change of language in Settings reaches a customer display already showing a link', async (t) => {
  const { core, shown } = await counter(t);
  const order = await call(core, 'createPaymentLink', { amount: '500' });
  const preferences = await call(core, 'getPreferences', {});
  await call(core, 'savePreferences', { ...preferences, language: 'bn' });
  assert.deepEqual(shown.at(-1), {
    kind: 'link',
    shop: { ...shop, language: 'bn' },
    amountMinor: 50_000,
    paymentUrl: order.paymentUrl!,
    sandbox: true,
  });
});

test('the page asks for the customer view to open and to close through the main process', async (t) => {
  const { core } = await counter(t);
  await call(core, 'customerView', { open: true });
  await call(core, 'customerView', { open: false });
  assert.deepEqual(core.platform.customerViews, [true, false]);
});
