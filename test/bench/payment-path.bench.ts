// The speed of the payment path, measured in one run on this machine, each figure beside its yardstick:
//   1. listener throughput: legitimate returns (each one a first return, committed to SQLite before its
//      answer) under 50 connections, beside a bare node:http server answering a fixed page, and beside that
//      server doing only the UPDATE that marks an order paid (update-floor-server.ts), with and without the
//      schema's triggers: the floor under the listener's ratio;
//   2. return → Paid on screen: from a return's request to the orderChanged event arriving in a real
//      Chromium page through window.paydesk (the tests' bridge, test/support/browser-bridge.ts);
//   3. link creation: createPaymentLink through the service against the sandbox gateway, beside a bare
//      undici POST of the same body to the same sandbox, and beside that POST between the two commits a
//      link needs (the floor).
// Throughput and link creation are measured on SQLite and again on PostgreSQL (a server this bench starts), the
// figures of both engines side by side at the end.
// Everything runs on 127.0.0.1; every loop is bounded in count and time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { Agent, request } from 'undici';
import Database from 'better-sqlite3';
import { startCore } from '../../electron/core/paydesk-core';
import { SQLITE_BOOK } from '../../electron/core/storage/book-choice';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import type { Engine } from '../../electron/core/storage/order-book';
import { parseDatabaseUrl } from '../../electron/core/storage/postgres/pool-config';
import { hashToken, newReturnToken } from '../../electron/core/orders/return-tokens';
import { SANDBOX_API_KEY } from '../../electron/sandbox/sandbox-gateway';
import { startPostgres, type PostgresServer } from '../../scripts/postgres-server.js';
import { bridgePaydesk, startBridgedCore } from '../support/browser-bridge';
import { figureLine, type Figure } from '../support/figures';
import { freePort } from '../support/free-port';
import { startListenerProcess } from '../support/listener-process';
import { bookReader, ENGINES, prepareBook, type EngineBook } from '../support/engine-books';
import { adminQuery } from '../support/postgres';
import { prepareOrderBook, seedOrders } from '../support/seed-orders';
import { startStaticServer } from '../support/static-server';

const CONNECTIONS = 50;
const LOAD_SECONDS = 5;
const RETURNS_ON_SCREEN = 1_000;
const LINKS = 400;
/** PostgreSQL's book for the throughput run: more first returns than it takes in LOAD_SECONDS (seeded through the repositories). */
const POSTGRES_ORDERS = 10_000;
const SCENARIO = 'Payment path';

const figures: Figure[] = [];
const cleanups: Array<() => unknown> = [];
const scope = { after: (fn: () => unknown) => void cleanups.push(fn) };
const report = (figure: Figure) => {
  figures.push(figure);
  console.log(figureLine(figure));
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
/** Each engine's figures for the closing side-by-side table. */
const sideBySide = new Map<string, Partial<Record<Engine, string>>>();
const beside = (figure: string, engine: Engine, value: string) => sideBySide.set(figure, { ...sideBySide.get(figure), [engine]: value });

/** The bare server's rate, the yardstick of both engines' listeners. */
async function listenerThroughput(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  // More first returns than any of the servers can take in the time, so every request commits a payment.
  const orders = await prepareOrderBook(dataDir, 250_000);
  const floorBooks = (['with-triggers', 'without-triggers'] as const).map((mode) => {
    const copy = join(dataDir, `floor-${mode}.db`);
    copyFileSync(join(dataDir, DATABASE_FILE), copy);
    return { mode, copy };
  });
  const bare = await startYardstick('fixed-page-server.ts');
  const listener = await startListenerProcess(dataDir, await freePort());
  cleanups.push(() => listener.kill('SIGKILL'));

  const bareRun = await load(`http://127.0.0.1:${bare.port}/`, () => '/');
  await bare.stop();
  let next = 0;
  const listenerRun = await load(listener.origin, () => {
    const order = orders[next++ % orders.length]!;
    return `${order.successPath}?transaction_id=B${order.id}`;
  });
  await listener.kill('SIGTERM');

  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const paid = (db.prepare(`SELECT count(*) AS n FROM orders WHERE status = 'paid'`).get() as { n: number }).n;
  db.close();
  const ratio = listenerRun.rps / bareRun.rps;
  report({
    scenario: SCENARIO,
    figure: `bare node:http, ${CONNECTIONS} connections`,
    value: `${bareRun.rps.toFixed(0)} req/s, p99 ${bareRun.p99} ms`,
  });
  report({
    scenario: SCENARIO,
    figure: `return listener, ${CONNECTIONS} connections`,
    value: `${listenerRun.rps.toFixed(0)} returns/s, p99 ${listenerRun.p99} ms`,
  });
  beside(
    `returns/s through the listener, ${CONNECTIONS} connections`,
    'sqlite',
    `${listenerRun.rps.toFixed(0)}, p99 ${listenerRun.p99} ms`,
  );
  report({ scenario: SCENARIO, figure: 'listener ÷ bare server', value: `${ratio.toFixed(2)}×`, target: '≥ 0.6×', ok: ratio >= 0.6 });
  // autocannon stops counting at the bell while up to one request per connection is still being committed.
  const inFlight = paid - listenerRun.ok;
  report({
    scenario: SCENARIO,
    figure: 'orders Paid − thank-you pages counted',
    value: `${paid} − ${listenerRun.ok} = ${inFlight}${listenerRun.other ? ` (${listenerRun.other} other answers)` : ''}`,
    target: `0 … ${CONNECTIONS} (in flight at the bell)`,
    ok: inFlight >= 0 && inFlight <= CONNECTIONS && listenerRun.other === 0 && next <= orders.length,
  });

  for (const { mode, copy } of floorBooks) {
    const floor = await startYardstick('update-floor-server.ts', [copy, mode]);
    let i = 0;
    const run = await load(`http://127.0.0.1:${floor.port}/`, () => `/${orders[i++ % orders.length]!.id}`);
    await floor.stop();
    report({
      scenario: SCENARIO,
      figure: `floor: bare server + the paid UPDATE alone, ${mode.replace('-', ' ')}`,
      value: `${run.rps.toFixed(0)} req/s = ${(run.rps / bareRun.rps).toFixed(2)}× bare${i > orders.length ? ' (orders ran out)' : ''}`,
    });
  }
  return bareRun.rps;
}

/** The same load on the listener over a PostgreSQL book, beside the same bare server's rate. */
async function listenerThroughputOnPostgres(server: PostgresServer, bareRps: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const chosen = await postgresBook(server, 'bench_returns');
  const seeding = performance.now();
  const orders = await prepareBook(dataDir, chosen, POSTGRES_ORDERS);
  const seeded = performance.now() - seeding;
  const listener = await startListenerProcess(dataDir, await freePort(), { databaseUrl: chosen.databaseUrl! });
  cleanups.push(() => listener.kill('SIGKILL'));
  let next = 0;
  const run = await load(listener.origin, () => {
    const order = orders[next++ % orders.length]!;
    return `${order.successPath}?transaction_id=B${order.id}`;
  });
  await listener.kill('SIGTERM');
  const paid = (await bookReader(scope, dataDir, chosen)<{ n: number }>(`SELECT count(*) AS n FROM orders WHERE status = 'paid'`))[0]!.n;
  const ratio = run.rps / bareRps;
  report({
    scenario: SCENARIO,
    figure: `return listener on PostgreSQL, ${CONNECTIONS} connections`,
    value: `${run.rps.toFixed(0)} returns/s, p99 ${run.p99} ms (${POSTGRES_ORDERS} links seeded in ${(seeded / 1000).toFixed(1)} s)`,
  });
  report({ scenario: SCENARIO, figure: 'listener on PostgreSQL ÷ bare server', value: `${ratio.toFixed(2)}×` });
  const inFlight = paid - run.ok;
  report({
    scenario: SCENARIO,
    figure: 'PostgreSQL: orders Paid − thank-you pages counted',
    value: `${paid} − ${run.ok} = ${inFlight}${run.other ? ` (${run.other} other answers)` : ''}`,
    target: `0 … ${CONNECTIONS} (in flight at the bell)`,
    ok: inFlight >= 0 && inFlight <= CONNECTIONS && run.other === 0 && next <= orders.length,
  });
  beside(`returns/s through the listener, ${CONNECTIONS} connections`, 'postgres', `${run.rps.toFixed(0)}, p99 ${run.p99} ms`);
}

/** A new database on the bench's server, as the book of one measurement. */
async function postgresBook(server: PostgresServer, name: string): Promise<EngineBook> {
  await adminQuery(server.url(), `CREATE DATABASE ${name}`);
  const databaseUrl = server.url(name);
  const parsed = parseDatabaseUrl(databaseUrl);
  if (!parsed.ok) throw new Error(`the bench server's URL does not parse: ${parsed.message.code}`);
  return { engine: 'postgres', book: { engine: 'postgres', connection: parsed.connection }, databaseUrl };
}

type Load = { rps: number; p99: number; ok: number; other: number };

async function load(url: string, path: () => string): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
    requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

/** A yardstick server of test/bench in a process of its own, as the listener runs; it prints "ready PORT". */
async function startYardstick(file: string, args: string[] = []): Promise<{ port: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${file}`, import.meta.url)), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  cleanups.push(() => child.kill('SIGKILL'));
  for await (const line of createInterface({ input: child.stdout! })) {
    const port = /^ready (\d+)$/.exec(line)?.[1];
    if (port) return { port: Number(port), stop: async () => void (child.kill('SIGTERM'), await exited) };
  }
  throw new Error(`${file} did not start`);
}

async function returnToScreen(): Promise<void> {
  const pageDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-page-'));
  cleanups.push(() => rmSync(pageDir, { recursive: true, force: true }));
  writeFileSync(join(pageDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>PayDesk bench</title><p>Orders</p>');
  const server = await startStaticServer(pageDir);
  cleanups.push(() => server.close());
  const core = await startBridgedCore(scope, server.origin, { startSandbox: false });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  await bridgePaydesk(page, core);
  await page.goto(`${server.origin}/`);
  await page.evaluate(`(() => {
    globalThis.__arrivals = [];
    globalThis.paydesk.on('orderChanged', (order) => {
      if (order.status === 'paid') globalThis.__arrivals.push([order.ref, performance.timeOrigin + performance.now()]);
    });
  })()`);

  const orders = seedOrders(core.db, (await core.profiles.active())!.id, RETURNS_ON_SCREEN);
  const origin = core.runtime().returnBaseUrl!;
  const agent = new Agent({ connections: 1 });
  cleanups.push(() => agent.close());
  const sentAt = new Map<string, number>();
  const answered: number[] = [];
  const deadline = Date.now() + 60_000;
  for (const order of orders) {
    if (Date.now() > deadline) break;
    const start = performance.timeOrigin + performance.now();
    sentAt.set(order.ref, start);
    const response = await request(`${origin}${order.successPath}?transaction_id=S${order.id}`, { dispatcher: agent });
    await response.body.text();
    answered.push(performance.timeOrigin + performance.now() - start);
  }
  let arrivals: Array<[string, number]> = [];
  while (Date.now() < deadline + 5_000) {
    arrivals = (await page.evaluate('globalThis.__arrivals')) as Array<[string, number]>;
    if (arrivals.length >= sentAt.size) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const latencies = arrivals.map(([ref, at]) => at - sentAt.get(ref)!).sort((a, b) => a - b);
  answered.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  report({
    scenario: SCENARIO,
    figure: `return answered (${answered.length} returns)`,
    value: `p50 ${ms(percentile(answered, 50))}, p99 ${ms(percentile(answered, 99))}`,
  });
  report({
    scenario: SCENARIO,
    figure: `return → Paid in the page (${latencies.length}/${sentAt.size} arrived)`,
    value: `p50 ${ms(percentile(latencies, 50))}, p99 ${ms(p99)}`,
    target: 'p99 < 50 ms',
    ok: p99 < 50 && latencies.length === sentAt.size,
  });
}

async function linkCreation({ engine, book }: EngineBook): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const core = await startCore({ dataDir, book, keys: { env: {} }, listen: { host: '127.0.0.1', port: 0 } });
  cleanups.push(() => core.close());
  const profile = (await core.profiles.active())!;
  const returnBase = core.runtime().returnBaseUrl!;
  const agent = new Agent();
  cleanups.push(() => agent.close());
  const body = JSON.stringify({
    amount: 150.5,
    client_base_url: profile.baseUrl,
    success_url: `${returnBase}/r/${'a'.repeat(43)}`,
    cancel_url: `${returnBase}/c/${'b'.repeat(43)}`,
    meta_data: JSON.stringify({ order_id: 'PD-000001' }),
  });
  const bare = async () => {
    const response = await request(`${profile.baseUrl}/v1/checkout`, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${SANDBOX_API_KEY}`, 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    const answer = (await response.body.json()) as { status: string };
    if (answer.status !== 'success') throw new Error('the sandbox refused the bare request');
  };
  const service = async () => {
    const reply = await core.service.createPaymentLink({ amount: 15050 });
    if (!reply.ok) throw new Error(reply.error.message);
  };
  // The floor: the bare POST between the two commits a link cannot do without (the order, with its return
  // tokens, before the POST; the link after it), written straight through the repository.
  const { orders } = core.book;
  const floor = async () => {
    const at = new Date().toISOString();
    const pending = await orders.createPending(
      {
        profileId: profile.id,
        counterId: core.counterId,
        amountMinor: 15050,
        returnTokenHash: hashToken(newReturnToken()),
        cancelTokenHash: hashToken(newReturnToken()),
        expiresAt: at,
      },
      at,
    );
    await bare();
    await orders.issueLink(pending.id, `${profile.baseUrl}/checkout`, 'http://127.0.0.1:47400', at);
  };
  const timings = { bare: [] as number[], service: [] as number[], floor: [] as number[] };
  const deadline = Date.now() + 60_000;
  // Alternating blocks, so a slow moment of the machine falls on both sides alike.
  for (let block = 0; block < LINKS / 20 && Date.now() < deadline; block++) {
    for (const [side, run] of [
      ['bare', bare],
      ['service', service],
      ['floor', floor],
    ] as const) {
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        await run();
        timings[side].push(performance.now() - start);
      }
    }
  }
  const median = (list: number[]) =>
    percentile(
      [...list].sort((a, b) => a - b),
      50,
    );
  const ratio = median(timings.service) / median(timings.bare);
  const p99 = (list: number[]) =>
    percentile(
      [...list].sort((a, b) => a - b),
      99,
    );
  const on = ENGINES[engine];
  report({
    scenario: SCENARIO,
    figure: `bare undici POST to the sandbox (${timings.bare.length}), ${on}`,
    value: `p50 ${ms(median(timings.bare))}, p99 ${ms(p99(timings.bare))}`,
  });
  report({
    scenario: SCENARIO,
    figure: `createPaymentLink through the service (${timings.service.length}), ${on}`,
    value: `p50 ${ms(median(timings.service))}, p99 ${ms(p99(timings.service))}`,
  });
  report({
    scenario: SCENARIO,
    figure: `service ÷ bare POST (p50), ${on}`,
    value: `${ratio.toFixed(2)}×`,
    target: '≤ 1.2×',
    ok: ratio <= 1.2,
  });
  report({
    scenario: SCENARIO,
    figure: `floor: bare POST between the two commits alone, ${on}`,
    value: `p50 ${ms(median(timings.floor))} = ${(median(timings.floor) / median(timings.bare)).toFixed(2)}× bare`,
  });
  beside('createPaymentLink p50 (÷ bare POST)', engine, `${ms(median(timings.service))} (${ratio.toFixed(2)}×)`);
  beside('bare POST between the two commits p50', engine, ms(median(timings.floor)));
}

try {
  console.log(`${SCENARIO}: Node ${process.version}, one run, all on 127.0.0.1`);
  const bareRps = await listenerThroughput();
  await returnToScreen();
  await linkCreation({ engine: 'sqlite', book: SQLITE_BOOK, databaseUrl: null });
  const server = await startPostgres();
  cleanups.push(() => server.stop());
  console.log(`${SCENARIO}: PostgreSQL on 127.0.0.1:${server.port}, a server of this bench's own`);
  await listenerThroughputOnPostgres(server, bareRps);
  await linkCreation(await postgresBook(server, 'bench_links'));
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
const width = Math.max(...[...sideBySide.keys()].map((figure) => figure.length));
console.log(`\n${SCENARIO}, side by side:\n  ${''.padEnd(width)}  ${ENGINES.sqlite.padEnd(24)}  ${ENGINES.postgres}`);
for (const [figure, values] of sideBySide) {
  console.log(`  ${figure.padEnd(width)}  ${(values.sqlite ?? '–').padEnd(24)}  ${values.postgres ?? '–'}`);
}
const met = figures.filter((f) => f.ok === true).length;
const judged = figures.filter((f) => f.ok !== undefined).length;
console.log(`${SCENARIO}: targets met ${met}/${judged}`);
