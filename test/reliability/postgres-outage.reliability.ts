// Counters on one PostgreSQL order book while it is away: the server stopped (`pg_ctl stop -m immediate`) under a
// stream of returns to two counters, then started; the network between one counter and the server cut silently (a
// TCP proxy that stops forwarding without closing anything, then drops every connection); and `kill -9` of a counter,
// a process of its own, while it writes its journal to the book. Every return the customer was thanked for must end
// in the book exactly once, the journals empty, and the count of waiting returns the screen shows must go up and
// come back to 0. Real parts: PayDesk's cores, their listeners on 127.0.0.1, the sandbox gateway, a server of the
// test's own; the customers' browsers are HTTP requests several at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { Agent, request } from 'undici';
import type { PostgresConnection } from '../../electron/core/storage/book-choice';
import { paidReturnPath, sharedSandbox, startCounterProcess } from '../support/counter-process';
import { call, startTestCore, type TestCore } from '../support/core';
import { reportFigure } from '../support/figures';
import { serverOfItsOwn } from '../support/postgres';
import { startTcpProxy } from '../support/tcp-proxy';
import { watchWaitingReturns, type WaitingReturns } from '../support/waiting-returns';

type TestContext = { after(fn: () => unknown): void; skip(message?: string): void; diagnostic(message: string): void };

/** Customers at each counter in the two-counter scenarios. */
const PER_COUNTER = 150;
const IN_FLIGHT = 6;
/** Each customer waits this long before the next comes back: the stream lasts past the outage. */
const PACE_MS = 30;
/** A customer shown "try again" reloads this much later, within the stream's deadline. */
const RETRY_MS = 250;
const STREAM_MS = 90_000;
/** How long the server stays stopped, or the network cut. */
const OUTAGE_MS = 4_000;
const DRAIN_MS = 60_000;

type Customer = { ref: string; url: string; transactionId: string };
type Answer = { ref: string; status: number; thanked: boolean; journaled: boolean };

/** A link made at `core`, paid at the sandbox; the customer comes back to `listener` (its own counter's, or another's). */
async function customerOf(core: TestCore, amount: string, listener: string): Promise<Customer> {
  const order = await call(core, 'createPaymentLink', { amount });
  const path = await paidReturnPath(order.paymentUrl!);
  return { ref: order.ref, url: listener + path, transactionId: new URL(listener + path).searchParams.get('transaction_id')! };
}

const WAITING = 'is writing it to the shop’s order book';

/** The customer's browser following the gateway's redirect; status 0 when no answer came at all. */
async function comeBack(agent: Agent, customer: Customer): Promise<Answer> {
  try {
    const answer = await request(customer.url, { dispatcher: agent, headersTimeout: 30_000, bodyTimeout: 30_000 });
    const body = await answer.body.text();
    const journaled = answer.statusCode === 200 && body.includes(WAITING);
    const recorded = answer.statusCode === 200 && body.includes(customer.ref);
    return {
      ref: customer.ref,
      status: answer.statusCode,
      thanked: (journaled || recorded) && body.includes(customer.transactionId),
      journaled,
    };
  } catch {
    return { ref: customer.ref, status: 0, thanked: false, journaled: false };
  }
}

/** Customers coming back IN_FLIGHT at a time per counter; each one shown "try again" reloads until thanked or the deadline. */
async function stream(agent: Agent, customers: Customer[], workers: number, answers: Answer[]): Promise<void> {
  const queue = [...customers];
  const deadline = Date.now() + STREAM_MS;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let customer = queue.shift(); customer; customer = queue.shift()) {
        while (Date.now() < deadline) {
          const answer = await comeBack(agent, customer);
          answers.push(answer);
          if (answer.thanked) break;
          await sleep(RETRY_MS);
        }
        await sleep(PACE_MS);
      }
    }),
  );
}

/** What the book holds for the customers: recorded (paid with their id), and returns recorded twice. */
async function bookFigures(url: string, customers: Customer[]) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows: orders } = await pool.query<{ ref: string; status: string; transaction_id: string | null }>(
      'SELECT ref, status, transaction_id FROM orders',
    );
    const byRef = new Map(orders.map((row) => [row.ref, row]));
    const { rows: twice } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT order_id FROM order_events WHERE kind = 'paid' GROUP BY order_id HAVING count(*) > 1) d`,
    );
    const { rows: shared } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT transaction_id FROM orders WHERE transaction_id IS NOT NULL GROUP BY transaction_id HAVING count(*) > 1) d`,
    );
    const isRecorded = (c: Customer) => byRef.get(c.ref)?.status === 'paid' && byRef.get(c.ref)?.transaction_id === c.transactionId;
    return { isRecorded, recorded: customers.filter(isRecorded).length, duplicated: Number(twice[0]!.n) + Number(shared[0]!.n) };
  } finally {
    await pool.end();
  }
}

type Outcome = {
  customers: Customer[];
  answers: Answer[];
  recorded: number;
  lost: number;
  duplicated: number;
  depths: Record<string, number>;
  /** From the book answering again to the last journal empty. */
  replayMs: number;
  /** Each counter's waiting count went above 0 and came back to 0. */
  upAndBack: Record<string, boolean>;
};

/** What the book holds of the customers sent: each recorded once, none lost, none twice. */
function reportBook(t: TestContext, scenario: string, book: { sent: number; recorded: number; lost: number; duplicated: number }): void {
  const { sent, recorded, lost, duplicated } = book;
  reportFigure(t, {
    scenario,
    figure: 'recorded (paid, with their transaction id)',
    value: recorded,
    target: `= ${sent}`,
    ok: recorded === sent,
  });
  reportFigure(t, { scenario, figure: 'lost (thanked, not recorded)', value: lost, target: '= 0', ok: lost === 0 });
  reportFigure(t, {
    scenario,
    figure: 'duplicated (paid twice, or one id on two orders)',
    value: duplicated,
    target: '= 0',
    ok: duplicated === 0,
  });
}

function report(t: TestContext, scenario: string, outcome: Outcome): void {
  const { customers, answers, recorded, lost, duplicated, depths, replayMs, upAndBack } = outcome;
  const thanked = new Set(answers.filter((a) => a.thanked).map((a) => a.ref));
  const journaled = answers.filter((a) => a.thanked && a.journaled).length;
  const retried = answers.filter((a) => !a.thanked).length;
  reportFigure(t, { scenario, figure: 'returns sent (customers, requests with reloads)', value: `${customers.length}, ${answers.length}` });
  reportFigure(t, {
    scenario,
    figure: 'acknowledged (thanked; of them from the journal)',
    value: `${thanked.size} (${journaled})`,
    target: `= ${customers.length}`,
    ok: thanked.size === customers.length,
  });
  reportFigure(t, { scenario, figure: 'answered "try again" (reloaded)', value: retried });
  reportBook(t, scenario, { sent: customers.length, recorded, lost, duplicated });
  reportFigure(t, {
    scenario,
    figure: 'max journal depth, per counter',
    value: Object.entries(depths)
      .map(([name, depth]) => `${name} ${depth}`)
      .join(', '),
  });
  const allUpAndBack = Object.values(upAndBack).every(Boolean);
  reportFigure(t, {
    scenario,
    figure: 'waiting count went up and back to 0 on every counter',
    value: allUpAndBack ? 'yes' : 'no',
    target: 'yes',
    ok: allUpAndBack,
  });
  reportFigure(t, { scenario, figure: 'replay: book back → journals empty', value: `${replayMs} ms` });
}

function assertOutcome(outcome: Outcome): void {
  const thanked = new Set(outcome.answers.filter((a) => a.thanked).map((a) => a.ref));
  assert.equal(outcome.lost, 0, 'every thanked return is in the book');
  assert.equal(outcome.duplicated, 0, 'none is in it twice');
  assert.equal(thanked.size, outcome.customers.length, 'every customer was thanked in the end');
  assert.equal(outcome.recorded, outcome.customers.length);
  assert.deepEqual(
    Object.values(outcome.upAndBack).every(Boolean),
    true,
    `the waiting count went up and back to 0 on every counter: ${JSON.stringify(outcome.depths)}`,
  );
}

/** Two counters' customers, every third coming back to the other counter's listener; each watched for its journal. */
async function twoCounters(t: TestContext, connections: [PostgresConnection, PostgresConnection]) {
  const cores = [
    await startTestCore(t, { book: { engine: 'postgres', connection: connections[0] } }),
    await startTestCore(t, { book: { engine: 'postgres', connection: connections[1] } }),
  ] as const;
  const watched = cores.map((core) => watchWaitingReturns(core, t)) as [WaitingReturns, WaitingReturns];
  const customers: Customer[][] = [[], []];
  for (let i = 0; i < PER_COUNTER; i++) {
    for (const side of [0, 1] as const) {
      const to = i % 3 === 2 ? ((1 - side) as 0 | 1) : side;
      customers[side]!.push(await customerOf(cores[side], `${100 + i}.${side}0`, cores[to].runtime().returnBaseUrl!));
    }
  }
  return { cores, watched, customers: [...customers[0]!, ...customers[1]!] };
}

async function outcomeOf(
  url: string,
  customers: Customer[],
  answers: Answer[],
  watched: [WaitingReturns, WaitingReturns],
  backAt: number,
): Promise<Outcome> {
  await Promise.all(watched.map((w) => w.drained(DRAIN_MS)));
  const emptied = Math.max(...watched.map((w) => w.emptiedAt() ?? backAt));
  const { isRecorded, recorded, duplicated } = await bookFigures(url, customers);
  const thanked = new Set(answers.filter((a) => a.thanked).map((a) => a.ref));
  return {
    customers,
    answers,
    recorded,
    lost: customers.filter((c) => thanked.has(c.ref) && !isRecorded(c)).length,
    duplicated,
    depths: { A: watched[0].deepest(), B: watched[1].deepest() },
    replayMs: Math.max(0, emptied - backAt),
    upAndBack: Object.fromEntries(['A', 'B'].map((name, i) => [name, watched[i]!.deepest() > 0 && watched[i]!.current() === 0])),
  };
}

test('the database server stopped under a stream of returns to two counters, then started: every thanked return is in the book once and both journals end empty', async (t) => {
  const own = await serverOfItsOwn(t, 'paydesk_outage');
  if (!own) return;
  const { cores, watched, customers } = await twoCounters(t, [own.connection, own.connection]);
  const agent = new Agent({ connections: IN_FLIGHT * 4 });
  t.after(() => agent.close());

  const answers: Answer[] = [];
  let backAt = NaN;
  const outage = (async () => {
    while (answers.length < customers.length / 3) await sleep(10);
    own.server.stopServer('immediate');
    await sleep(OUTAGE_MS);
    own.server.startServer();
    backAt = Date.now();
  })();
  await stream(agent, customers, IN_FLIGHT * 2, answers);
  await outage;
  const outcome = await outcomeOf(own.url, customers, answers, watched, backAt);
  report(t, 'PostgreSQL stopped (2 counters)', outcome);
  assertOutcome(outcome);
  for (const core of cores) assert.equal((await call(core, 'getStatus', {})).waitingReturns, 0, 'the screen says nothing waits');
});

test('a silent network cut between one counter and the server, then every connection dropped, behaves the same', async (t) => {
  const own = await serverOfItsOwn(t, 'paydesk_outage');
  if (!own) return;
  const proxy = await startTcpProxy(own.connection);
  t.after(() => t.after(() => proxy.close()));
  const { watched, customers } = await twoCounters(t, [{ ...own.connection, host: proxy.host, port: proxy.port }, own.connection]);
  const agent = new Agent({ connections: IN_FLIGHT * 4 });
  t.after(() => agent.close());

  const answers: Answer[] = [];
  let backAt = NaN;
  const outage = (async () => {
    while (answers.length < customers.length / 3) await sleep(10);
    proxy.cut();
    await sleep(OUTAGE_MS * 2);
    proxy.drop();
    await sleep(500);
    proxy.mend();
    backAt = Date.now();
  })();
  await stream(agent, customers, IN_FLIGHT * 2, answers);
  await outage;
  const outcome = await outcomeOf(own.url, customers, answers, watched, backAt);
  report(t, 'network cut (counter A of 2)', outcome);
  assertOutcome(outcome);
});

/** Customers journaled while the counter is cut off, then its process killed outright this many times while it replays. */
const JOURNALED = 600;
const KILLS = 3;

test('kill -9 of a counter while it writes its journal to the book, started again: nothing lost, nothing twice', async (t) => {
  const own = await serverOfItsOwn(t, 'paydesk_outage');
  if (!own) return;
  const proxy = await startTcpProxy(own.connection);
  t.after(() => t.after(() => proxy.close()));
  const viaProxy = new URL(own.url);
  viaProxy.port = String(proxy.port);
  const sandbox = await sharedSandbox(t);
  const counter = await startCounterProcess(t, { databaseUrl: viaProxy.href, sandboxBaseUrl: sandbox.baseUrl });
  const customers: Customer[] = [];
  for (let i = 0; i < JOURNALED; i++) {
    const made = await counter.link(`${200 + i}.00`);
    const url = counter.origin + made.returnPath;
    customers.push({ ref: made.ref, url, transactionId: new URL(url).searchParams.get('transaction_id')! });
  }
  const agent = new Agent({ connections: 32 });
  t.after(() => agent.close());

  // Cut off (each connection refused), every customer comes back: all journaled.
  proxy.refuse();
  const answers = (
    await Promise.all(
      Array.from({ length: 16 }, (_, w) => w).map(async (w) => {
        const mine: Answer[] = [];
        for (let i = w; i < customers.length; i += 16) mine.push(await comeBack(agent, customers[i]!));
        return mine;
      }),
    )
  ).flat();
  const depth = Math.max(0, ...counter.events.flatMap((e) => (e.event === 'waitingReturnsChanged' ? [e.payload.waiting] : [])));

  // The book answers again; each time the counter has written some of its journal, it is killed outright.
  const pool = new pg.Pool({ connectionString: own.url, max: 1 });
  t.after(() => pool.end());
  const paid = async () => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE status = 'paid'`)).rows[0]!.n);
  proxy.mend();
  const backAt = Date.now();
  const killedAt: number[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    const before = await paid();
    const deadline = Date.now() + 30_000;
    while ((await paid()) === before && before < JOURNALED && Date.now() < deadline) await sleep(5);
    if ((await paid()) >= JOURNALED) break;
    // At a random moment of the writing: inside a transaction, between a commit and its entries' deletion, or after.
    await sleep(Math.random() * 60);
    await counter.kill('SIGKILL');
    killedAt.push(await paid());
    await counter.restart();
  }
  const restartedAt = performance.timeOrigin + performance.now();
  await counter
    .waitForEvent((e) => e.event === 'waitingReturnsChanged' && e.payload.waiting === 0 && e.at >= restartedAt, DRAIN_MS)
    .catch(async () => assert.equal((await counter.status()).waitingReturns, 0));
  const replayMs = Date.now() - backAt;
  assert.equal((await counter.status()).waitingReturns, 0, 'the journal ends empty');

  const { isRecorded, recorded, duplicated } = await bookFigures(own.url, customers);
  const thanked = new Set(answers.filter((a) => a.thanked).map((a) => a.ref));
  const lost = customers.filter((c) => thanked.has(c.ref) && !isRecorded(c)).length;
  const scenario = 'kill -9 while replaying';
  reportFigure(t, { scenario, figure: 'returns sent', value: customers.length });
  reportFigure(t, {
    scenario,
    figure: 'acknowledged (thanked; of them from the journal)',
    value: `${thanked.size} (${answers.filter((a) => a.journaled).length})`,
    target: `= ${customers.length}`,
    ok: thanked.size === customers.length,
  });
  reportFigure(t, {
    scenario,
    figure: 'kills during the replay (paid so far at each)',
    value: `${killedAt.length} (${killedAt.join(', ')})`,
    target: `${KILLS}`,
    ok: killedAt.length === KILLS,
  });
  reportBook(t, scenario, { sent: customers.length, recorded, lost, duplicated });
  reportFigure(t, { scenario, figure: 'max journal depth', value: depth, target: `= ${customers.length}`, ok: depth === customers.length });
  reportFigure(t, { scenario, figure: 'replay: book back → journal empty, restarts included', value: `${replayMs} ms` });

  assert.equal(thanked.size, customers.length, 'every customer was thanked from the journal');
  assert.ok(
    killedAt.length === KILLS && killedAt.every((n) => n > 0 && n < JOURNALED),
    `killed mid-replay each time: ${killedAt.join(', ')}`,
  );
  assert.equal(lost, 0);
  assert.equal(duplicated, 0);
  assert.equal(recorded, customers.length);
});
