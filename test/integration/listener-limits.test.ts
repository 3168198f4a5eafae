// The listener's limits hold at the values it is given, through real sockets on 127.0.0.1: a slow client is
// cut off at the header timeout (Node alone checks only every 30 s), a socket left half-open after a refusal is
// let go, and connections beyond the cap are closed as they arrive while a return after the flood is answered.
// Per client: one address (127.0.0.2; all of 127.0.0.0/8 is this computer) flooding connections or requests is
// cut off at its own share, and a return from another address (127.0.0.3) during the flood is paid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import {
  DEFAULT_LISTENER_LIMITS,
  startReturnListener,
  type ListenerLimits,
  type ReturnListener,
} from '../../electron/core/listener/return-listener';
import { newReturnToken } from '../../electron/core/orders/return-tokens';
import { startTestCore, type TestCore } from '../support/core';
import { httpGet, type Answer } from '../support/http-get';
import { seedOrders } from '../support/seed-orders';

/** Small limits, so each test takes about a second; what a test gives up waiting after. */
const LIMITS: ListenerLimits = {
  ...DEFAULT_LISTENER_LIMITS,
  headersTimeoutMs: 800,
  requestTimeoutMs: 1000,
  keepAliveTimeoutMs: 1000,
  idleTimeoutMs: 5000,
  checkIntervalMs: 100,
  maxConnections: 16,
};
const GIVE_UP_MS = 4000;
/** What a busy two-core machine adds to a timer. */
const SLACK_MS = 300;

async function listenWith(t: { after(fn: () => unknown): void }, limits: Partial<ListenerLimits>) {
  const core = await startTestCore(t);
  const started = await startReturnListener({ host: '127.0.0.1', port: 0, handlers: core.service, limits: { ...LIMITS, ...limits } });
  assert.ok(started.ok);
  t.after(() => started.listener.close());
  return { core, listener: started.listener };
}

type Ending = { ms: number; answer: string; closed: boolean };

/**
 * A client on its own socket: `talk` writes to it; resolves when the listener closes it, or with closed false
 * after GIVE_UP_MS. `ms` counts from the connection.
 */
function client(
  listener: ReturnListener,
  talk: (socket: Socket) => void = () => {},
  { allowHalfOpen = false, from = '127.0.0.1' }: { allowHalfOpen?: boolean; from?: string } = {},
) {
  const socket = connect({ port: listener.port, host: '127.0.0.1', allowHalfOpen, localAddress: from });
  let connectedAt = Date.now();
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const ending = new Promise<Ending>((resolve) => {
    let answer = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ms: Date.now() - connectedAt, answer, closed });
    };
    const timer = setTimeout(() => done(false), GIVE_UP_MS);
    socket.on('connect', () => {
      connectedAt = Date.now();
      talk(socket);
    });
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => done(true));
    socket.on('close', () => done(true));
  });
  return { socket, connected, ending };
}

/** Sends a request's header block one byte every `everyMs`, far slower than the header timeout allows. */
const byteByByte = (everyMs: number) => (socket: Socket) => {
  const bytes = Buffer.from(`GET /r/${'a'.repeat(43)}?transaction_id=SLOW1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n`);
  let at = 0;
  const timer = setInterval(() => {
    if (at < bytes.length && socket.writable) socket.write(bytes.subarray(at, ++at));
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
};

test('a client sending its headers a byte at a time is cut off at the header timeout, not at Node’s 30 s check', async (t) => {
  const { listener } = await listenWith(t, {});
  const slow = await Promise.all(Array.from({ length: 4 }, () => client(listener, byteByByte(40)).ending));
  for (const { ms, answer, closed } of slow) {
    assert.ok(closed, `the slow socket was still open after ${GIVE_UP_MS} ms`);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.ok(ms >= LIMITS.headersTimeoutMs - 50, `closed after ${ms} ms, before its time`);
    assert.ok(ms <= LIMITS.headersTimeoutMs + LIMITS.checkIntervalMs + SLACK_MS, `closed after ${ms} ms`);
  }
});

test('a client that keeps its side open after a refusal holds its connection only until the idle timeout', async (t) => {
  const idleTimeoutMs = 600;
  const { core, listener } = await listenWith(t, { idleTimeoutMs, maxConnections: 1 });
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);
  const halfOpen = client(listener, (socket) => socket.write('NOT HTTP AT ALL\r\n\r\n'), { allowHalfOpen: true });
  t.after(() => halfOpen.socket.destroy());
  const answer = await new Promise<string>((resolve) => halfOpen.socket.once('data', (chunk) => resolve(chunk.toString('latin1'))));
  const answeredAt = Date.now();
  assert.match(answer, /^HTTP\/1\.1 400 /);
  // It still takes the one connection allowed...
  const meanwhile = await client(listener).ending;
  assert.deepEqual([meanwhile.closed, meanwhile.answer], [true, ''], 'a second connection is closed at the cap');
  // ...until the listener lets go of it, and a return gets through.
  let paid: Response | null = null;
  while (!paid && Date.now() - answeredAt < GIVE_UP_MS) {
    paid = await fetch(`${listener.url}${order!.successPath}?transaction_id=HALFOPEN1`).catch(() => null);
    if (!paid) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const heldMs = Date.now() - answeredAt;
  assert.equal(paid?.status, 200, `the half-open socket still held the listener after ${heldMs} ms`);
  assert.ok(heldMs <= idleTimeoutMs + SLACK_MS, `held for ${heldMs} ms`);
});

test('connections beyond the cap are closed as they arrive, the timeouts clear the flood, and a return then pays', async (t) => {
  const { core, listener } = await listenWith(t, { headersTimeoutMs: 1500, requestTimeoutMs: 1500 });
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);

  // Silent clients take every connection the listener allows.
  const flood = Array.from({ length: LIMITS.maxConnections }, () => client(listener));
  await Promise.all(flood.map((c) => c.connected));
  await new Promise((resolve) => setTimeout(resolve, 150)); // until the listener has accepted them all
  const beyond = await Promise.all(Array.from({ length: 8 }, () => client(listener).ending));
  for (const { ms, answer, closed } of beyond) {
    assert.ok(closed && answer === '', 'a connection beyond the cap is closed without an answer');
    assert.ok(ms <= SLACK_MS, `closed after ${ms} ms`);
  }

  // The listener lets go of the flood by itself, at its header timeout.
  const held = await Promise.all(flood.map((c) => c.ending));
  for (const { ms, answer, closed } of held) {
    assert.ok(closed);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.ok(ms <= 1500 + LIMITS.checkIntervalMs + SLACK_MS, `a silent socket was held for ${ms} ms`);
  }
  const paid = await fetch(`${listener.url}${order!.successPath}?transaction_id=AFTERFLOOD1`);
  assert.equal(paid.status, 200);
  assert.deepEqual(
    [(await core.service.findOrder(order!.ref))!.status, (await core.service.findOrder(order!.ref))!.transactionId],
    ['paid', 'AFTERFLOOD1'],
  );
});

/** What the order book holds besides the one order a test pays: every other order's audit rows, and the refusal counters. */
function bookApartFrom(core: TestCore, orderId: number) {
  return {
    events: core.db.prepare('SELECT count(*) AS n FROM order_events WHERE order_id IS NOT ?').get(orderId),
    refused: core.db.prepare('SELECT coalesce(sum(count), 0) AS n FROM refused_requests').get(),
  } as { events: { n: number }; refused: { n: number } };
}

test('one address holding every connection it may leaves the listener to the others: a return from another address is paid', async (t) => {
  const { core, listener } = await listenWith(t, { connectionsPerClient: 4 });
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);

  // 24 silent sockets from 127.0.0.2, more than the listener's cap of 16: only 4 are kept.
  const flood = Array.from({ length: 24 }, () => client(listener, () => {}, { from: '127.0.0.2' }));
  t.after(() => flood.forEach((c) => c.socket.destroy()));
  await Promise.all(flood.map((c) => c.connected));
  await new Promise((resolve) => setTimeout(resolve, 150)); // until the listener has seen them all
  assert.equal(flood.filter((c) => !c.socket.destroyed).length, 4, 'one client keeps its share, no more');
  assert.equal(listener.refusals().connections, 20);

  const paid = await httpGet(`${listener.url}${order!.successPath}?transaction_id=OTHERADDR1`, { from: '127.0.0.3' });
  assert.equal(paid.status, 200);
  assert.deepEqual(
    [(await core.service.findOrder(order!.ref))!.status, (await core.service.findOrder(order!.ref))!.transactionId],
    ['paid', 'OTHERADDR1'],
  );
});

test('a flood of requests from one address is answered 429 with Retry-After and stores nothing; a return from another address meanwhile is paid', async (t) => {
  const perMinute = 20;
  const { core, listener } = await listenWith(t, { requestsPerClientPerMinute: perMinute });
  const [order, flooders] = seedOrders(core.db, (await core.profiles.active())!.id, 2);
  const before = bookApartFrom(core, order!.id);
  const agent = new Agent({ keepAlive: true, maxSockets: 4, localAddress: '127.0.0.2' });
  t.after(() => agent.destroy());

  // 200 returns for links that do not exist: within its share each is counted (refused_requests), past it not even that.
  const flood = Promise.all(
    Array.from({ length: 200 }, (_, i) => httpGet(`${listener.url}/r/${newReturnToken()}?transaction_id=FLOOD${i}`, { agent })),
  );
  const legit = await httpGet(`${listener.url}${order!.successPath}?transaction_id=LEGIT42`, { from: '127.0.0.3' });
  const answers = await flood;
  assert.equal(legit.status, 200);
  assert.match(legit.body, /LEGIT42/);
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'paid');

  const byStatus = (status: number) => answers.filter((a: Answer) => a.status === status);
  assert.equal(byStatus(404).length, perMinute, 'the share of one minute is answered');
  assert.equal(byStatus(429).length, 200 - perMinute, 'the rest are refused');
  for (const refused of byStatus(429)) {
    const wait = Number(refused.headers['retry-after']);
    assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${refused.headers['retry-after']}`);
  }
  // The flooding address's own return waits too, and is not recorded.
  const own = await httpGet(`${listener.url}${flooders!.successPath}?transaction_id=FLOODER1`, { agent });
  assert.equal(own.status, 429);
  assert.equal((await core.service.findOrder(flooders!.ref))!.status, 'pending');

  const after = bookApartFrom(core, order!.id);
  assert.equal(after.events.n, before.events.n, 'no audit row for any refused request');
  assert.equal(after.refused.n - before.refused.n, perMinute, 'only the answered unknown links were counted');
  assert.equal(listener.refusals().requests, 200 - perMinute + 1);
});

test('behind a tunnel on this computer, clients are told apart by the address the tunnel forwarded', async (t) => {
  const { core, listener } = await listenWith(t, { requestsPerClientPerMinute: 5 });
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);
  const viaTunnel = (forwarded: string | null, path = `/r/${newReturnToken()}?transaction_id=X`) =>
    httpGet(`${listener.url}${path}`, { headers: forwarded ? { 'X-Forwarded-For': forwarded } : {} });

  // The tunnel appends the address it saw; whatever the client put before it does not make it someone else.
  const flood = [];
  for (let i = 0; i < 10; i++) flood.push((await viaTunnel(`10.0.0.${i}, 203.0.113.7`)).status);
  assert.deepEqual(flood, [404, 404, 404, 404, 404, 429, 429, 429, 429, 429]);

  const paid = await viaTunnel('203.0.113.8', `${order!.successPath}?transaction_id=TUNNEL1`);
  assert.equal(paid.status, 200);
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'paid');

  // Without a forwarded address the request is this computer's own (the shop's browser): never limited.
  for (let i = 0; i < 10; i++) assert.equal((await viaTunnel(null)).status, 404);
});
