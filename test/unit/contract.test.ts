import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateLinkInput, ListOrdersInput, Order, ProfileInput } from '../../shared/contract';

test('a payment-link request parses its amount into poisha and drops blank optional fields', () => {
  assert.deepEqual(CreateLinkInput.parse({ amount: '150.50', customerName: '  ', customerEmail: '', note: ' two shirts ' }), {
    amount: 15050,
    customerName: undefined,
    customerEmail: undefined,
    note: 'two shirts',
  });
});

test('a payment-link request with a bad amount, e-mail or an overlong note is refused with a message code', () => {
  const bad = [
    { amount: '1.234' },
    { amount: 150.5 },
    { amount: '10', customerEmail: 'rahim@' },
    { amount: '10', note: 'x'.repeat(501) },
    { amount: '10', customerName: 'x'.repeat(101) },
  ];
  for (const input of bad) {
    const parsed = CreateLinkInput.safeParse(input);
    assert.equal(parsed.success, false, JSON.stringify(input).slice(0, 60));
  }
  const email = CreateLinkInput.safeParse({ amount: '10', customerEmail: 'rahim@' });
  assert.equal(email.error!.issues[0]!.message, 'email_invalid');
  const note = CreateLinkInput.safeParse({ amount: '10', note: 'x'.repeat(501) });
  assert.equal(note.error!.issues[0]!.message, 'note_too_long');
});

test('list queries default to 200 rows and refuse unknown statuses', () => {
  assert.deepEqual(ListOrdersInput.parse({}), { allProfiles: false, sort: 'time', direction: 'desc', offset: 0, limit: 200, totals: true });
  assert.equal(ListOrdersInput.safeParse({ from: '2026-11-25', to: '2026-11-01' }).success, false);
  assert.equal(ListOrdersInput.safeParse({ status: 'lost' }).success, false);
  assert.equal(ListOrdersInput.safeParse({ limit: 100000 }).success, false);
});

test('an order is in taka and nothing else', () => {
  const order = {
    ref: 'PD-000001',
    status: 'paid',
    amountMinor: 100,
    currency: 'BDT',
    customerName: null,
    customerEmail: null,
    note: null,
    paymentUrl: null,
    paymentHost: null,
    paymentHostForeign: false,
    paymentProof: 'return',
    transactionId: 'T1',
    failure: null,
    profileName: 'sandbox',
    counterName: 'Counter 1',
    sandbox: true,
    paidManually: false,
    verification: 'unverified',
    statementAmountMinor: null,
    expiresAt: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    paidAt: null,
    cancelledAt: null,
  };
  assert.equal(Order.safeParse(order).success, true);
  assert.equal(Order.safeParse({ ...order, currency: 'USD' }).success, false);
});

test('a profile keeps its Base URL as typed and refuses non-web addresses', () => {
  const parsed = ProfileInput.parse({ name: 'shop', baseUrl: 'https://pay.example.com/api/' });
  assert.equal(parsed.baseUrl, 'https://pay.example.com/api/');
  assert.equal(parsed.listenPort, 47400);
  for (const baseUrl of ['pay.example.com', 'ftp://pay.example.com', 'javascript:alert(1)', 'https://user:pw@pay.example.com']) {
    assert.equal(ProfileInput.safeParse({ name: 'shop', baseUrl }).success, false, baseUrl);
  }
});
