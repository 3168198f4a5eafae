// Listener fuzz: 10,000 malformed or hostile requests, written as raw bytes on TCP to the return listener in
// a process of its own, while slow clients hold hundreds of sockets open. The listener must not crash, must
// change no order, must keep its memory bounded, must cut each slow client off at its header timeout, and must
// still answer a customer's return at the end. Then one address floods it with requests and with connections:
// it is cut off at its own share, stores nothing per refused request, and a return from another address is paid.
// Both on each engine: the SQLite file, and a PostgreSQL database on the run's server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { TestContext } from 'node:test';
import { DEFAULT_LISTENER_LIMITS } from '../../electron/core/listener/return-listener';
import type { Engine } from '../../electron/core/storage/order-book';
import { reportFigure } from '../support/figures';
import { freePort } from '../support/free-port';
import { httpGet, type Answer } from '../support/http-get';
import { startListenerProcess } from '../support/listener-process';
import type { SeededOrder } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';
import { bookReader, engineBook, ENGINES, prepareBook } from '../support/engine-books';

const REQUESTS = 10_000;
const IN_FLIGHT = 48;
/** Below the listener's connection cap with the requests in flight, so the fuzz itself still gets through. */
const SLOW_CLIENTS = 200;
/** When the listener must have cut a slow client off: its header timeout, the interval it checks at, and slack. */
const CUT_OFF_MS = DEFAULT_LISTENER_LIMITS.headersTimeoutMs + DEFAULT_LISTENER_LIMITS.checkIntervalMs + 500;
/** A request the listener neither answers nor closes within this time counts as held (then dropped by us). */
const WAIT_MS = 1_500;
const MEMORY_GROWTH_LIMIT = 64 * 1024 * 1024;
const scenario = (engine: Engine) => `Listener fuzz (${ENGINES[engine]})`;

const pick = <T>(list: readonly T[]) => list[randomInt(list.length)]!;
const token = () => randomBytes(32).toString('base64url');

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PATCH',
  'PROPFIND',
  'get',
  'GE T',
  'G\0ET',
  'X'.repeat(300),
  '',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/0.9', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1x', ''];

function target(paid: SeededOrder): string {
  return pick([
    () => '/',
    () => '*',
    () => `/r/${token()}?transaction_id=${randomBytes(5).toString('hex')}`,
    () => `/r/${token()}`,
    () => `/c/${token()}`,
    () => `${paid.successPath}?transaction_id=${pick(['%', '%zz', '%E0%A4', '%00', 'A%2', 'X'.repeat(200)])}`,
    () => `${paid.successPath}?transaction_id=NEW${randomInt(1e6)}`,
    () =>
      pick([
        '/../../etc/passwd',
        '/r/..%2f..%2fetc%2fpasswd',
        '/%2e%2e/%2e%2e/etc/passwd',
        `/r/${token()}/../../paydesk.db`,
        '/paydesk.db',
        '/paydesk.db-wal',
        '/..\\..\\windows\\win.ini',
        '//etc/passwd',
      ]),
    () => `http://evil.example/r/${token()}?transaction_id=X`,
    () => `/r/${'%'.repeat(randomInt(1, 60))}`,
    () => `/r/${randomBytes(randomInt(1, 80)).toString('latin1')}`,
    () => `/r/${token()}?${'a=b&'.repeat(randomInt(100, 900))}`,
    () => `/${'x'.repeat(pick([2049, 9000, 70_000]))}`,
  ])();
}

/** Headers naming the listener's own `host` (else the Host allow-list would answer 421 before anything else ran), or not. */
function headers(host: string): string {
  return pick([
    () => `Host: ${host}\r\nConnection: close\r\n`,
    () => 'Connection: close\r\n',
    () => 'Host: a\r\nHost: b\r\nConnection: close\r\n',
    () => 'Host: evil.example\r\nConnection: close\r\n',
    () => `Host: ${host}\r\nX-Big: ${'y'.repeat(pick([9000, 20_000, 100_000]))}\r\n`,
    () => `Host: ${host}\r\n${Array.from({ length: 120 }, (_, i) => `X-H${i}: ${i}\r\n`).join('')}Connection: close\r\n`,
    () => `Host: ${host}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nnot a chunk\r\n`,
    () => `Host: ${host}\r\nContent-Length: -1\r\n`,
    () => `Host: ${host}\r\nContent-Length: 5\r\nContent-Length: 7\r\n`,
    () => `Host: ${host}\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\nshort`,
    () => `Host: ${host}\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n`,
    () => `Host: ${host}\r\nExpect: 100-continue\r\nConnection: close\r\n`,
    () => `Host: ${host}\r\nX-Inject: a\rb\r\n`,
    () => `Host: ${host}\r\n: empty name\r\n`,
    () => `Host: ${host}\r\n X-Folded: continued\r\n`,
    () => `Host: ${'h'.repeat(5000)}\r\nConnection: close\r\n`,
    () => `Host: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`,
  ])();
}

/** One hostile request as raw bytes. */
function hostileRequest(paid: SeededOrder, host: string): Buffer {
  const kind = randomInt(10);
  if (kind === 0) return randomBytes(randomInt(1, 4096));
  if (kind === 1)
    return Buffer.from(
      pick([
        'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
        '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03',
        '\r\n\r\n\r\n',
        'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /r/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ]),
      'latin1',
    );
  const line = `${pick(METHODS)} ${target(paid)} ${pick(VERSIONS)}`;
  const ending = kind === 2 ? '' : '\r\n'; // kind 2: headers never finish
  return Buffer.from(`${line}\r\n${headers(host)}${ending}`, 'latin1');
}

type Result = { status: string; ms: number };

/** Writes the bytes, then reads until the listener closes or WAIT_MS passes; returns the status line's code. */
function send(port: number, bytes: Buffer): Promise<Result> {
  return new Promise((resolve) => {
    const started = Date.now();
    let received = '';
    const socket = connect(port, '127.0.0.1');
    const done = (status: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, ms: Date.now() - started });
    };
    const timer = setTimeout(() => done(received ? statusOf(received) : 'held'), WAIT_MS);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => {
      if (received.length < 64) received += chunk.toString('latin1');
    });
    socket.on('error', () => done(received ? statusOf(received) : 'reset'));
    socket.on('close', () => done(received ? statusOf(received) : 'closed'));
  });
}

const statusOf = (text: string) => /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 'garbage';

/**
 * Clients that send a request's headers one byte at a time (32 s for the lot, far past the header timeout) and
 * connect again each time the listener cuts them off, so `count` sockets stay held all through the fuzz.
 */
function slowClients(port: number, count: number) {
  const open = new Set<Socket>();
  /** How long the listener let each slow socket live before answering 408 and closing it. */
  const cutOffMs: number[] = [];
  let otherwiseClosed = 0;
  let stopped = false;
  const start = () => {
    const socket = connect(port, '127.0.0.1');
    const began = Date.now();
    const bytes = Buffer.from(`GET /r/${token()}?transaction_id=SLOW HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    let at = 0;
    let answer = '';
    const timer = setInterval(() => {
      if (at < bytes.length && socket.writable) socket.write(bytes.subarray(at, ++at));
    }, 400);
    open.add(socket);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      open.delete(socket);
      if (stopped) return;
      if (answer.startsWith('HTTP/1.1 408 ')) cutOffMs.push(Date.now() - began);
      else otherwiseClosed++;
      setTimeout(start, 100);
    });
  };
  for (let i = 0; i < count; i++) start();
  return {
    cutOffMs,
    open: () => open.size,
    otherwiseClosed: () => otherwiseClosed,
    stop() {
      stopped = true;
      for (const socket of open) socket.destroy();
    },
  };
}

for (const engine of Object.keys(ENGINES) as Engine[]) {
  test(`10,000 hostile requests crash nothing, change nothing, and the listener still takes a payment, on ${ENGINES[engine]}`, (t) =>
    hostileRequests(t, engine));
  test(`a flood from one address is cut off at its own share, stores nothing, and a return from another address is paid, on ${ENGINES[engine]}`, (t) =>
    flood(t, engine));
}

async function hostileRequests(t: TestContext, engine: Engine): Promise<void> {
  const SCENARIO = scenario(engine);
  const chosen = await engineBook(t, engine);
  if (!chosen) return;
  const dataDir = tempDir(t);
  const [paid, legit] = await prepareBook(dataDir, chosen, 2);
  const port = await freePort();
  const listener = await startListenerProcess(dataDir, port, { databaseUrl: chosen.databaseUrl ?? undefined });
  t.after(() => listener.kill('SIGKILL'));
  const origin = listener.origin;
  assert.equal((await fetch(`${origin}${paid!.successPath}?transaction_id=FIRST1`)).status, 200);

  const sql = bookReader(t, dataDir, chosen);
  const snapshot = async () => JSON.stringify(await sql('SELECT * FROM orders ORDER BY id'));
  const events = async () => (await sql<{ n: number }>('SELECT count(*) AS n FROM order_events'))[0]!.n;
  const before = await snapshot();
  const eventsBefore = await events();

  const slow = slowClients(port, SLOW_CLIENTS);
  t.after(() => slow.stop());
  const slowStarted = Date.now();
  const memoryAtStart = (await listener.memory()).rss;
  let peak = memoryAtStart;
  const sampler = setInterval(() => {
    if (listener.alive()) void listener.memory().then((m) => (peak = Math.max(peak, m.rss)));
  }, 200);
  t.after(() => clearInterval(sampler));

  const started = Date.now();
  const statuses = new Map<string, number>();
  let sent = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (sent < REQUESTS) {
        sent++;
        const { status } = await send(port, hostileRequest(paid!, `127.0.0.1:${port}`));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const fuzzSeconds = (Date.now() - started) / 1000;
  // Every slow client has been cut off at least once (bounded: the first round ends by CUT_OFF_MS).
  while (slow.cutOffMs.length < SLOW_CLIENTS && Date.now() - slowStarted < CUT_OFF_MS + 2000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // The slow clients are holding their sockets again: a customer's return must get through regardless.
  const slowStillOpen = slow.open();
  const legitStarted = Date.now();
  const legitimate = await fetch(`${origin}${legit!.successPath}?transaction_id=LEGIT42`);
  const legitMs = Date.now() - legitStarted;
  const legitBody = await legitimate.text();
  clearInterval(sampler);
  const memoryAtEnd = (await listener.memory()).rss;
  const after = JSON.parse(await snapshot()) as Array<{ ref: string; status: string; transaction_id: string | null }>;
  const changed =
    JSON.stringify(after.filter((o) => o.ref !== legit!.ref)) !==
    JSON.stringify((JSON.parse(before) as typeof after).filter((o) => o.ref !== legit!.ref));
  const legitRow = after.find((o) => o.ref === legit!.ref)!;
  const crashed = listener.alive() ? 0 : 1;
  const internalErrors = (statuses.get('500') ?? 0) + (statuses.get('503') ?? 0);

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const byStatus = [...statuses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  reportFigure(t, { scenario: SCENARIO, figure: 'hostile requests (answers)', value: `${REQUESTS} (${byStatus})` });
  reportFigure(t, { scenario: SCENARIO, figure: 'slow clients holding sockets', value: `${slowStillOpen}/${SLOW_CLIENTS}` });
  const cutOff = [...slow.cutOffMs].sort((a, b) => a - b);
  const slowestCutOff = cutOff.at(-1) ?? Infinity;
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'slow sockets cut off (408), after min / median / max',
    value: `${cutOff.length}, ${cutOff[0]} / ${cutOff[cutOff.length >> 1]} / ${slowestCutOff} ms`,
    target: `≥ ${SLOW_CLIENTS}, max ≤ ${CUT_OFF_MS} ms`,
    ok: cutOff.length >= SLOW_CLIENTS && slowestCutOff <= CUT_OFF_MS,
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'crashes', value: crashed, target: '= 0', ok: crashed === 0 });
  reportFigure(t, { scenario: SCENARIO, figure: 'internal errors (5xx)', value: internalErrors, target: '= 0', ok: internalErrors === 0 });
  reportFigure(t, { scenario: SCENARIO, figure: 'state changes', value: changed ? 1 : 0, target: '= 0', ok: !changed });
  reportFigure(t, { scenario: SCENARIO, figure: 'audit rows for well-shaped forgeries', value: (await events()) - eventsBefore - 1 });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'listener RSS start → peak → end',
    value: `${mb(memoryAtStart)} → ${mb(peak)} → ${mb(memoryAtEnd)}`,
    target: `peak < start + ${mb(MEMORY_GROWTH_LIMIT)}`,
    ok: peak - memoryAtStart < MEMORY_GROWTH_LIMIT,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'legitimate return afterwards',
    value: `HTTP ${legitimate.status} in ${legitMs} ms, order ${legitRow.status}`,
    target: '200, Paid',
    ok: legitimate.status === 200 && legitRow.status === 'paid',
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'time', value: `${fuzzSeconds.toFixed(1)} s` });

  assert.equal(crashed, 0, `the listener is still running (stderr: ${listener.stderr()})`);
  assert.equal(internalErrors, 0);
  assert.equal(changed, false, 'no order changed');
  assert.ok(peak - memoryAtStart < MEMORY_GROWTH_LIMIT, 'memory stays bounded');
  assert.ok(cutOff.length >= SLOW_CLIENTS, `${cutOff.length} slow sockets were cut off, ${slow.otherwiseClosed()} closed otherwise`);
  assert.ok(slowestCutOff <= CUT_OFF_MS, `a slow socket was held ${slowestCutOff} ms`);
  assert.equal(legitimate.status, 200);
  assert.match(legitBody, /LEGIT42/);
  assert.deepEqual([legitRow.status, legitRow.transaction_id], ['paid', 'LEGIT42']);
}

const FLOOD_REQUESTS = 3_000;
const FLOOD_CONNECTIONS = 400;

/** Sockets from `from` that send nothing; resolves after `settleMs` with how many the listener still holds. */
async function silentConnections(port: number, from: string, count: number, settleMs: number) {
  const sockets = Array.from({ length: count }, () => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: from });
    socket.on('error', () => {});
    return socket;
  });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return {
    held: sockets.filter((socket) => !socket.destroyed && !socket.readableEnded).length,
    close: () => sockets.forEach((s) => s.destroy()),
  };
}

/** A customer's return from another address, timed. */
async function timedReturn(origin: string, path: string, from: string) {
  const started = Date.now();
  const answer = await httpGet(`${origin}${path}`, { from }).catch((): Answer => ({ status: 0, headers: {}, body: '' }));
  return { status: answer.status, ms: Date.now() - started };
}

async function flood(t: TestContext, engine: Engine): Promise<void> {
  const SCENARIO = scenario(engine);
  const chosen = await engineBook(t, engine);
  if (!chosen) return;
  const dataDir = tempDir(t);
  const [duringRequests, duringConnections] = await prepareBook(dataDir, chosen, 2);
  const port = await freePort();
  const listener = await startListenerProcess(dataDir, port, { databaseUrl: chosen.databaseUrl ?? undefined });
  t.after(() => listener.kill('SIGKILL'));
  const origin = listener.origin;
  const sql = bookReader(t, dataDir, chosen);
  // What the flood could have written: audit rows (but the two customers' own) and refusal counts.
  const stored = async () =>
    (
      await sql<{ n: number }>(
        `SELECT (SELECT count(*) FROM order_events WHERE order_id IS NULL OR order_id NOT IN (${duringRequests!.id}, ${duringConnections!.id}))` +
          ' + (SELECT coalesce(sum(count), 0) FROM refused_requests) AS n',
      )
    )[0]!.n;
  const storedBefore = await stored();

  // Requests: one address asks for links that do not exist, 16 at a time, keeping its connections alive.
  const agent = new Agent({ keepAlive: true, maxSockets: 16, localAddress: '127.0.0.2' });
  t.after(() => agent.destroy());
  let next = 0;
  const statuses: number[] = [];
  const flooding = Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next++ < FLOOD_REQUESTS) {
        const answer = await httpGet(`${origin}/r/${token()}?transaction_id=FLOOD`, { agent }).catch((): Answer => ({
          status: 0,
          headers: {},
          body: '',
        }));
        statuses.push(answer.status);
      }
    }),
  );
  // The customer comes back once the flood is past its share.
  const deadline = Date.now() + 30_000;
  while (statuses.length < DEFAULT_LISTENER_LIMITS.requestsPerClientPerMinute + 200 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const legitA = await timedReturn(origin, `${duringRequests!.successPath}?transaction_id=LEGITFLOOD1`, '127.0.0.3');
  await flooding;
  const answered = statuses.filter((s) => s === 404).length;
  const tooMany = statuses.filter((s) => s === 429).length;
  // Each answered request for an unknown link is counted once (refused_requests); a refused one not at all.
  const storedPerRefused = ((await stored()) - storedBefore - answered) / Math.max(1, tooMany);

  // Connections: another address opens more sockets than the listener's cap and sends nothing.
  const silent = await silentConnections(port, '127.0.0.4', FLOOD_CONNECTIONS, 500);
  t.after(silent.close);
  const legitB = await timedReturn(origin, `${duringConnections!.successPath}?transaction_id=LEGITFLOOD2`, '127.0.0.5');
  silent.close();

  const rows = await sql<{ ref: string; status: string }>(
    `SELECT ref, status FROM orders WHERE ref IN ('${duringRequests!.ref}', '${duringConnections!.ref}')`,
  );
  const paid = rows.filter((row) => row.status === 'paid').length;
  const share = DEFAULT_LISTENER_LIMITS.requestsPerClientPerMinute;
  const heldShare = DEFAULT_LISTENER_LIMITS.connectionsPerClient;
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'request flood from one address: answered / refused 429',
    value: `${answered} / ${tooMany} of ${FLOOD_REQUESTS}`,
    target: `answered ≤ ${share}`,
    ok: answered <= share && answered + tooMany === FLOOD_REQUESTS,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'connection flood from one address: held / closed',
    value: `${silent.held} / ${FLOOD_CONNECTIONS - silent.held}`,
    target: `held ≤ ${heldShare}`,
    ok: silent.held <= heldShare,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'rows stored per refused request',
    value: storedPerRefused,
    target: '= 0',
    ok: storedPerRefused === 0,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'return from another address during each flood',
    value: `HTTP ${legitA.status} in ${legitA.ms} ms / HTTP ${legitB.status} in ${legitB.ms} ms, ${paid}/2 paid`,
    target: '200, Paid',
    ok: legitA.status === 200 && legitB.status === 200 && paid === 2,
  });

  assert.ok(listener.alive(), listener.stderr());
  assert.ok(answered <= share, `${answered} requests answered`);
  assert.equal(answered + tooMany, FLOOD_REQUESTS, 'every request had an answer');
  assert.ok(silent.held <= heldShare, `${silent.held} sockets held`);
  assert.equal(storedPerRefused, 0);
  assert.deepEqual([legitA.status, legitB.status, paid], [200, 200, 2]);
}
