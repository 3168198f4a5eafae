// Two counters (PayDesk cores with data folders of their own) on one PostgreSQL order book: what one changes, the
// other hears at once (LISTEN/NOTIFY, book-changes.ts) and announces as its own changes are announced: orderChanged,
// orderPaid for a customer's return, ordersResynced when one write changed too many orders to name. A counter away
// from the book (its sign-in refused, the server crashed and restarted) comes back by itself and catches up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Order } from '../../shared/contract';
import { LOG_FILE, LOGS_FOLDER } from '../../electron/core/log/log-file';
import type { PostgresConnection } from '../../electron/core/storage/book-choice';
import { WATCHER_APPLICATION } from '../../electron/core/storage/postgres/book-changes';
import { bookSql } from '../support/book-sql';
import { call, startTestCore, type TestCore } from '../support/core';
import { decideOnCheckout, follow } from '../support/customer-browser';
import { adminQuery, freshDatabase, serverOfItsOwn, testPostgres } from '../support/postgres';
import { startTcpProxy } from '../support/tcp-proxy';
import { eventually } from '../support/waiting';

type TestContext = Parameters<typeof startTestCore>[0] & { skip(message?: string): void };

/** A core on the shared book, and what it announced. */
type Counter = TestCore & { paid: Order[]; resynced: number };

async function counterOn(t: TestContext, connection: PostgresConnection): Promise<Counter> {
  const core = await startTestCore(t, { book: { engine: 'postgres', connection } });
  const counter: Counter = Object.assign(core, { paid: [] as Order[], resynced: 0 });
  core.events.on('orderPaid', (order) => counter.paid.push(order));
  core.events.on('ordersResynced', () => counter.resynced++);
  return counter;
}

/** The states `counter` announced of one order, in order. */
const heardOf = (counter: Counter, ref: string) => counter.changes.filter((order) => order.ref === ref);
const paidOf = (counter: Counter, ref: string) => counter.paid.filter((order) => order.ref === ref);

/** Until `counter` has heard of `order` as it now is (its status, its link). */
const untilHeard = (counter: Counter, order: Order, timeoutMs?: number) =>
  eventually(
    () => heardOf(counter, order.ref).some((heard) => heard.status === order.status && heard.paymentUrl === order.paymentUrl),
    timeoutMs,
  );

/**
 * Until `hearer` has heard everything `maker` committed so far: a notification of `maker`'s, made now, reaches `hearer`
 * after all the earlier ones (PostgreSQL delivers them in commit order).
 */
async function heardAllOf(maker: Counter, hearer: Counter, timeoutMs?: number): Promise<void> {
  await untilHeard(hearer, await call(maker, 'createPaymentLink', { amount: '1.00' }), timeoutMs);
}

/** The customer pays at the gateway and comes back to the return listener of the counter that made the link. */
async function pay(order: Order): Promise<string> {
  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  assert.equal(landing.status, 200);
  assert.match(landing.body, /Payment received/);
  return landing.url;
}

const fresh = async (t: TestContext) => (await freshDatabase(t))?.connection ?? null;

/** A sign-in of its own for one counter, so the test can keep that counter (or only its listening session) out. */
type OwnRole = {
  connection: PostgresConnection;
  /** No new sessions for the role; its sessions (those of `application` only, when named) are ended. */
  keepOut(application?: string): Promise<void>;
  letIn(): Promise<void>;
};

async function ownRole(t: TestContext, admin: string, connection: PostgresConnection): Promise<OwnRole> {
  const role = `paydesk_b_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await adminQuery(admin, `CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
  // Dropped after the cores that sign in with it have closed.
  t.after(() => t.after(() => t.after(() => adminQuery(admin, `DROP ROLE IF EXISTS ${role}`))));
  const sessions = `FROM pg_stat_activity WHERE usename = $1 AND ($2::text IS NULL OR application_name = $2)`;
  return {
    connection: { ...connection, user: role, password },
    async keepOut(application) {
      await adminQuery(admin, `ALTER ROLE ${role} NOLOGIN`);
      await adminQuery(admin, `SELECT pg_terminate_backend(pid) ${sessions}`, [role, application ?? null]);
      await eventually(
        async () => (await adminQuery(admin, `SELECT count(*)::int AS n ${sessions}`, [role, application ?? null])).rows[0].n === 0,
      );
    },
    letIn: async () => void (await adminQuery(admin, `ALTER ROLE ${role} LOGIN`)),
  };
}

test('a link made at one counter appears at the other, and neither hears its own change twice', async (t) => {
  const connection = await fresh(t);
  if (!connection) return;
  const a = await counterOn(t, connection);
  const b = await counterOn(t, connection);

  const order = await call(a, 'createPaymentLink', { amount: '150.50', customerName: 'রহিম উদ্দিন' });
  await untilHeard(b, order);
  const atB = heardOf(b, order.ref).at(-1)!;
  assert.equal(atB.customerName, 'রহিম উদ্দিন');
  assert.equal(atB.amountMinor, 15050);
  assert.equal(atB.counterName, order.counterName);

  await heardAllOf(b, a);
  assert.deepEqual(
    heardOf(a, order.ref).map((heard) => heard.status),
    ['pending', 'pending'],
    'counter A announced its own order as it made it (created, link issued), and not again when the book told of it',
  );
  assert.equal(a.resynced + b.resynced, 0);
});

test('a return recorded at one counter turns the order paid at the other, announced paid once', async (t) => {
  const connection = await fresh(t);
  if (!connection) return;
  const a = await counterOn(t, connection);
  const b = await counterOn(t, connection);

  const order = await call(a, 'createPaymentLink', { amount: '75.00' });
  const returnUrl = await pay(order);
  await eventually(() => paidOf(b, order.ref).length > 0);
  const paidAtB = paidOf(b, order.ref)[0]!;
  assert.equal(paidAtB.status, 'paid');
  assert.equal(paidAtB.paymentProof, 'return');
  assert.equal(heardOf(b, order.ref).at(-1)!.status, 'paid', 'the list and the customer view hear it too');

  // The customer's browser comes back again: a repeat changes nothing, so nobody hears of it.
  assert.equal((await follow(returnUrl)).status, 200);
  // Paid by hand at A: a change the other counter shows, but no customer's payment to ring for.
  const byHand = await call(a, 'createPaymentLink', { amount: '20.00' });
  const handPaid = await call(a, 'markPaidManually', { ref: byHand.ref, reason: 'cash at the till' });
  await untilHeard(b, handPaid);
  await heardAllOf(a, b);
  await heardAllOf(b, a);

  assert.equal(paidOf(b, order.ref).length, 1, 'counter B rang once for the return A took');
  assert.equal(paidOf(a, order.ref).length, 1, 'counter A rang once for its own return');
  assert.deepEqual(paidOf(b, byHand.ref), [], 'a payment by hand is not a customer coming back');
});

test('one write to many orders makes the other counter read its orders again', async (t) => {
  const connection = await fresh(t);
  if (!connection) return;
  const a = await counterOn(t, connection);
  const b = await counterOn(t, connection);
  const order = await call(a, 'createPaymentLink', { amount: '10.00' });

  // More orders than one notification can name (8000 bytes), written in one statement on counter A's connections.
  await bookSql(a).run(
    `INSERT INTO orders (ref, profile_id, sandbox, amount_minor, currency, status, return_token_hash, cancel_token_hash,
       created_at, updated_at)
     SELECT 'BULK-' || g, ?, true, 100, 'BDT', 'pending', 'bulk-return-' || g, 'bulk-cancel-' || g, now(), now()
     FROM generate_series(1, 2000) g`,
    (await bookSql(a).value<number>('SELECT profile_id FROM orders WHERE ref = ?', order.ref)) as number,
  );
  await eventually(() => b.resynced === 1);
  await heardAllOf(b, a);
  assert.equal(a.resynced, 0, 'counter A wrote them itself');
});

test('a counter kept away from the book catches up on what changed meanwhile, and hears again', async (t) => {
  const found = await testPostgres();
  const database = await freshDatabase(t);
  if (!database || !found.url) return;
  // Counter B signs in as a role of its own, so the test can keep B out while A goes on.
  const own = await ownRole(t, found.url, database.connection);
  const a = await counterOn(t, database.connection);
  const b = await counterOn(t, own.connection);
  const before = await call(a, 'createPaymentLink', { amount: '5.00' });
  await pay(before);
  await eventually(() => paidOf(b, before.ref).length === 1);

  await own.keepOut();
  const madeMeanwhile = await call(a, 'createPaymentLink', { amount: '30.00' });
  const paidMeanwhile = await call(a, 'createPaymentLink', { amount: '40.00' });
  await pay(paidMeanwhile);
  assert.deepEqual(heardOf(b, madeMeanwhile.ref), [], 'counter B is away from the book');
  await own.letIn();

  await untilHeard(b, madeMeanwhile, 15_000);
  await eventually(() => paidOf(b, paidMeanwhile.ref).length === 1);
  // Heard live again, and B's own work goes on.
  await heardAllOf(a, b);
  await heardAllOf(b, a);
  assert.equal(paidOf(b, paidMeanwhile.ref).length, 1, 'the catch-up announced the payment once');
  assert.equal(paidOf(b, before.ref).length, 1, 'a payment heard before, which the catch-up read again, is not announced again');
});

test('a payment a counter took while its own listening session was away rings there once', async (t) => {
  const found = await testPostgres();
  const database = await freshDatabase(t);
  if (!database || !found.url) return;
  const own = await ownRole(t, found.url, database.connection);
  const a = await counterOn(t, own.connection);
  const other = await counterOn(t, database.connection);
  const order = await call(a, 'createPaymentLink', { amount: '10.00' });

  // Only A's listening session is ended (and kept out); its pool's sessions go on writing.
  await own.keepOut(WATCHER_APPLICATION);
  await pay(order);
  await eventually(() => paidOf(a, order.ref).length === 1);
  await own.letIn();
  // A hears the other counter again, so its catch-up (which read its own payment back) is done.
  await heardAllOf(other, a, 15_000);
  await heardAllOf(a, other);
  assert.equal(paidOf(a, order.ref).length, 1, 'the catch-up reading back its own payment did not ring again');
  assert.equal(paidOf(other, order.ref).length, 1);
});

/** This process's clock `ms` ahead of the server's until the test ends, as on a till whose clock runs fast. */
function clockAhead(t: TestContext, ms: number): void {
  const RealDate = Date;
  class AheadDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + ms);
      else super(...(args as [number]));
    }
    static override now() {
      return RealDate.now() + ms;
    }
  }
  globalThis.Date = AheadDate as DateConstructor;
  t.after(() => {
    globalThis.Date = RealDate;
  });
}

test('a counter whose clock runs fast still catches up on what changed while it was away', async (t) => {
  const found = await testPostgres();
  const database = await freshDatabase(t);
  if (!database || !found.url) return;
  // Both counters' clocks (they share this process) run ten minutes ahead of the server's.
  clockAhead(t, 10 * 60_000);
  const own = await ownRole(t, found.url, database.connection);
  const a = await counterOn(t, database.connection);
  const b = await counterOn(t, own.connection);
  await heardAllOf(a, b);

  await own.keepOut();
  const paidMeanwhile = await call(a, 'createPaymentLink', { amount: '40.00' });
  await pay(paidMeanwhile);
  await own.letIn();

  await eventually(() => paidOf(b, paidMeanwhile.ref).length === 1, 15_000);
  await heardAllOf(a, b);
  assert.equal(paidOf(b, paidMeanwhile.ref).length, 1);
});

test('notifications a PayDesk did not send are ignored, and what counters change is still heard', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const a = await counterOn(t, database.connection);
  const b = await counterOn(t, database.connection);
  const pending = await call(a, 'createPaymentLink', { amount: '12.00' });
  await untilHeard(b, pending);
  const pendingId = await bookSql(a).value<number>('SELECT id FROM orders WHERE ref = ?', pending.ref);
  const watchers = async () =>
    (
      await adminQuery(
        database.url,
        `SELECT pid, backend_start FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 ORDER BY pid`,
        [WATCHER_APPLICATION],
      )
    ).rows;
  const listening = await watchers();
  assert.equal(listening.length, 2);

  const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const forged = [
    'not json',
    '{"c":["a"]}',
    '{"o":"x","c":[-1],"p":[]}',
    '{"o":"x","c":[1.5],"p":[]}',
    '{"o":"x","c":[1e300],"p":[]}',
    `{"o":"x","c":[${pendingId}],"p":[],"and":1}`,
    `{"o":"${'x'.repeat(65)}","many":true}`,
    JSON.stringify({ o: 'x', c: ids(1, 1500), p: [] }),
    // Well made, but naming an order as paid that is not: it is read, and the book says it is pending.
    JSON.stringify({ o: 'x', c: [pendingId], p: [pendingId] }),
    // More ids than are read one by one, then a flood of "many": each asks for everything to be read again.
    ...Array.from({ length: 6 }, (_, i) => JSON.stringify({ o: 'x', c: ids(1_000 + i * 1000, 1000), p: [] })),
    ...Array.from({ length: 200 }, (_, i) => JSON.stringify({ o: `x${i}`, many: true })),
  ];
  // One transaction: every payload reaches both counters in one burst.
  await adminQuery(database.url, `SELECT pg_notify('paydesk_orders', payload) FROM unnest($1::text[]) payload`, [forged]);

  // Everything again once, and once more after a pause for what asked meanwhile: not two hundred times.
  await eventually(() => a.resynced === 2 && b.resynced === 2, 15_000);
  const later = await call(a, 'createPaymentLink', { amount: '13.00' });
  await untilHeard(b, later);
  await pay(later);
  await eventually(() => paidOf(b, later.ref).length === 1);
  await heardAllOf(b, a);
  assert.deepEqual(await watchers(), listening, 'both counters kept their listening sessions');
  assert.deepEqual(paidOf(b, pending.ref), [], 'a forged payment rings nothing');
  assert.equal(heardOf(b, pending.ref).at(-1)!.status, 'pending');
  assert.equal(a.resynced + b.resynced, 4);
  const ignoredLines = (counter: Counter) =>
    readFileSync(join(counter.dataDir, LOGS_FOLDER, LOG_FILE), 'utf8')
      .split('\n')
      .filter((line) => line.includes('book_notice_ignored'));
  await eventually(() => ignoredLines(b).length > 0);
  assert.equal(ignoredLines(b).length, 1, 'the log is told once, not once a notification');
});

test('a counter whose network went quiet notices by itself, comes back and catches up', async (t) => {
  const connection = await fresh(t);
  if (!connection) return;
  const proxy = await startTcpProxy(connection);
  // Closed after the cores that use it.
  t.after(() => t.after(() => proxy.close()));
  const a = await counterOn(t, connection);
  const b = await counterOn(t, { ...connection, host: '127.0.0.1', port: proxy.port });
  const before = await call(a, 'createPaymentLink', { amount: '5.00' });
  await untilHeard(b, before);

  proxy.cut();
  const paidMeanwhile = await call(a, 'createPaymentLink', { amount: '40.00' });
  await pay(paidMeanwhile);
  // The network is back for new connections; the old ones stay silent, as a cut's lost bytes leave them.
  proxy.mend();
  // Nothing tells counter B its connections are gone but its own pings going unanswered.
  await eventually(() => paidOf(b, paidMeanwhile.ref).length === 1, 60_000);
  await heardAllOf(a, b);
  await heardAllOf(b, a);
  assert.equal(paidOf(b, paidMeanwhile.ref).length, 1);
});

test('after the server crashed and restarted under a stream of changes, the other counter has heard every one and still hears', async (t) => {
  const own = await serverOfItsOwn(t, 'paydesk_changes');
  if (!own) return;
  const { server, connection } = own;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
    process.on(event, onUnhandled);
    t.after(() => process.off(event, onUnhandled));
  }
  const a = await counterOn(t, connection);
  const b = await counterOn(t, connection);

  // Counter A makes links one after another, before, during and after the crash (those made while the server is
  // away fail, as they must); the stream is bounded in count and time.
  const made: Order[] = [];
  let failed = 0;
  let restarted = false;
  const deadline = Date.now() + 60_000;
  const stream = (async () => {
    for (let i = 0, after = 0; i < 400 && after < 10 && Date.now() < deadline; i++) {
      try {
        made.push(await call(a, 'createPaymentLink', { amount: `${100 + i}.00` }));
        if (restarted) after++;
      } catch {
        failed++;
        await sleep(50);
      }
    }
  })();
  while (made.length < 5 && Date.now() < deadline) await sleep(10);
  await server.restart('immediate');
  restarted = true;
  await stream;
  assert.ok(made.length >= 15, `links were made before and after the crash (${made.length}, ${failed} refused)`);

  for (const order of made) await untilHeard(b, order, 20_000);
  await heardAllOf(a, b);
  await heardAllOf(b, a);
  assert.deepEqual(unhandled, []);
});
