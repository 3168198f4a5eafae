// Regression: the listener once took any printable ASCII as a transaction id, so a pending order's link
// with markup, SQL or a spreadsheet formula in place of the gateway's reference turned the order Paid with
// that text as its proof of payment (found by test/reliability/forged-returns.reliability.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { StatementMapping } from '../../shared/contract';
import { MAX_REFUSALS_PER_ORDER } from '../../electron/core/storage/orders-repo';
import { APP_SENDER, call, startTestCore } from '../support/core';
import { startReturnListener } from '../../electron/core/listener/return-listener';
import { seedBookOrders, type SeededOrder } from '../support/seed-orders';
import { bookSql } from '../support/book-sql';
import { onPostgres } from '../support/test-engine';

test('a return whose transaction id is markup, SQL, a formula or a path is refused, audited, and pays nothing', async (t) => {
  const core = await startTestCore(t);
  const origin = core.runtime().returnBaseUrl!;
  const hostile = [
    '<svg/onload=alert(1)>',
    '<b>PAID</b>',
    "'OR'1'='1'--",
    '=HYPERLINK("http://evil.example")',
    '+1-1',
    '@SUM(A1)',
    '../../etc/passwd',
  ];
  const orders = await seedBookOrders(core, hostile.length);
  for (const [i, id] of hostile.entries()) {
    const order = orders[i]!;
    const response = await fetch(`${origin}${order.successPath}?transaction_id=${encodeURIComponent(id)}`);
    const body = await response.text();
    assert.equal(response.status, 400, id);
    assert.match(body, /Payment reference missing/);
    const stored = (await core.service.findOrder(order.ref))!;
    assert.deepEqual([stored.status, stored.transactionId], ['pending', null], id);
    const [audit] = await bookSql(core).all<{ kind: string; detail: string }>(
      `SELECT kind, CAST(detail AS TEXT) AS detail FROM order_events WHERE order_id = ? AND kind = 'rejected_return'`,
      order.id,
    );
    assert.deepEqual(JSON.parse(audit!.detail), { reason: 'invalid_transaction_id', offered: id });
  }
  // The gateway's own references still pay.
  const ok = await fetch(`${origin}${orders[0]!.successPath}?transaction_id=CJH1D2Y4W1`);
  assert.equal(ok.status, 200);
  assert.equal((await core.service.findOrder(orders[0]!.ref))!.transactionId, 'CJH1D2Y4W1');
});

test('a return that cannot be written fails alone: the returns that arrived with it are recorded', async (t) => {
  if (onPostgres) return t.skip('the refusal is a TEMP trigger on the SQLite connection the core writes through');
  const core = await startTestCore(t);
  const orders = await seedBookOrders(core, 8);
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
    const stored = (await core.service.findOrder(order.ref))!;
    assert.deepEqual(
      [stored.status, stored.transactionId],
      order === broken ? ['pending', null] : ['paid', `TOGETHER${order.id}`],
      order.ref,
    );
  }
  assert.match(String(errors.mock.calls[0]!.arguments[1]), /disk I\/O error/);
  // The link still works once the disk does.
  core.db.exec('DROP TRIGGER temp.refuse_one');
  assert.equal((await pay(broken)).status, 200);
  assert.equal((await core.service.findOrder(broken.ref))!.status, 'paid');
});

test('while another program holds the order book, returns are asked to try again at once, then recorded', async (t) => {
  if (onPostgres) return t.skip('a lock on the whole book is SQLite’s; PostgreSQL writers lock only the rows they change');
  const core = await startTestCore(t);
  const orders = await seedBookOrders(core, 4);
  core.db.pragma('busy_timeout = 100');
  let transactions = 0;
  const handlers = {
    ...core.service,
    batch: <T>(work: () => Promise<T>) => {
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
  assert.deepEqual(
    (await pay()).map((a) => a.status),
    orders.map(() => 503),
  );
  // One wait for the lock per burst, not one more for each return in it.
  assert.ok(transactions <= orders.length, `${transactions} transactions tried for ${orders.length} returns`);
  const statuses = async () => Promise.all(orders.map(async (order) => (await core.service.findOrder(order.ref))!.status));
  assert.ok((await statuses()).every((status) => status === 'pending'));

  other.exec('ROLLBACK');
  assert.deepEqual(
    (await pay()).map((a) => a.status),
    orders.map(() => 200),
  );
  assert.ok((await statuses()).every((status) => status === 'paid'));
});

test('one payment pays one order, whatever the letter case or width its id is written in', async (t) => {
  const core = await startTestCore(t);
  const origin = core.runtime().returnBaseUrl!;
  const [a, b, c] = await seedBookOrders(core, 3, 50000);
  const open = (order: SeededOrder, id: string) => fetch(`${origin}${order.successPath}?transaction_id=${encodeURIComponent(id)}`);
  // B's customer paid; A was made earlier and still waits.
  assert.equal((await open(b!, 'JSGTB1OFN2')).status, 200);
  for (const spelling of ['jsgtb1ofn2', 'JsGtB1oFn2']) {
    const attempt = await open(a!, spelling);
    assert.equal(attempt.status, 409, spelling);
    await attempt.text();
  }
  // Spellings no gateway sends are refused at the door.
  for (const spelling of ['ＪＳＧＴＢ１ＯＦＮ２', ' JSGTB1OFN2', 'JSGTB1OFN2 ']) {
    const attempt = await open(a!, spelling);
    assert.equal(attempt.status, 400, spelling);
    await attempt.text();
  }
  assert.deepEqual(
    [(await core.service.findOrder(a!.ref))!.status, (await core.service.findOrder(a!.ref))!.transactionId],
    ['pending', null],
  );
  const refusals = (
    await bookSql(core).all<{ detail: string }>(
      `SELECT CAST(detail AS TEXT) AS detail FROM order_events WHERE order_id = ? AND kind = 'duplicate_transaction' ORDER BY id`,
      a!.id,
    )
  ).map((row) => row.detail);
  assert.equal(refusals.length, 2);
  assert.equal(JSON.parse(String(refusals[0])).heldBy, b!.ref);
  // B's own repeat in another case is the same payment: a thank-you, no change.
  assert.equal((await open(b!, 'jsgtb1ofn2')).status, 200);
  assert.equal((await core.service.findOrder(b!.ref))!.transactionId, 'JSGTB1OFN2');

  // The statement line, in any case, verifies B and nothing else; it cannot then be claimed for A at the counter.
  core.platform.choices.statement = {
    name: 'statement.csv',
    bytes: new TextEncoder().encode(
      `Transaction ID,Amount,Date\r\njsgtb1ofn2,500.00,${new Date().toISOString()}\r\nＣ９９,500.00,${new Date().toISOString()}\r\n`,
    ),
  };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  const report = await call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
  assert.deepEqual([report.verified, report.missing, report.unclaimed], [1, 0, 1]);
  assert.equal((await core.service.findOrder(b!.ref))!.verification, 'verified');
  assert.equal((await core.service.findOrder(a!.ref))!.status, 'pending');
  // The full-width line was folded: its id is C99, and a return with c99 is that same payment.
  const [line] = (await call(core, 'listUnclaimed', {})).lines;
  assert.equal(line!.transactionId, 'C99');
  assert.equal((await open(c!, 'c99')).status, 200);
  const attach = await core.router.handle('attachStatementLine', { lineId: line!.id, ref: a!.ref }, APP_SENDER);
  assert.equal(attach.ok, false, 'the line belongs to the order that returned with it');
});

test('requests for tokens of no order are counted, not stored, and an order keeps a bounded refusal history', async (t) => {
  const core = await startTestCore(t);
  const origin = core.runtime().returnBaseUrl!;
  const [order] = await seedBookOrders(core, 1);
  const events = () => bookSql(core).value<number>(`SELECT count(*) FROM order_events`);
  const before = await events();
  const unknown = 'Z'.repeat(43);
  for (let i = 0; i < 300; i++) {
    const path =
      i % 3 === 0 ? `/r/${unknown}?transaction_id=FORGED${i}` : i % 3 === 1 ? `/c/${unknown}` : `/r/${unknown}?transaction_id=%3Cb%3E`;
    const response = await fetch(`${origin}${path}`);
    await response.arrayBuffer();
  }
  for (let i = 0; i < MAX_REFUSALS_PER_ORDER + 15; i++) {
    const response = await fetch(`${origin}${order!.successPath}?transaction_id=%3Cb%3E${i}`);
    await response.arrayBuffer();
  }
  assert.equal((await events()) - before, MAX_REFUSALS_PER_ORDER, 'only the order’s first refusals are in its timeline');
  const counted = await bookSql(core).all(`SELECT reason, count FROM refused_requests ORDER BY reason`);
  assert.deepEqual(counted, [
    { reason: 'rejected_return_over_cap', count: 15 },
    { reason: 'unknown_cancel_token', count: 100 },
    { reason: 'unknown_return_token', count: 100 },
    { reason: 'unknown_token_invalid_transaction_id', count: 100 },
  ]);
  // The order still takes its real payment.
  const paid = await fetch(`${origin}${order!.successPath}?transaction_id=REAL1`);
  assert.equal(paid.status, 200);
});
