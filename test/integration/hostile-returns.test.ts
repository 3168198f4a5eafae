// Regression: the listener once took any printable ASCII as a transaction id, so a pending order's link
// with markup, SQL or a spreadsheet formula in place of the gateway's reference turned the order Paid with
// that text as its proof of payment (found by test/reliability/forged-returns.reliability.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { startTestCore } from '../support/core';
import { startReturnListener } from '../../electron/core/listener/return-listener';
import { seedOrders } from '../support/seed-orders';

test('a return whose transaction id is markup, SQL, a formula or a path is refused, audited, and pays nothing', async (t) => {
  const core = await startTestCore(t);
  const origin = core.runtime().returnBaseUrl!;
  const hostile = ['<svg/onload=alert(1)>', '<b>PAID</b>', "'OR'1'='1'--", '=HYPERLINK("http://evil.example")', '+1-1', '@SUM(A1)', '../../etc/passwd'];
  const orders = seedOrders(core.db, core.profiles.active()!.id, hostile.length);
  for (const [i, id] of hostile.entries()) {
    const order = orders[i]!;
    const response = await fetch(`${origin}${order.successPath}?transaction_id=${encodeURIComponent(id)}`);
    const body = await response.text();
    assert.equal(response.status, 400, id);
    assert.match(body, /Payment reference missing/);
    const stored = core.service.findOrder(order.ref)!;
    assert.deepEqual([stored.status, stored.transactionId], ['pending', null], id);
    const [audit] = core.db
      .prepare(`SELECT kind, detail FROM order_events WHERE order_id = ? AND kind = 'rejected_return'`)
      .all(order.id) as Array<{ kind: string; detail: string }>;
    assert.deepEqual(JSON.parse(audit!.detail), { reason: 'invalid_transaction_id', offered: id });
  }
  // The gateway's own references still pay.
  const ok = await fetch(`${origin}${orders[0]!.successPath}?transaction_id=CJH1D2Y4W1`);
  assert.equal(ok.status, 200);
  assert.equal(core.service.findOrder(orders[0]!.ref)!.transactionId, 'CJH1D2Y4W1');
});

test('a return that cannot be written fails alone: the returns that arrived with it are recorded', async (t) => {
  const core = await startTestCore(t);
  const orders = seedOrders(core.db, core.profiles.active()!.id, 8);
  const broken = orders[3]!;
  // SQLite refuses the audit row of one order's payment, after its UPDATE has run: as a full disk would.
  core.db.exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON order_events WHEN new.order_id = ${broken.id} AND new.kind = 'paid'
    BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
  const errors = t.mock.method(console, 'error', () => {});
  const origin = core.runtime().returnBaseUrl!;
  const pay = (order: (typeof orders)[number]) => fetch(`${origin}${order.successPath}?transaction_id=TOGETHER${order.id}`);

  const answers = await Promise.all(orders.map(pay));
  assert.deepEqual(
    answers.map((a) => a.status),
    orders.map((o) => (o === broken ? 503 : 200)),
  );
  for (const order of orders) {
    const stored = core.service.findOrder(order.ref)!;
    assert.deepEqual([stored.status, stored.transactionId], order === broken ? ['pending', null] : ['paid', `TOGETHER${order.id}`], order.ref);
  }
  assert.match(String(errors.mock.calls[0]!.arguments[1]), /disk I\/O error/);
  // The link still works once the disk does.
  core.db.exec('DROP TRIGGER temp.refuse_one');
  assert.equal((await pay(broken)).status, 200);
  assert.equal(core.service.findOrder(broken.ref)!.status, 'paid');
});

test('while another program holds the order book, returns are asked to try again at once, then recorded', async (t) => {
  const core = await startTestCore(t);
  const orders = seedOrders(core.db, core.profiles.active()!.id, 4);
  core.db.pragma('busy_timeout = 100');
  let transactions = 0;
  const handlers = {
    ...core.service,
    batch: <T>(work: () => T) => {
      transactions++;
      return core.service.batch(work);
    },
  };
  const started = await startReturnListener({ host: '127.0.0.1', port: 0, handlers });
  assert.ok(started.ok);
  t.after(() => started.listener.close());
  t.mock.method(console, 'error', () => {});
  const other = new Database(core.db.name);
  t.after(() => other.close());
  other.exec('BEGIN IMMEDIATE');

  const pay = () =>
    Promise.all(orders.map((order) => fetch(`${started.listener.url}${order.successPath}?transaction_id=LOCKED${order.id}`)));
  assert.deepEqual((await pay()).map((a) => a.status), orders.map(() => 503));
  // One wait for the lock per burst, not one more for each return in it.
  assert.ok(transactions <= orders.length, `${transactions} transactions tried for ${orders.length} returns`);
  assert.ok(orders.every((order) => core.service.findOrder(order.ref)!.status === 'pending'));

  other.exec('ROLLBACK');
  assert.deepEqual((await pay()).map((a) => a.status), orders.map(() => 200));
  assert.ok(orders.every((order) => core.service.findOrder(order.ref)!.status === 'paid'));
});
