import { test } from 'node:test';
import assert from 'node:assert/strict';
import { say } from '../../shared/messages/say';
import { formatRef, MAX_REFUSALS_PER_ORDER, type OrdersRepo, type StoredOrder } from '../../electron/core/storage/orders-repo';
import type { StatementLineInput, StatementsRepo } from '../../electron/core/storage/statements-repo';
import { createExecutor, openPool, type Executor } from '../../electron/core/storage/postgres/connection';
import { migrate } from '../../electron/core/storage/postgres/migrate';
import { createOrdersRepo } from '../../electron/core/storage/postgres/orders-repo';
import { createStatementsRepo } from '../../electron/core/storage/postgres/statements-repo';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { freshDatabase } from '../support/postgres';
import { shopSqliteBook } from '../support/sqlite-book';

type TestContext = { name: string; after(fn: () => unknown): void; skip(message?: string): void };
type Engine = { orders: OrdersRepo; statements: StatementsRepo; profileId: number };
/** One PayDesk on the book: its own pool, as a second counter would have. */
type Counter = Engine & { db: Executor };

const ZONE = 'Asia/Dhaka';
const RETURN_BASE = 'http://127.0.0.1:8080';
/** The counter that makes every order here, in both books. */
const COUNTER = 'counter-a';

/** A new database with the schema and one sandbox profile; `counter()` opens another PayDesk's pool on it. */
async function freshBook(t: TestContext) {
  const fresh = await freshDatabase(t);
  if (!fresh) return null;
  const counter = (): Counter => {
    const pool = openPool({ connectionString: fresh.url, timeZone: ZONE, max: 8 });
    pool.on('error', () => {});
    t.after(() => pool.end());
    const db = createExecutor(pool);
    const orders = createOrdersRepo(db);
    return { db, orders, statements: createStatementsRepo(db, orders), profileId: 0 };
  };
  const first = counter();
  await migrate(first.db, { timeZone: ZONE });
  const { rows } = await first.db.query<{ id: number }>(
    `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, created_at)
     VALUES ('Shop', 'sandbox', 'https://sandbox.example', '127.0.0.1', 0, now()) RETURNING id`,
  );
  await first.db.query(`INSERT INTO counters (id, name, created_at) VALUES ($1, 'Counter 1', now())`, [COUNTER]);
  const profileId = rows[0]!.id;
  return { ...first, profileId, counter: () => ({ ...counter(), profileId }) };
}

async function sqliteBook(t: TestContext): Promise<Engine> {
  const { book, profileId } = await shopSqliteBook(t, COUNTER);
  return { orders: book.orders, statements: book.statements, profileId };
}

const tx = (id: string) => canonicalTransactionId(id)!;
/** Minutes after a fixed start, as the ISO instants the core hands the repositories. */
const at = (minutes: number) => new Date(Date.UTC(2024, 2, 10, 9, 0) + minutes * 60_000).toISOString();

function newOrder(profileId: number, token: string, amountMinor = 50_000, expiresIn = 30) {
  return {
    profileId,
    counterId: COUNTER,
    amountMinor,
    customerName: `Customer ${token}`,
    returnTokenHash: `return-${token}`,
    cancelTokenHash: `cancel-${token}`,
    expiresAt: at(expiresIn),
  };
}

/** Every use of the write side an order's life knows, in order; what each call gave, and each order's timeline. */
async function lifeOfOrders({ orders, profileId }: Engine) {
  const steps: Array<[string, unknown]> = [];
  const step = async (name: string, result: Promise<unknown>) => {
    const value = await result;
    steps.push([name, value]);
    return value;
  };
  const a = (await step('create a', orders.createPending(newOrder(profileId, 'a'), at(0)))) as StoredOrder;
  await step('link a', orders.issueLink(a.id, 'https://sandbox.example/pay/a', RETURN_BASE, at(1)));
  await step('pending returning', orders.pendingReturningTo(RETURN_BASE, 10));
  await step('return a', orders.recordReturn('return-a', tx('Tx1abc'), at(2)));
  await step('return a again, other case', orders.recordReturn('return-a', tx('TX1ABC'), at(3)));
  await step('return a, other id', orders.recordReturn('return-a', tx('Tx2'), at(3)));
  await step('cancel a after paying', orders.recordCancel('cancel-a', at(4)));
  const b = (await step('create b', orders.createPending(newOrder(profileId, 'b', 700), at(5)))) as StoredOrder;
  await step('return b with a’s id', orders.recordReturn('return-b', tx('tx1ABC'), at(6)));
  await step('cancel b', orders.recordCancel('cancel-b', at(7)));
  await step('cancel b again', orders.recordCancel('cancel-b', at(8)));
  await step('late return b', orders.recordReturn('return-b', tx('Tx3'), at(9)));
  const c = (await step('create c', orders.createPending(newOrder(profileId, 'c', 900, 10), at(0)))) as StoredOrder;
  await step('expire', orders.expireDue(at(11), 10));
  await step('expire again', orders.expireDue(at(12), 10));
  await step('paid by hand c', orders.markPaidManually(c.id, 'cash', at(13)));
  await step('paid by hand c again', orders.markPaidManually(c.id, 'cash', at(13)));
  await step('return c after hand', orders.recordReturn('return-c', tx('Tx4'), at(14)));
  const d = (await step('create d', orders.createPending(newOrder(profileId, 'd', 1200), at(15)))) as StoredOrder;
  await step('claim d with a’s id', orders.claimAtCounter(d.id, tx('TX1abc'), at(16)));
  await step('claim d', orders.claimAtCounter(d.id, tx('Tx5'), at(16)));
  await step('claim d again', orders.claimAtCounter(d.id, tx('Tx6'), at(17)));
  const e = (await step('create e', orders.createPending(newOrder(profileId, 'e', 1300), at(18)))) as StoredOrder;
  await step(
    'fail e',
    orders.failLink(e.id, { kind: 'http', httpStatus: 502, message: say('link_failure_recorded', { sentence: 'Bad gateway' }) }, at(19)),
  );
  await step('shopkeeper cancels failed e', orders.cancelByShopkeeper(e.id, at(20)));
  const f = (await step('create f', orders.createPending(newOrder(profileId, 'f', 1400), at(21)))) as StoredOrder;
  await step('shopkeeper cancels f', orders.cancelByShopkeeper(f.id, at(22)));
  await step('rejected return f', orders.auditRejectedReturn('return-f', 'bad_id', { offered: `${'x'.repeat(300)}` }, at(23)));
  await step('rejected by cancel token f', orders.auditRejectedReturn('cancel-f', 'no_id', { offered: null }, at(23)));
  await step('unknown return', orders.recordReturn('return-nobody', tx('Tx7'), at(24)));
  await step('unknown cancel', orders.recordCancel('cancel-nobody', at(24)));
  await step('unknown rejected', orders.auditRejectedReturn('nobody', 'bad_id', {}, at(24)));
  await step('find a', orders.findByRef(a.ref));
  await step('find nobody', orders.findByRef('PD-999999'));
  for (const order of [a, b, c, d, e, f]) await step(`events ${order.ref}`, orders.events(order.id));
  return steps;
}

test('an order’s whole life on PostgreSQL gives what the SQLite engine gives, call for call', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const onPostgres = await lifeOfOrders(book);
  const onSqlite = await lifeOfOrders(await sqliteBook(t));
  assert.equal(onPostgres.length, onSqlite.length);
  for (const [index, [name, value]] of onPostgres.entries()) assert.deepEqual(value, onSqlite[index]![1], name);

  // And what that is, written out for the ones that matter most.
  const result = (name: string) => onPostgres.find(([step]) => step === name)![1] as Record<string, unknown>;
  const paid = result('return a') as { kind: string; order: StoredOrder; from: string };
  assert.equal(paid.kind, 'paid');
  assert.equal(paid.from, 'pending');
  assert.deepEqual(
    {
      ref: paid.order.ref,
      status: paid.order.status,
      transactionId: paid.order.transactionId,
      transactionKey: paid.order.transactionKey,
      paymentProof: paid.order.paymentProof,
      verification: paid.order.verification,
      paidAt: paid.order.paidAt,
      sandbox: paid.order.sandbox,
      paymentUrl: paid.order.paymentUrl,
      paymentHost: paid.order.paymentHost,
    },
    {
      ref: formatRef(1),
      status: 'paid',
      transactionId: 'Tx1abc',
      transactionKey: 'TX1ABC',
      paymentProof: 'return',
      verification: 'unverified',
      paidAt: at(2),
      sandbox: true,
      paymentUrl: 'https://sandbox.example/pay/a',
      paymentHost: 'sandbox.example',
    },
  );
  assert.equal(result('return a again, other case').kind, 'repeat');
  assert.equal(result('return a, other id').kind, 'conflict');
  assert.equal(result('return b with a’s id').kind, 'duplicate_transaction');
  assert.equal(result('late return b').kind, 'paid');
  assert.equal((result('expire') as unknown as StoredOrder[]).length, 1);
  assert.equal(result('return c after hand').kind, 'identified');
  assert.deepEqual(result('claim d with a’s id'), { kind: 'held', ref: formatRef(1) });
  assert.equal(result('claim d again').kind, 'already_paid');
  assert.equal(result('shopkeeper cancels failed e'), null);
  const kinds = (ref: string) => (result(`events ${ref}`) as unknown as Array<{ kind: string }>).map((event) => event.kind);
  assert.deepEqual(kinds(formatRef(1)), ['created', 'link_issued', 'paid', 'return_conflict']);
  assert.deepEqual(kinds(formatRef(2)), ['created', 'duplicate_transaction', 'cancelled', 'paid']);
  assert.deepEqual(kinds(formatRef(3)), ['created', 'expired', 'paid_manually', 'gateway_return_after_manual_payment']);
  assert.deepEqual(kinds(formatRef(4)), ['created', 'claimed_at_counter']);
  assert.deepEqual(kinds(formatRef(5)), ['created', 'link_failed']);
  assert.deepEqual(kinds(formatRef(6)), ['created', 'cancelled', 'rejected_return', 'rejected_return']);
  const failed = (result(`events ${formatRef(5)}`) as unknown as Array<{ message: unknown }>)[1]!;
  assert.deepEqual(failed.message, say('link_failure_recorded', { sentence: 'Bad gateway' }));

  const refused = await book.db.query<{ day: string; reason: string; count: number }>(
    `SELECT day, reason, count FROM refused_requests ORDER BY reason`,
  );
  assert.deepEqual(refused.rows, [
    { day: '2024-03-10', reason: 'unknown_cancel_token', count: 1 },
    { day: '2024-03-10', reason: 'unknown_return_token', count: 1 },
    { day: '2024-03-10', reason: 'unknown_token_bad_id', count: 1 },
  ]);
  await assertCountersMatchOrders(book.db);
});

test('text PostgreSQL cannot hold (NUL, half a surrogate pair) is kept readable instead of refusing the write', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const { orders, profileId } = book;
  const order = await orders.createPending({ ...newOrder(profileId, 'nul'), customerName: 'Ra\u0000him', note: 'a\uD800b' }, at(0));
  assert.equal(order.customerName, 'Ra\uFFFDhim');
  // A return's offered id cut at 256 characters may end in half of an emoji.
  await orders.auditRejectedReturn('return-nul', 'bad_id', { offered: `${'x'.repeat(255)}😀\u0000` }, at(1));
  const [, rejected] = await orders.events(order.id);
  assert.equal(rejected!.kind, 'rejected_return');
  assert.equal(rejected!.detail!.offered, `${'x'.repeat(255)}\uFFFD…`);
});

test('fifty orders created at once by two counters get fifty different refs', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const other = book.counter();
  const made = await Promise.all(
    Array.from({ length: 50 }, (_, n) =>
      (n % 2 ? other : book).orders.createPending(newOrder(book.profileId, `many-${n}`, 100 + n), at(0)),
    ),
  );
  const refs = new Set(made.map((order) => order.ref));
  assert.equal(refs.size, 50);
  for (const order of made) assert.equal(order.ref, formatRef(order.id));
  await assertCountersMatchOrders(book.db);
});

test('one return arriving at two counters at once pays its order once: one paid, one repeat, one paid event', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const other = book.counter();
  const made = [];
  for (let n = 0; n < 20; n++) made.push(await book.orders.createPending(newOrder(book.profileId, `twice-${n}`), at(0)));
  await Promise.all(
    made.map(async (order, n) => {
      const token = `return-twice-${n}`;
      const outcomes = await Promise.all([
        book.orders.recordReturn(token, tx(`TWICE${n}`), at(1)),
        other.orders.recordReturn(token, tx(`twice${n}`), at(1)),
      ]);
      assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['paid', 'repeat']);
      const events = await book.orders.events(order.id);
      assert.deepEqual(
        events.map((event) => event.kind),
        ['created', 'paid'],
      );
    }),
  );
  await assertCountersMatchOrders(book.db);
});

test('two orders paid with one transaction id at once: one is paid, the other is a duplicate, and its transaction goes on', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const other = book.counter();
  const first = await book.orders.createPending(newOrder(book.profileId, 'one'), at(0));
  const second = await book.orders.createPending(newOrder(book.profileId, 'two'), at(0));

  // The first counter has paid its order and not yet committed when the second checks who holds the id: only the
  // unique index can tell the second, once the first commits.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let paidFirst!: () => void;
  const firstPaid = new Promise<void>((resolve) => (paidFirst = resolve));
  const firstBatch = book.orders.atomically(async () => {
    const outcome = await book.orders.recordReturn('return-one', tx('SHARED1'), at(1));
    paidFirst();
    await held;
    return outcome;
  });
  await firstPaid;
  const secondBatch = other.orders.atomically(async () => {
    const outcome = await other.orders.recordReturn('return-two', tx('shared1'), at(1));
    // The batch goes on after the refused payment, and what it writes next is kept.
    const after = await other.orders.createPending(newOrder(book.profileId, 'after'), at(2));
    return { outcome, after };
  });
  await waitFor(async () => (await book.db.query(`SELECT 1 FROM pg_locks WHERE NOT granted`)).rowCount! > 0, 'the second waits');
  release();
  assert.equal((await firstBatch).kind, 'paid');
  const { outcome, after: made } = await secondBatch;
  assert.equal(outcome.kind, 'duplicate_transaction');
  assert.equal(outcome.kind === 'duplicate_transaction' && outcome.order.status, 'pending');
  assert.equal((await book.orders.findByRef(made.ref))?.status, 'pending');
  const events = await book.orders.events(second.id);
  assert.deepEqual(events.at(-1), {
    kind: 'duplicate_transaction',
    at: at(1),
    detail: { offered: 'shared1', heldBy: first.ref },
    message: null,
  });

  // The same race for a claim at the counter and an attached statement line, many times over.
  const pairs = [];
  for (let n = 0; n < 15; n++) {
    pairs.push([
      await book.orders.createPending(newOrder(book.profileId, `pair-a-${n}`), at(3)),
      await book.orders.createPending(newOrder(book.profileId, `pair-b-${n}`), at(3)),
    ] as const);
  }
  await Promise.all(
    pairs.map(async ([a, b], n) => {
      const id = tx(`RACE${n}`);
      const outcomes = await Promise.all([
        book.orders.recordReturn(`return-pair-a-${n}`, id, at(4)),
        n % 2 ? other.orders.claimAtCounter(b.id, id, at(4)) : other.orders.recordReturn(`return-pair-b-${n}`, id, at(4)),
      ]);
      const kinds = outcomes.map((o) => o.kind).sort();
      assert.ok(
        ['duplicate_transaction,paid', 'held,paid'].includes(kinds.join()),
        `one of ${a.ref} and ${b.ref} is paid with ${id.id}: ${kinds.join()}`,
      );
    }),
  );
  const { rows } = await book.db.query<{ holders: number }>(
    `SELECT count(*) AS holders FROM orders WHERE transaction_key LIKE 'RACE%' GROUP BY transaction_key HAVING count(*) > 1`,
  );
  assert.deepEqual(rows, []);
  await assertCountersMatchOrders(book.db);
});

test('an order’s timeline keeps twenty refusals, even from two counters at once; the rest and unknown tokens are counted by UTC day', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const other = book.counter();
  const order = await book.orders.createPending(newOrder(book.profileId, 'capped'), at(0));
  await book.orders.recordReturn('return-capped', tx('PAID1'), at(1));
  // 20:30 in UTC is the next day in Dhaka: refusals are counted by the UTC day all the same.
  const late = '2024-03-10T20:30:00.000Z';
  await Promise.all(
    Array.from({ length: 30 }, (_, n) =>
      n % 3 === 0
        ? (n % 2 ? other : book).orders.auditRejectedReturn('return-capped', 'bad_id', { offered: `bad ${n}` }, late)
        : (n % 2 ? other : book).orders.recordReturn('return-capped', tx(`OTHER${n}`), late),
    ),
  );
  const events = await book.orders.events(order.id);
  const refusals = events.filter((event) => ['rejected_return', 'return_conflict', 'duplicate_transaction'].includes(event.kind));
  assert.equal(refusals.length, MAX_REFUSALS_PER_ORDER);
  await book.orders.recordReturn('return-nobody', tx('X1'), late);
  await other.orders.recordReturn('return-nobody', tx('X2'), late);
  await book.orders.auditRejectedReturn('nobody', 'missing_id', {}, late);
  const counted = await book.db.query<{ day: string; reason: string; count: number }>(
    `SELECT day, reason, count FROM refused_requests ORDER BY reason`,
  );
  const overCap = counted.rows.filter((row) => row.reason.endsWith('_over_cap'));
  assert.equal(
    overCap.reduce((sum, row) => sum + row.count, 0),
    30 - MAX_REFUSALS_PER_ORDER,
  );
  assert.ok(overCap.every((row) => row.day === '2024-03-10'));
  assert.deepEqual(
    counted.rows.filter((row) => !row.reason.endsWith('_over_cap')),
    [
      { day: '2024-03-10', reason: 'unknown_return_token', count: 2 },
      { day: '2024-03-10', reason: 'unknown_token_missing_id', count: 1 },
    ],
  );
});

const MAPPING = { transactionId: 'Trx ID', amount: 'Amount', time: 'Date' };

/** A statement line as reconciliation hands it over. */
function line(n: number, transactionId: string, amountMinor: number, minutes: number): StatementLineInput {
  return {
    line: n,
    transactionId,
    key: transactionId.toUpperCase(),
    amountMinor,
    occurredAt: at(minutes),
    sender: '01700000000',
    reference: null,
    raw: `${transactionId},${amountMinor / 100}`,
  };
}

/** A seeded book, a statement over it, the same statement again, and its leftovers attached and recorded. */
async function statementScenario({ orders, statements, profileId }: Engine) {
  const paidBy = async (token: string, id: string, amountMinor: number, minutes: number) => {
    const order = await orders.createPending(newOrder(profileId, token, amountMinor), at(minutes - 1));
    await orders.recordReturn(`return-${token}`, tx(id), at(minutes));
    return order;
  };
  const matching = await paidBy('match', 'TXA', 500, 10);
  const mismatched = await paidBy('mismatch', 'TXB', 700, 20);
  const missing = await paidBy('missing', 'TXC', 300, 30);
  const outside = await paidBy('outside', 'TXO', 300, 500);
  const unpaid = await orders.createPending(newOrder(profileId, 'unpaid', 900), at(1));
  const lines = [
    line(2, 'txa', 500, 11),
    line(3, 'TXB', 650, 21),
    line(4, 'TXZ', 900, 40),
    line(6, 'TXY', 400, 45),
    line(7, 'TXL', 800, 50),
  ];
  const input = {
    profileId,
    fileName: 'march.csv',
    mapping: MAPPING,
    rows: 6,
    lines,
    rejected: [{ line: 5, text: 'garbage', reason: say('link_failure_recorded', { sentence: 'unreadable' }) }],
  };
  const first = await statements.importStatement(input, at(600));
  const again = await statements.importStatement(input, at(601));
  const otherAmount = await statements.importStatement(
    { ...input, fileName: 'march-2.csv', lines: [line(2, 'TXA', 501, 11)], rejected: [] },
    at(602),
  );
  // A late return for a line still unclaimed: the next import claims it.
  const late = await paidBy('late', 'TXL', 800, 700);
  const next = await statements.importStatement(
    { ...input, fileName: 'april.csv', lines: [line(1, 'TXN', 100, 701)], rejected: [] },
    at(702),
  );
  // The line no order held at import is held by a return that came since: recording it is refused.
  const holder = await paidBy('holder', 'TXN', 100, 710);
  const unclaimed = await statements.unclaimed(profileId, 10);
  const [z, y, n] = ['TXZ', 'TXY', 'TXN'].map((id) => unclaimed.find((l) => l.transactionId === id)!);
  const attached = await statements.attach(z!.id, unpaid.id, at(703));
  const attachedAgain = await statements.attach(z!.id, unpaid.id, at(704));
  const recorded = await statements.record(
    y!.id,
    { customerName: 'Walk-in', returnTokenHash: 'return-y', cancelTokenHash: 'cancel-y', counterId: COUNTER },
    at(705),
  );
  const held = await statements.record(
    n!.id,
    { customerName: null, returnTokenHash: 'return-held', cancelTokenHash: 'cancel-held', counterId: COUNTER },
    at(706),
  );
  const find = async (order: StoredOrder) => {
    const found = (await orders.findByRef(order.ref))!;
    return {
      ref: found.ref,
      status: found.status,
      verification: found.verification,
      statementAmountMinor: found.statementAmountMinor,
      paymentProof: found.paymentProof,
    };
  };
  const withoutIds = <T extends { statementId: number }>({ statementId: _, ...rest }: T) => rest;
  return {
    first: withoutIds(first),
    again: withoutIds(again),
    otherAmount: withoutIds(otherAmount),
    next: withoutIds(next),
    orders: await Promise.all([matching, mismatched, missing, outside, unpaid, late, holder].map(find)),
    attached: attached.kind === 'done' ? await find(attached.order) : attached,
    attachedAgain,
    recorded:
      recorded.kind === 'done'
        ? { ...(await find(recorded.order)), createdAt: recorded.order.createdAt, paidAt: recorded.order.paidAt }
        : recorded,
    held,
    lines: await Promise.all([z!.id, y!.id].map((id) => statements.line(id))),
    timelines: await Promise.all(
      [matching, mismatched, missing, late].map(async (order) => (await orders.events(order.id)).map((e) => [e.kind, e.detail])),
    ),
  };
}

test('a statement import verifies, mismatches, misses and leaves unclaimed as SQLite does; again it changes nothing; attach and record', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const onPostgres = await statementScenario(book);
  const onSqlite = await statementScenario(await sqliteBook(t));
  assert.deepEqual(onPostgres, onSqlite);

  assert.deepEqual(
    { ...onPostgres.first, rejected: onPostgres.first.rejected.map((r) => r.line) },
    {
      imported: 5,
      alreadyKnown: 0,
      rejected: [5],
      verified: 1,
      amountMismatch: 1,
      missing: 1,
      unclaimed: 3,
      coversFrom: at(11),
      coversTo: at(50),
    },
  );
  assert.deepEqual(
    { ...onPostgres.again, rejected: onPostgres.again.rejected.map((r) => r.line) },
    {
      imported: 0,
      alreadyKnown: 5,
      rejected: [5],
      verified: 0,
      amountMismatch: 0,
      missing: 0,
      unclaimed: 0,
      coversFrom: at(11),
      coversTo: at(50),
    },
  );
  assert.equal(onPostgres.otherAmount.rejected[0]?.reason.code, 'line_imported_before_other_amount');
  assert.equal(onPostgres.next.verified, 1, 'the late return’s line is claimed by the next import');
  assert.deepEqual(
    onPostgres.orders.map((o) => [o.status, o.verification, o.statementAmountMinor]),
    [
      ['paid', 'verified', null],
      ['paid', 'amount_mismatch', 650],
      ['paid', 'missing', null],
      ['paid', 'unverified', null],
      ['paid', 'reconciled_by_hand', null],
      ['paid', 'verified', null],
      ['paid', 'unverified', null],
    ],
  );
  assert.deepEqual(onPostgres.attached, {
    ref: formatRef(5),
    status: 'paid',
    verification: 'reconciled_by_hand',
    statementAmountMinor: null,
    paymentProof: 'statement',
  });
  assert.deepEqual(onPostgres.attachedAgain, { kind: 'stale' });
  assert.deepEqual(onPostgres.recorded, {
    ref: formatRef(8),
    status: 'paid',
    verification: 'reconciled_by_hand',
    statementAmountMinor: null,
    paymentProof: 'statement',
    createdAt: at(45),
    paidAt: at(45),
  });
  assert.deepEqual(onPostgres.held, { kind: 'held', ref: formatRef(7) });
  assert.deepEqual(
    onPostgres.lines.map((l) => [l?.orderRef, l?.line]),
    [
      [formatRef(5), 4],
      [formatRef(8), 6],
    ],
  );
  await assertCountersMatchOrders(book.db);
});

test('two counters attaching one statement line at once pay one order with it', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const other = book.counter();
  const [a, b] = [
    await book.orders.createPending(newOrder(book.profileId, 'attach-a', 900), at(0)),
    await book.orders.createPending(newOrder(book.profileId, 'attach-b', 900), at(0)),
  ];
  await book.statements.importStatement(
    { profileId: book.profileId, fileName: 's.csv', mapping: MAPPING, rows: 1, lines: [line(1, 'TXQ', 900, 5)], rejected: [] },
    at(10),
  );
  const [unclaimed] = await book.statements.unclaimed(book.profileId, 1);
  const outcomes = await Promise.all([
    book.statements.attach(unclaimed!.id, a!.id, at(11)),
    other.statements.attach(unclaimed!.id, b!.id, at(11)),
  ]);
  assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['done', 'stale']);
  const { rows } = await book.db.query(`SELECT id FROM orders WHERE transaction_key = 'TXQ'`);
  assert.equal(rows.length, 1);
  await assertCountersMatchOrders(book.db);
});

test('a statement of thousands of lines goes in chunk by chunk, and lines unclaimed meet the orders paid since across chunks', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const start = Date.UTC(2024, 2, 1);
  const second = (n: number) => new Date(start + n * 1000).toISOString();
  // 2,500 orders paid through the gateway, one a second.
  await book.db.query(
    `INSERT INTO orders (id, ref, profile_id, sandbox, amount_minor, currency, status, payment_source, payment_proof,
       return_token_hash, cancel_token_hash, transaction_id, transaction_key, created_at, updated_at, paid_at, verification)
     SELECT n, 'PD-' || lpad(n::text, 6, '0'), $1, true, 1000 + n, 'BDT', 'paid', 'gateway', 'return', 'seed-r' || n, 'seed-c' || n,
       'T' || n, 'T' || n, $2::timestamptz + n * interval '1 second', $2::timestamptz + n * interval '1 second',
       $2::timestamptz + n * interval '1 second', 'unverified'
     FROM generate_series(1, 2500) n`,
    [book.profileId, second(0)],
  );
  await book.db.query(`SELECT setval(pg_get_serial_sequence('orders', 'id'), 2500)`);
  // Lines for the first 2,000 (every tenth of another amount), and 1,000 lines no order holds yet.
  const lines = [
    ...Array.from({ length: 2000 }, (_, i) => ({
      ...line(i + 1, `T${i + 1}`, 1001 + i + ((i + 1) % 10 === 0 ? 1 : 0), 0),
      occurredAt: second(i + 1),
    })),
    ...Array.from({ length: 1000 }, (_, i) => ({ ...line(2001 + i, `U${i + 1}`, 500, 0), occurredAt: second(3000 + i) })),
  ];
  const input = { profileId: book.profileId, fileName: 'big.csv', mapping: MAPPING, rows: lines.length, lines, rejected: [] };
  const first = await book.statements.importStatement(input, at(0));
  assert.deepEqual(
    { ...first, statementId: 0 },
    {
      statementId: 0,
      imported: 3000,
      alreadyKnown: 0,
      rejected: [],
      verified: 1800,
      amountMismatch: 200,
      missing: 500,
      unclaimed: 1000,
      coversFrom: second(1),
      coversTo: second(3999),
    },
  );
  // Sixty of the unclaimed lines' payments, spread over all of them, come back late; the same file again claims them.
  for (let n = 1; n <= 60; n++) {
    await book.orders.createPending(newOrder(book.profileId, `late-${n}`, 500), at(10));
    await book.orders.recordReturn(`return-late-${n}`, tx(`u${n * 16}`), at(11));
  }
  const again = await book.statements.importStatement(input, at(20));
  assert.deepEqual(
    [again.imported, again.alreadyKnown, again.verified, again.amountMismatch, again.missing, again.unclaimed],
    [0, 3000, 60, 0, 0, 0],
  );
  const { rows } = await book.db.query<{ verification: string; orders: number }>(
    `SELECT verification, count(*) AS orders FROM orders GROUP BY verification ORDER BY verification`,
  );
  assert.deepEqual(rows, [
    { verification: 'amount_mismatch', orders: 200 },
    { verification: 'missing', orders: 500 },
    { verification: 'verified', orders: 1860 },
  ]);
  const events = await book.db.query<{ kind: string; events: number }>(
    `SELECT kind, count(*) AS events FROM order_events WHERE kind IN ('verified', 'amount_mismatch', 'missing_from_statement')
     GROUP BY kind ORDER BY kind`,
  );
  assert.deepEqual(events.rows, [
    { kind: 'amount_mismatch', events: 200 },
    { kind: 'missing_from_statement', events: 500 },
    { kind: 'verified', events: 1860 },
  ]);
  await assertCountersMatchOrders(book.db);
});

test('two counters claiming one order with one transaction id at once: one pays it, the other finds the id held by it', async (t) => {
  const book = await freshBook(t);
  if (!book) return;
  const other = book.counter();
  const order = await book.orders.createPending(newOrder(book.profileId, 'claimed'), at(0));
  const outcomes = await Promise.all([
    book.orders.claimAtCounter(order.id, tx('CLAIM1'), at(1)),
    other.orders.claimAtCounter(order.id, tx('claim1'), at(1)),
  ]);
  assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['held', 'paid']);
  assert.deepEqual(
    outcomes.find((o) => o.kind === 'held'),
    { kind: 'held', ref: order.ref },
  );
  assert.deepEqual(
    (await book.orders.events(order.id)).map((e) => e.kind),
    ['created', 'claimed_at_counter'],
  );
});

/** The trigger-kept per-day tables say what a count of the orders themselves says. */
async function assertCountersMatchOrders(db: Executor) {
  const differences = async (kept: string, counted: string) =>
    (await db.query(`(${kept} EXCEPT ${counted}) UNION ALL (${counted} EXCEPT ${kept})`)).rows;
  assert.deepEqual(
    await differences(
      `SELECT profile_id, day, status, orders, amount_minor FROM order_counts WHERE orders <> 0`,
      `SELECT profile_id, book_day(created_at), status, count(*), sum(amount_minor) FROM orders GROUP BY 1, 2, 3`,
    ),
    [],
    'order_counts',
  );
  assert.deepEqual(
    await differences(
      `SELECT profile_id, day, orders, amount_minor FROM paid_days WHERE orders <> 0`,
      `SELECT profile_id, book_day(paid_at), count(*), sum(amount_minor) FROM orders WHERE status = 'paid' GROUP BY 1, 2`,
    ),
    [],
    'paid_days',
  );
  assert.deepEqual(
    await differences(
      `SELECT profile_id, day, verification, orders, amount_minor FROM verification_counts WHERE orders <> 0`,
      `SELECT profile_id, book_day(created_at), verification, count(*), sum(amount_minor) FROM orders
       WHERE verification IS NOT NULL GROUP BY 1, 2, 3`,
    ),
    [],
    'verification_counts',
  );
}

/** Polls `check` until it holds (at most 5 s). */
async function waitFor(check: () => Promise<boolean>, what: string) {
  for (const started = Date.now(); Date.now() - started < 5_000;) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`timed out waiting: ${what}`);
}
