import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_PREFERENCES, type ListOrdersInput, type OrderPage } from '../../shared/contract';
import { openDatabase } from '../../electron/core/storage/sqlite/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/storage/sqlite/migrations';
import { localDay } from '../../electron/core/storage/local-days';
import { render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { tempDir } from '../support/temp-dir';
import { seedOrderRows, type OrderSeed } from '../support/seed-orders';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';

const HOUR = 3600_000;

const seed = seedOrderRows;

const list = (core: TestCore, query: ListOrdersInput = {}) => call(core, 'listOrders', query);
const refs = (page: OrderPage) => page.orders.map((o) => o.ref);
const daysAgo = (n: number, hour = 12) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  d.setHours(hour, 0, 0, 0);
  return d;
};

test('search finds substrings and prefixes across ref, name, e-mail, transaction id and note, Bengali too', async (t) => {
  const core = await startTestCore(t);
  const [rahim, karim, ayesha] = await seed(core, [
    { amountMinor: 1000, name: 'রহিম উদ্দিন', email: 'rahim@shop.test', note: 'two blue shirts', at: daysAgo(2), pay: 'TRXAB12CD' },
    { amountMinor: 2000, name: 'Karim Ahmed', email: 'karim@mail.test', note: 'চা পাতা ৫ কেজি', at: daysAgo(1) },
    { amountMinor: 3000, name: 'Ayesha', email: 'ayesha@shop.test', at: daysAgo(0) },
  ]);
  const search = async (q: string) => refs(await list(core, { search: q }));
  assert.deepEqual(await search('হিম উ'), [rahim!.order.ref], 'a Bengali substring');
  assert.deepEqual(await search('পাতা'), [karim!.order.ref], 'a Bengali word in a note');
  assert.deepEqual(await search('AHME'), [karim!.order.ref], 'case does not matter');
  assert.deepEqual(await search('shop.test'), [ayesha!.order.ref, rahim!.order.ref], 'an e-mail domain');
  assert.deepEqual(await search('B12C'), [rahim!.order.ref], 'inside a transaction id');
  assert.deepEqual(await search('blue shirt'), [rahim!.order.ref], 'a phrase in a note');
  assert.deepEqual(await search(karim!.order.ref), [karim!.order.ref], 'a ref');
  assert.deepEqual(await search('tr'), [rahim!.order.ref], 'two letters: the start of a transaction id');
  assert.equal((await search('pd')).length, 3, 'two letters: the start of a ref');
  assert.deepEqual(await search('"; DROP TABLE orders; --'), [], 'hostile text is just text');
  assert.deepEqual(await search('100%_'), []);
  assert.equal((await list(core)).total, 3);
});

test('status and date filters, sorting and totals agree with the orders themselves', async (t) => {
  const core = await startTestCore(t);
  const rows: OrderSeed[] = [];
  for (let i = 0; i < 40; i++) {
    rows.push({
      amountMinor: 100 * (i + 1),
      name: `Customer ${i}`,
      at: daysAgo(i % 10, 9 + (i % 8)),
      ...(i % 3 === 0 ? { pay: `TRX${i}` } : {}),
    });
  }
  const seeded = (await seed(core, rows)).map((s) => s.order);
  const from = localDay(daysAgo(6));
  const to = localDay(daysAgo(2));
  const inRange = seeded.filter((o) => localDay(new Date(o.createdAt)) >= from && localDay(new Date(o.createdAt)) <= to);

  const paidInRange = await list(core, { status: 'paid', from, to });
  const expected = inRange.filter((o) => o.status === 'paid');
  assert.deepEqual(new Set(refs(paidInRange)), new Set(expected.map((o) => o.ref)));
  assert.equal(paidInRange.total, expected.length);
  assert.equal(
    paidInRange.paidSumMinor,
    expected.reduce((n, o) => n + o.amountMinor, 0),
  );

  const all = await list(core, { from, to });
  assert.equal(all.total, inRange.length);
  assert.equal(all.paidCount, expected.length);
  const times = all.orders.map((o) => o.createdAt);
  assert.deepEqual(times, [...times].sort().reverse(), 'newest first');

  const byAmount = await list(core, { sort: 'amount', direction: 'asc', limit: 5, offset: 5 });
  assert.deepEqual(
    byAmount.orders.map((o) => o.amountMinor),
    [600, 700, 800, 900, 1000],
  );
  assert.equal(byAmount.total, 40, 'totals cover the whole filter, not the window');

  const searched = await list(core, { search: 'Customer 1', status: 'paid' });
  const matching = seeded.filter((o) => o.customerName!.includes('Customer 1') && o.status === 'paid');
  assert.equal(searched.total, matching.length);
  assert.equal(
    searched.paidSumMinor,
    matching.reduce((n, o) => n + o.amountMinor, 0),
  );

  const bad = await core.router.handle('listOrders', { from: to, to: from }, APP_SENDER);
  assert.equal(bad.ok, false);
});

test('a pending link expires after its time, and a late return is still recorded as paid and marked late', async (t) => {
  const core = await startTestCore(t);
  const [old, fresh] = await seed(core, [
    { amountMinor: 500, at: daysAgo(2), expiresInHours: 24 },
    { amountMinor: 700, at: new Date(), expiresInHours: 24 },
  ]);
  assert.equal(await core.service.expireDue(), 1);
  assert.equal((await core.service.findOrder(old!.order.ref))!.status, 'expired');
  assert.equal((await core.service.findOrder(fresh!.order.ref))!.status, 'pending');
  assert.deepEqual(refs(await list(core, { status: 'expired' })), [old!.order.ref]);
  assert.equal(await core.service.expireDue(), 0, 'expiring is done once');

  assert.equal((await core.service.recordReturn(old!.token, canonicalTransactionId('LATE123')!)).kind, 'paid');
  const detail = await call(core, 'getOrder', { ref: old!.order.ref });
  assert.equal(detail.order.status, 'paid');
  assert.deepEqual(
    detail.timeline.map((e) => e.kind),
    ['created', 'expired', 'paid'],
  );
  assert.deepEqual(detail.timeline.at(-1)!.detail, { transactionId: 'LATE123', from: 'expired', late: true });
});

test('new links expire after the configured time', async (t) => {
  const core = await startTestCore(t);
  await call(core, 'savePreferences', { language: 'bn', linkExpiryHours: 2 });
  const order = await call(core, 'createPaymentLink', { amount: '10' });
  const lifetime = Date.parse(order.expiresAt!) - Date.parse(order.createdAt);
  assert.equal(lifetime, 2 * HOUR);
  assert.deepEqual(await call(core, 'getPreferences', {}), { ...DEFAULT_PREFERENCES, language: 'bn', linkExpiryHours: 2 });
  const refused = await core.router.handle('savePreferences', { language: 'fr', linkExpiryHours: 0 }, APP_SENDER);
  assert.equal(refused.ok, false);
});

test('marking an order paid by hand needs a reason, is audited and shows as manual', async (t) => {
  const core = await startTestCore(t);
  const order = await call(core, 'createPaymentLink', { amount: '250' });
  const noReason = await core.router.handle('markPaidManually', { ref: order.ref, reason: ' ' }, APP_SENDER);
  assert.equal(noReason.ok, false);
  if (!noReason.ok) assert.deepEqual([noReason.error.field, noReason.error.code], ['reason', 'paid_reason_too_short']);
  assert.equal((await core.service.findOrder(order.ref))!.status, 'pending');

  const paid = await call(core, 'markPaidManually', { ref: order.ref, reason: 'Paid in cash at the counter' });
  assert.equal(paid.status, 'paid');
  assert.equal(paid.paidManually, true);
  assert.equal(paid.transactionId, null);
  const detail = await call(core, 'getOrder', { ref: order.ref });
  assert.deepEqual(detail.timeline.at(-1), {
    kind: 'paid_manually',
    at: paid.paidAt,
    detail: { reason: 'Paid in cash at the counter' },
    message: null,
  });
  const again = await core.router.handle('markPaidManually', { ref: order.ref, reason: 'twice' }, APP_SENDER);
  assert.equal(again.ok, false);
  if (!again.ok) assert.deepEqual([again.error.code, again.error.params], ['order_already_paid', { ref: order.ref }]);
  // The gateway's return that arrives afterwards keeps the manual record and gives the order its transaction
  // id, so the statement line of that payment can never become a second paid order; the timeline says so.
  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  assert.equal(landing.status, 200);
  const after = (await core.service.findOrder(order.ref))!;
  assert.equal(after.paidManually, true);
  assert.equal(after.transactionId, new URL(landing.url).searchParams.get('transaction_id'));
  const last = (await call(core, 'getOrder', { ref: order.ref })).timeline.at(-1)!;
  assert.equal(last.kind, 'gateway_return_after_manual_payment');
});

test('the shopkeeper can cancel a pending link; the timeline shows who did', async (t) => {
  const core = await startTestCore(t);
  const order = await call(core, 'createPaymentLink', { amount: '80' });
  const cancelled = await call(core, 'cancelOrder', { ref: order.ref });
  assert.equal(cancelled.status, 'cancelled');
  const again = await core.router.handle('cancelOrder', { ref: order.ref }, APP_SENDER);
  assert.equal(again.ok, false);
  if (!again.ok) {
    assert.deepEqual([again.error.code, again.error.params], ['cancel_not_pending', { ref: order.ref, status: 'cancelled' }]);
    assert.equal(render(again.error, 'en'), `Order ${order.ref} is cancelled; only a pending link can be cancelled.`);
    assert.equal(render(again.error, 'bn'), `অর্ডার ${order.ref} এখন বাতিল; শুধু অপেক্ষমাণ লিংক বাতিল করা যায়।`);
  }
  const detail = await call(core, 'getOrder', { ref: order.ref });
  assert.deepEqual(
    detail.timeline.map((e) => [e.kind, e.detail.by ?? null]),
    [
      ['created', null],
      ['link_issued', null],
      ['cancelled', 'shopkeeper'],
    ],
  );
  const missing = await core.router.handle('getOrder', { ref: 'PD-999999' }, APP_SENDER);
  assert.equal(missing.ok, false);
});

test('a recorded return announces itself once for the toast and the desktop notification', async (t) => {
  const core = await startTestCore(t);
  const announced: string[] = [];
  core.events.on('orderPaid', (order) => announced.push(order.ref));
  const order = await call(core, 'createPaymentLink', { amount: '40' });
  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  await fetch(landing.url);
  assert.deepEqual(announced, [order.ref]);
});

test('the dashboard adds up money by the day it arrived', async (t) => {
  const core = await startTestCore(t);
  await seed(core, [
    { amountMinor: 1000, at: daysAgo(0, 10), pay: 'D0A' },
    { amountMinor: 2500, at: daysAgo(0, 11), pay: 'D0B' },
    { amountMinor: 4000, at: daysAgo(3), pay: 'D3' },
    { amountMinor: 8000, at: daysAgo(12), pay: 'D12' },
    { amountMinor: 9900, at: daysAgo(40), pay: 'D40' },
    { amountMinor: 300, at: new Date() },
  ]);
  const dashboard = await call(core, 'getDashboard', {});
  assert.deepEqual(dashboard.today, { count: 2, sumMinor: 3500 });
  assert.deepEqual(dashboard.last7Days, { count: 3, sumMinor: 7500 });
  assert.equal(dashboard.daily.length, 30);
  assert.equal(dashboard.daily.at(-1)!.day, localDay(new Date()));
  assert.equal(
    dashboard.daily.reduce((n, d) => n + d.sumMinor, 0),
    15500,
    'the 40-day-old payment is outside',
  );
  assert.deepEqual(dashboard.pending, { count: 1, sumMinor: 300 });
});

test('a foundation-era order book upgrades with nothing lost, and is backed up first', (t) => {
  const file = join(tempDir(t), 'paydesk.db');
  const old = new Database(file);
  old.exec(MIGRATIONS[0]!);
  old.pragma('user_version = 1');
  old
    .prepare(
      `INSERT INTO profiles (id, name, mode, base_url, listen_host, listen_port, created_at) VALUES (1, 'Shop', 'live', 'https://pay.test/api', '127.0.0.1', 47400, '2026-01-01T00:00:00.000Z')`,
    )
    .run();
  const insert =
    old.prepare(`INSERT INTO orders (id, ref, profile_id, amount_minor, currency, customer_name, status, return_token_hash, cancel_token_hash, transaction_id, created_at, updated_at, paid_at)
    VALUES (?, ?, 1, ?, 'BDT', ?, ?, ?, ?, ?, ?, ?, ?)`);
  insert.run(
    1,
    'PD-000001',
    15050,
    'রহিম',
    'paid',
    'r1',
    'c1',
    'TRXOLD1',
    '2026-01-02T05:00:00.000Z',
    '2026-01-02T05:00:00.000Z',
    '2026-01-02T05:01:00.000Z',
  );
  insert.run(2, 'PD-000002', 700, 'Karim', 'pending', 'r2', 'c2', null, '2026-01-03T05:00:00.000Z', '2026-01-03T05:00:00.000Z', null);
  old.prepare(`INSERT INTO order_events (order_id, kind, at) VALUES (1, 'paid', '2026-01-02T05:01:00.000Z')`).run();
  old.prepare(`INSERT INTO settings (key, value) VALUES ('active_profile', '1')`).run();
  old.close();

  const db = openDatabase(file);
  t.after(() => db.close());
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.ok(existsSync(`${file}.v1.bak`), 'the old book was copied aside before upgrading');
  const orders = db
    .prepare(`SELECT ref, amount_minor, customer_name, status, transaction_id, payment_source, expires_at FROM orders ORDER BY id`)
    .all();
  assert.deepEqual(orders, [
    {
      ref: 'PD-000001',
      amount_minor: 15050,
      customer_name: 'রহিম',
      status: 'paid',
      transaction_id: 'TRXOLD1',
      payment_source: 'gateway',
      expires_at: '2026-01-03T05:00:00.000Z',
    },
    {
      ref: 'PD-000002',
      amount_minor: 700,
      customer_name: 'Karim',
      status: 'pending',
      transaction_id: null,
      payment_source: null,
      expires_at: '2026-01-04T05:00:00.000Z',
    },
  ]);
  assert.equal((db.prepare('SELECT count(*) AS n FROM order_events').get() as { n: number }).n, 1);
  const found = db.prepare(`SELECT rowid FROM orders_search WHERE orders_search MATCH '"রহিম"'`).pluck().all();
  assert.deepEqual(found, [1], 'old orders are searchable');
  const counted = db.prepare(`SELECT sum(orders) AS n, sum(amount_minor) FILTER (WHERE status = 'paid') AS paid FROM order_counts`).get();
  assert.deepEqual(counted, { n: 2, paid: 15050 });
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(db.pragma('foreign_key_check'), []);
});

test('orders of a removed profile are read-only', async (t) => {
  const core = await startTestCore(t);
  const sandbox = (await core.profiles.active())!;
  await call(core, 'saveProfile', { profile: { name: 'Old shop', baseUrl: sandbox.baseUrl } });
  await call(core, 'setApiKey', { profileName: 'Old shop', apiKey: 'sk_sandbox_paydesk' });
  await call(core, 'switchProfile', { name: 'Old shop' });
  const order = await call(core, 'createPaymentLink', { amount: '15' });
  await call(core, 'removeProfile', { name: 'Old shop' });
  for (const [channel, payload] of [
    ['cancelOrder', { ref: order.ref }],
    ['markPaidManually', { ref: order.ref, reason: 'cash' }],
  ] as const) {
    const reply = await core.router.handle(channel, payload, APP_SENDER);
    assert.equal(reply.ok, false);
    if (!reply.ok)
      assert.deepEqual(
        [reply.error.kind, reply.error.code, reply.error.params],
        ['forbidden', 'order_of_removed_profile', { ref: order.ref }],
      );
  }
  assert.equal((await call(core, 'getOrder', { ref: order.ref })).order.status, 'pending');
});
