// Listener fuzz: 10,000 malformed or hostile requests, written as raw bytes on TCP to the return listener in
// a process of its own, while slow clients hold hundreds of sockets open. The listener must not crash, must
// change no order, must keep its memory bounded, and must still answer a customer's return at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/data-dir';
import { reportFigure } from '../support/figures';
import { freePort } from '../support/free-port';
import { startListenerProcess } from '../support/listener-process';
import { prepareOrderBook, type SeededOrder } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';

const REQUESTS = 10_000;
const IN_FLIGHT = 48;
const SLOW_CLIENTS = 300;
/** A request the listener neither answers nor closes within this time counts as held (then dropped by us). */
const WAIT_MS = 1_500;
const MEMORY_GROWTH_LIMIT = 64 * 1024 * 1024;
const SCENARIO = 'Listener fuzz';

const pick = <T>(list: readonly T[]) => list[randomInt(list.length)]!;
const token = () => randomBytes(32).toString('base64url');

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH', 'PROPFIND', 'get', 'GE T', 'G\0ET', 'X'.repeat(300), ''];
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
    () => pick(['/../../etc/passwd', '/r/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', `/r/${token()}/../../paydesk.db`, '/paydesk.db', '/paydesk.db-wal', '/..\\..\\windows\\win.ini', '//etc/passwd']),
    () => `http://evil.example/r/${token()}?transaction_id=X`,
    () => `/r/${'%'.repeat(randomInt(1, 60))}`,
    () => `/r/${randomBytes(randomInt(1, 80)).toString('latin1')}`,
    () => `/r/${token()}?${'a=b&'.repeat(randomInt(100, 900))}`,
    () => `/${'x'.repeat(pick([2049, 9000, 70_000]))}`,
  ])();
}

function headers(): string {
  return pick([
    () => 'Host: 127.0.0.1\r\nConnection: close\r\n',
    () => 'Connection: close\r\n',
    () => 'Host: a\r\nHost: b\r\nConnection: close\r\n',
    () => `Host: 127.0.0.1\r\nX-Big: ${'y'.repeat(pick([9000, 20_000, 100_000]))}\r\n`,
    () => `Host: 127.0.0.1\r\n${Array.from({ length: 120 }, (_, i) => `X-H${i}: ${i}\r\n`).join('')}Connection: close\r\n`,
    () => 'Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nnot a chunk\r\n',
    () => 'Host: 127.0.0.1\r\nContent-Length: -1\r\n',
    () => 'Host: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n',
    () => 'Host: 127.0.0.1\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\nshort',
    () => 'Host: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n',
    () => 'Host: 127.0.0.1\r\nExpect: 100-continue\r\nConnection: close\r\n',
    () => 'Host: 127.0.0.1\r\nX-Inject: a\rb\r\n',
    () => 'Host: 127.0.0.1\r\n: empty name\r\n',
    () => 'Host: 127.0.0.1\r\n X-Folded: continued\r\n',
    () => `Host: ${'h'.repeat(5000)}\r\nConnection: close\r\n`,
    () => 'Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n',
  ])();
}

/** One hostile request as raw bytes. */
function hostileRequest(paid: SeededOrder): Buffer {
  const kind = randomInt(10);
  if (kind === 0) return randomBytes(randomInt(1, 4096));
  if (kind === 1) return Buffer.from(pick(['PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', '\r\n\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /r/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']), 'latin1');
  const line = `${pick(METHODS)} ${target(paid)} ${pick(VERSIONS)}`;
  const ending = kind === 2 ? '' : '\r\n'; // kind 2: headers never finish
  return Buffer.from(`${line}\r\n${headers()}${ending}`, 'latin1');
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

/** A client that sends a request's headers one byte at a time, slower than any timeout we wait for. */
function slowClient(port: number): Socket {
  const socket = connect(port, '127.0.0.1');
  const bytes = Buffer.from(`GET /r/${token()}?transaction_id=SLOW HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  let at = 0;
  const timer = setInterval(() => {
    if (at < bytes.length && socket.writable) socket.write(bytes.subarray(at, ++at));
  }, 400);
  socket.on('error', () => {});
  socket.on('close', () => clearInterval(timer));
  return socket;
}

test('10,000 hostile requests crash nothing, change nothing, and the listener still takes a payment', async (t) => {
  const dataDir = tempDir(t);
  const [paid, legit] = await prepareOrderBook(dataDir, 2);
  const port = await freePort();
  const listener = await startListenerProcess(dataDir, port);
  t.after(() => listener.kill('SIGKILL'));
  const origin = listener.origin;
  assert.equal((await fetch(`${origin}${paid!.successPath}?transaction_id=FIRST1`)).status, 200);

  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  t.after(() => db.close());
  const snapshot = () => JSON.stringify(db.prepare('SELECT * FROM orders ORDER BY id').all());
  const events = () => (db.prepare('SELECT count(*) AS n FROM order_events').get() as { n: number }).n;
  const before = snapshot();
  const eventsBefore = events();

  const slow = Array.from({ length: SLOW_CLIENTS }, () => slowClient(port));
  t.after(() => slow.forEach((socket) => socket.destroy()));
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
        const { status } = await send(port, hostileRequest(paid!));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const fuzzSeconds = (Date.now() - started) / 1000;

  // The slow clients are still holding their sockets: a customer's return must get through regardless.
  const slowStillOpen = slow.filter((socket) => !socket.destroyed).length;
  const legitStarted = Date.now();
  const legitimate = await fetch(`${origin}${legit!.successPath}?transaction_id=LEGIT42`);
  const legitMs = Date.now() - legitStarted;
  const legitBody = await legitimate.text();
  clearInterval(sampler);
  const memoryAtEnd = (await listener.memory()).rss;
  const after = JSON.parse(snapshot()) as Array<{ ref: string; status: string; transaction_id: string | null }>;
  const changed = JSON.stringify(after.filter((o) => o.ref !== legit!.ref)) !== JSON.stringify((JSON.parse(before) as typeof after).filter((o) => o.ref !== legit!.ref));
  const legitRow = after.find((o) => o.ref === legit!.ref)!;
  const crashed = listener.alive() ? 0 : 1;
  const internalErrors = (statuses.get('500') ?? 0) + (statuses.get('503') ?? 0);

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const byStatus = [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s}×${n}`).join(' ');
  reportFigure(t, { scenario: SCENARIO, figure: 'hostile requests (answers)', value: `${REQUESTS} (${byStatus})` });
  reportFigure(t, { scenario: SCENARIO, figure: 'slow clients holding sockets', value: `${slowStillOpen}/${SLOW_CLIENTS}` });
  reportFigure(t, { scenario: SCENARIO, figure: 'crashes', value: crashed, target: '= 0', ok: crashed === 0 });
  reportFigure(t, { scenario: SCENARIO, figure: 'internal errors (5xx)', value: internalErrors, target: '= 0', ok: internalErrors === 0 });
  reportFigure(t, { scenario: SCENARIO, figure: 'state changes', value: changed ? 1 : 0, target: '= 0', ok: !changed });
  reportFigure(t, { scenario: SCENARIO, figure: 'audit rows for well-shaped forgeries', value: events() - eventsBefore - 1 });
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
  assert.equal(legitimate.status, 200);
  assert.match(legitBody, /LEGIT42/);
  assert.deepEqual([legitRow.status, legitRow.transaction_id], ['paid', 'LEGIT42']);
});
