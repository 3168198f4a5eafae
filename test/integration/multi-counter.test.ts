// Three PayDesk counters, each a process of its own with its own data folder and return listener, on one PostgreSQL
// order book (the tests' server) and one sandbox gateway: what one counter does, the book records once and the
// others hear at once. PostgreSQL only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { follow } from '../support/customer-browser';
import { sharedSandbox, startCounterProcess, type CounterEvent, type CounterProcess } from '../support/counter-process';
import { adminQuery, freshDatabase } from '../support/postgres';

type TestContext = Parameters<typeof freshDatabase>[0];

/** Three counters on a new database, started at once as a shop's tills would be. */
async function threeCounters(t: TestContext): Promise<{ url: string; counters: [CounterProcess, CounterProcess, CounterProcess] } | null> {
  const database = await freshDatabase(t);
  if (!database) return null;
  const sandbox = await sharedSandbox(t);
  const start = () => startCounterProcess(t, { databaseUrl: database.url, sandboxBaseUrl: sandbox.baseUrl });
  const [a, b, c] = await Promise.all([start(), start(), start()]);
  return { url: database.url, counters: [a, b, c] };
}

const paidEvent = (ref: string) => (event: CounterEvent) => event.event === 'orderPaid' && event.payload.ref === ref;
const changedTo = (ref: string, status: string) => (event: CounterEvent) =>
  event.event === 'orderChanged' && event.payload.ref === ref && event.payload.status === status;

test('links made at the same moment at three counters get distinct refs, and each order records the counter that made it', async (t) => {
  const found = await threeCounters(t);
  if (!found) return;
  const { url, counters } = found;
  const made = await Promise.all(
    counters.map(async (counter) => ({ counter, links: await Promise.all(Array.from({ length: 10 }, () => counter.link('99.00'))) })),
  );

  const refs = made.flatMap(({ links }) => links.map((link) => link.ref));
  assert.equal(new Set(refs).size, 30, 'thirty links, thirty refs');
  const { rows } = await adminQuery(url, 'SELECT ref, counter_id FROM orders');
  const counterOf = new Map(rows.map((row) => [row.ref as string, row.counter_id as string]));
  assert.equal(counterOf.size, 30);
  for (const { counter, links } of made) {
    for (const { ref } of links) assert.equal(counterOf.get(ref), counter.counterId, `${ref} records the counter that made it`);
  }
  const names = await adminQuery(url, 'SELECT id, name FROM counters');
  assert.deepEqual(new Set(names.rows.map((row) => row.id)), new Set(counters.map((counter) => counter.counterId)));
  assert.equal(new Set(names.rows.map((row) => row.name)).size, 3, 'each counter has a name of its own');
});

test('a return at counter B for an order made at A is recorded once, and A and C hear it paid', async (t) => {
  const found = await threeCounters(t);
  if (!found) return;
  const { url, counters } = found;
  const [a, b, c] = counters;
  const { ref, returnPath } = await a.link('150.50');

  const landing = await follow(`${b.origin}${returnPath}`);
  assert.equal(landing.status, 200);
  assert.match(landing.body, /Payment received/);
  assert.match(landing.body, new RegExp(ref));
  // The customer's browser tries again, at the address A handed out.
  const again = await follow(`${a.origin}${returnPath}`);
  assert.equal(again.status, 200);
  assert.match(again.body, new RegExp(ref));

  await b.waitForEvent(paidEvent(ref));
  for (const other of [a, c]) {
    await other.waitForEvent(changedTo(ref, 'paid'));
    await other.waitForEvent(paidEvent(ref));
  }
  const { rows } = await adminQuery(
    url,
    `SELECT o.status, o.counter_id, count(e.id) FILTER (WHERE e.kind = 'paid') AS paid
     FROM orders o LEFT JOIN order_events e ON e.order_id = o.id WHERE o.ref = $1 GROUP BY o.id`,
    [ref],
  );
  assert.deepEqual(
    rows,
    [{ status: 'paid', counter_id: a.counterId, paid: '1' }],
    'paid once, and still the order of the counter that made it',
  );
  for (const counter of counters) {
    assert.equal(counter.events.filter(paidEvent(ref)).length, 1, `the counter at ${counter.origin} announced the payment once`);
  }
});

test('a counter killed outright and started again over its data folder is the same counter, with its listener back', async (t) => {
  const found = await threeCounters(t);
  if (!found) return;
  const { url, counters } = found;
  const [a, b] = counters;
  const before = { counterId: b.counterId, origin: b.origin, pid: b.pid };
  const { ref, returnPath } = await a.link('75.00');

  await b.kill('SIGKILL');
  await b.restart();
  assert.notEqual(b.pid, before.pid);
  assert.deepEqual({ counterId: b.counterId, origin: b.origin }, { counterId: before.counterId, origin: before.origin });
  assert.equal((await b.status()).counter.id, before.counterId);
  assert.equal((await adminQuery(url, 'SELECT count(*)::int AS n FROM counters')).rows[0].n, 3, 'no fourth counter');

  const landing = await follow(`${b.origin}${returnPath}`);
  assert.equal(landing.status, 200);
  assert.match(landing.body, new RegExp(ref));
  await a.waitForEvent(paidEvent(ref));
});
