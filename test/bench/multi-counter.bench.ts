// Several counters on one PostgreSQL order book, each a PayDesk process of its own (test/support/counter-process.ts):
// how soon a return at counter A reaches counter B's event stream (the events B's window is sent), beside a bare
// NOTIFY → LISTEN round trip on the same server; and returns per second with two counters taking returns at once,
// beside one counter alone, all on the same server in the same run.
//
//   node --import tsx test/bench/multi-counter.bench.ts   (PAYDESK_BENCH_COUNTER_RETURNS=500 for a quick run)
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCore } from '../../electron/core/paydesk-core';
import { parseDatabaseUrl } from '../../electron/core/storage/postgres/pool-config';
import { sharedSandbox, startCounterProcess, type CounterProcess } from '../support/counter-process';
import { figureLine, type Figure } from '../support/figures';
import { adminQuery, freshDatabase } from '../support/postgres';
import { seedBookOrders, type SeededOrder } from '../support/seed-orders';

const PROPAGATIONS = { warmUp: 20, timed: 300 };
const LOAD_RETURNS = Number(process.env.PAYDESK_BENCH_COUNTER_RETURNS ?? 2_000);
/** Customers coming back at once, over all the counters taking returns. */
const CONCURRENCY = 16;
const TARGET_P99_MS = 250;
const PHASE_DEADLINE_MS = 90_000;
const SCENARIO = 'Several counters';

const cleanups: Array<() => unknown> = [];
const scope = {
  after: (fn: () => unknown) => void cleanups.push(fn),
  skip: (why?: string) => {
    throw new Error(`the multi-counter bench needs PostgreSQL: ${why}`);
  },
};
const now = () => performance.timeOrigin + performance.now();
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const spread = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), n: sorted.length };
};
const report = (figure: Figure) => console.log(figureLine(figure));

console.log(`PayDesk multi-counter bench: machine load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
try {
  const database = (await freshDatabase(scope))!;
  const parsed = parseDatabaseUrl(database.url);
  if (!parsed.ok) throw new Error(`the bench database's URL does not parse: ${parsed.message.code}`);
  const sandbox = await sharedSandbox(scope);

  // The orders the load returns pay, written beforehand by a PayDesk of the bench's own (closed before any timing).
  const seedDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-seed-'));
  cleanups.push(() => rmSync(seedDir, { recursive: true, force: true }));
  const seeder = await startCore({
    dataDir: seedDir,
    book: { engine: 'postgres', connection: parsed.connection },
    keys: { env: {} },
    listener: 'elsewhere',
    startSandbox: false,
  });
  const seeded = await seedBookOrders(seeder, 2 * LOAD_RETURNS);
  await seeder.close();
  const alone = seeded.slice(0, LOAD_RETURNS);
  const together = seeded.slice(LOAD_RETURNS);

  const counter = () => startCounterProcess(scope, { databaseUrl: database.url, sandboxBaseUrl: sandbox.baseUrl });
  const a = await counter();
  const one = await returnsPerSecond([a], alone);
  const b = await counter();
  await propagation(a, b, database.url);
  const two = await returnsPerSecond([a, b], together);

  report({
    scenario: SCENARIO,
    figure: `returns/s, one counter alone (${CONCURRENCY} customers at once)`,
    value: `${one.rps.toFixed(0)} (${one.answered} answered in ${one.seconds.toFixed(1)} s)`,
  });
  report({
    scenario: SCENARIO,
    figure: `returns/s, two counters on one server (${CONCURRENCY / 2} customers at each)`,
    value: `${two.rps.toFixed(0)} (${two.answered} answered in ${two.seconds.toFixed(1)} s)`,
  });
  report({ scenario: SCENARIO, figure: 'two counters ÷ one counter', value: `${(two.rps / one.rps).toFixed(2)}×` });
  const paid = Number(
    (await adminQuery(database.url, `SELECT count(*) AS n FROM orders WHERE status = 'paid' AND payment_proof = 'return'`)).rows[0].n,
  );
  const thanked = one.answered + two.answered + PROPAGATIONS.warmUp + PROPAGATIONS.timed;
  report({
    scenario: SCENARIO,
    figure: 'orders paid by a return − customers thanked',
    value: `${paid} − ${thanked} = ${paid - thanked}`,
    target: '= 0',
    ok: paid === thanked,
  });
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

/**
 * One return at a time at A's listener for an order made at A, timed from the moment it is sent to the moment B's core
 * emits orderPaid for it (stamped in B's process on the clock both share); beside it, A's own answer to the customer
 * and a bare NOTIFY heard by a LISTEN of this process on the same server.
 */
async function propagation(a: CounterProcess, b: CounterProcess, databaseUrl: string): Promise<void> {
  const toB: number[] = [];
  const answered: number[] = [];
  const deadline = Date.now() + PHASE_DEADLINE_MS;
  for (let i = 0; i < PROPAGATIONS.warmUp + PROPAGATIONS.timed && Date.now() < deadline; i++) {
    const { ref, returnPath } = await a.link('10.00');
    const sent = now();
    const answer = await fetch(`${a.origin}${returnPath}`);
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`counter A answered a return with ${answer.status}`);
    const thanked = now();
    const heard = await b.waitForEvent((event) => event.event === 'orderPaid' && event.payload.ref === ref, 10_000);
    if (i < PROPAGATIONS.warmUp) continue;
    toB.push(heard.at - sent);
    answered.push(thanked - sent);
  }
  const yardstick = await notifyRoundTrips(databaseUrl, PROPAGATIONS);

  const reached = spread(toB);
  report({
    scenario: SCENARIO,
    figure: `return at A → orderPaid at B, p99 (p50) of ${reached.n}`,
    value: `${ms(reached.p99)} (${ms(reached.p50)})`,
    target: `< ${TARGET_P99_MS} ms`,
    ok: reached.p99 < TARGET_P99_MS,
  });
  const own = spread(answered);
  report({ scenario: SCENARIO, figure: 'return at A → A thanks the customer, p99 (p50)', value: `${ms(own.p99)} (${ms(own.p50)})` });
  const bare = spread(yardstick);
  report({ scenario: SCENARIO, figure: 'bare NOTIFY → LISTEN on the same server, p99 (p50)', value: `${ms(bare.p99)} (${ms(bare.p50)})` });
}

/** NOTIFY on one connection, heard on another (LISTEN) of this process: what no LISTEN-based path can beat. */
async function notifyRoundTrips(databaseUrl: string, runs: { warmUp: number; timed: number }): Promise<number[]> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const notifier = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), notifier.connect()]);
  try {
    await listener.query('LISTEN paydesk_bench');
    const samples: number[] = [];
    for (let i = 0; i < runs.warmUp + runs.timed; i++) {
      const heard = new Promise<number>((resolve) => {
        const hear = (message: pg.Notification) => {
          if (message.payload !== String(i)) return;
          listener.off('notification', hear);
          resolve(now());
        };
        listener.on('notification', hear);
      });
      const sent = now();
      await notifier.query(`NOTIFY paydesk_bench, '${i}'`);
      const at = await heard;
      if (i >= runs.warmUp) samples.push(at - sent);
    }
    return samples;
  } finally {
    await Promise.all([listener.end(), notifier.end()]);
  }
}

type Throughput = { rps: number; answered: number; seconds: number };

/** Returns for `orders`, dealt to the counters in turn, CONCURRENCY at a time in all, until done or the deadline. */
async function returnsPerSecond(counters: CounterProcess[], orders: SeededOrder[]): Promise<Throughput> {
  let next = 0;
  let answered = 0;
  const deadline = Date.now() + PHASE_DEADLINE_MS;
  const started = performance.now();
  const customer = async (worker: number) => {
    const at = counters[worker % counters.length]!;
    while (Date.now() < deadline) {
      const index = next++;
      const order = orders[index];
      if (!order) return;
      const answer = await fetch(
        `${at.origin}${order.successPath}?transaction_id=BENCH${String(index).padStart(7, '0')}${counters.length}`,
      );
      await answer.arrayBuffer();
      if (answer.status !== 200) throw new Error(`a counter answered a return with ${answer.status}`);
      answered++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, worker) => customer(worker)));
  const seconds = (performance.now() - started) / 1000;
  return { rps: answered / seconds, answered, seconds };
}
