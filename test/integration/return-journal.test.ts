// A counter on a shared PostgreSQL order book when the server, or the network to it, is away: its return listener
// keeps every customer's return (and cancel) in the local journal, committed before the customer is thanked, and
// writes each to the book once it answers again, at the instant it arrived; making a link says the book cannot be
// reached, with nothing half-written and nothing sent to the gateway. Real parts: the core, its listener on
// 127.0.0.1, the sandbox gateway, a PostgreSQL server, and a TCP proxy between them that the test cuts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Agent, request } from 'undici';
import { MAX_TRIES } from '../../electron/core/journal/journal-replay';
import { JOURNAL_FILE } from '../../electron/core/journal/return-journal';
import { LOGS_FOLDER } from '../../electron/core/log/log-file';
import { hashToken, newReturnToken } from '../../electron/core/orders/return-tokens';
import type { PostgresConnection } from '../../electron/core/storage/book-choice';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { SANDBOX_API_KEY, startSandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import { bookSql } from '../support/book-sql';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { adminQuery, freshDatabase, serverOfItsOwn } from '../support/postgres';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { watchWaitingReturns } from '../support/waiting-returns';

type TestContext = { after(fn: () => unknown): void; skip(message?: string): void };

/** A core whose book is reached through a proxy the test can cut; the proxy is closed after the core. */
async function counterBehindProxy(t: TestContext, connection: PostgresConnection): Promise<{ core: TestCore; proxy: TcpProxy }> {
  const proxy = await startTcpProxy(connection);
  t.after(() => t.after(() => proxy.close()));
  const core = await startTestCore(t, { book: { engine: 'postgres', connection: { ...connection, host: proxy.host, port: proxy.port } } });
  return { core, proxy };
}

type Checkout = { ref: string; trxId: string; origin: string };

async function link(core: TestCore, amount: string): Promise<Checkout> {
  const order = await call(core, 'createPaymentLink', { amount });
  const url = new URL(order.paymentUrl!);
  return { ref: order.ref, trxId: url.searchParams.get('trx_id')!, origin: url.origin };
}

/** Pay or Cancel pressed on the sandbox's checkout page: where the gateway sends the customer's browser back. */
async function decide(agent: Agent, checkout: Checkout, action: 'pay' | 'cancel'): Promise<string> {
  const answer = await request(`${checkout.origin}/checkout/${action}`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ trx_id: checkout.trxId }).toString(),
  });
  await answer.body.dump();
  return String(answer.headers.location);
}

async function open(agent: Agent, url: string): Promise<{ status: number; body: string }> {
  const answer = await request(url, { dispatcher: agent, headersTimeout: 20_000, bodyTimeout: 20_000 });
  return { status: answer.statusCode, body: await answer.body.text() };
}

const WAITING = 'is writing it to the shop’s order book';

/** The log's lines so far (the core closed, so all of them are in the file). */
function logText(core: TestCore): string {
  const dir = join(core.dataDir, LOGS_FOLDER);
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

test('returns and a cancel the book cannot take while the network is cut are journaled, thanked, and written once each, at the instant it arrived, when the book answers', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const { core, proxy } = await counterBehindProxy(t, database.connection);
  const sql = bookSql(core);
  const waiting = watchWaitingReturns(core, t);
  const agent = new Agent({ connections: 16 });
  t.after(() => agent.close());

  const paying = await link(core, '150.50');
  const settled = await link(core, '80');
  const leaving = await link(core, '99');
  const payingUrl = await decide(agent, paying, 'pay');
  const settledUrl = await decide(agent, settled, 'pay');
  const leavingUrl = await decide(agent, leaving, 'cancel');
  // Recorded before the cut: a second, different transaction id for it is a conflict once the book hears of it.
  assert.equal((await open(agent, settledUrl)).status, 200);
  const otherId = new URL(settledUrl);
  otherId.searchParams.set('transaction_id', 'OTHER42X');
  const listener = new URL(payingUrl).origin;
  const madeUp = `${listener}/r/${newReturnToken()}?transaction_id=MADEUP7`;

  proxy.cut();
  const cutAt = new Date().toISOString();
  // The same return twice (a reload), a conflicting one, a cancel, a link PayDesk never made: all at once.
  const [first, reload, conflict, cancel, unknown] = await Promise.all([
    open(agent, payingUrl),
    open(agent, payingUrl),
    open(agent, otherId.href),
    open(agent, leavingUrl),
    open(agent, madeUp),
  ]);
  const payingId = new URL(payingUrl).searchParams.get('transaction_id')!;
  for (const answer of [first, reload]) {
    assert.equal(answer.status, 200, 'the customer is thanked');
    assert.ok(answer.body.includes(WAITING) && answer.body.includes(payingId), 'and told the payment is being written, with its id');
  }
  assert.equal(conflict.status, 200);
  assert.ok(conflict.body.includes(WAITING) && conflict.body.includes('OTHER42X'));
  assert.equal(cancel.status, 200);
  assert.match(cancel.body, /Payment not completed/);
  assert.equal(unknown.status, 200, 'a token the book cannot judge now is journaled like the others');
  assert.equal(waiting.current(), 4, 'the reload is kept once');

  // The journal holds the tokens' hashes only: no link could be rebuilt from it.
  const files = readdirSync(core.dataDir).filter((name) => name.startsWith(JOURNAL_FILE));
  const bytes = files.map((name) => readFileSync(join(core.dataDir, name)).toString('latin1')).join('');
  for (const url of [payingUrl, otherId.href, leavingUrl, madeUp]) {
    const token = new URL(url).pathname.split('/')[2]!;
    assert.ok(!bytes.includes(token), 'no token is in the journal');
  }
  const journal = new Database(join(core.dataDir, JOURNAL_FILE), { readonly: true });
  const kept = journal.prepare('SELECT kind, token_hash, transaction_id, at FROM entries ORDER BY id').all() as Array<{
    kind: string;
    token_hash: string;
    transaction_id: string;
    at: string;
  }>;
  journal.close();
  assert.deepEqual(kept.map((entry) => entry.kind).sort(), ['cancel', 'return', 'return', 'return']);
  const payingToken = new URL(payingUrl).pathname.split('/')[2]!;
  assert.ok(kept.some((entry) => entry.token_hash === hashToken(payingToken) && entry.transaction_id === payingId));

  proxy.drop();
  const mendedAt = new Date().toISOString();
  proxy.mend();
  await waiting.drained(30_000);
  assert.deepEqual(waiting.told.at(-1), 0);

  const orders = new Map(
    (
      await sql.all<{ ref: string; status: string; transaction_id: string | null; paid_at: string | null }>(
        'SELECT ref, status, transaction_id, paid_at FROM orders',
      )
    ).map((row) => [row.ref, row]),
  );
  const paid = orders.get(paying.ref)!;
  assert.equal(paid.status, 'paid');
  assert.equal(paid.transaction_id, payingId);
  assert.ok(paid.paid_at! >= cutAt && paid.paid_at! < mendedAt, 'paid at the instant the return arrived, not when it was written');
  const events = await sql.all<{ ref: string; kind: string; detail: string }>(
    `SELECT o.ref, e.kind, CAST(e.detail AS TEXT) AS detail FROM order_events e JOIN orders o ON o.id = e.order_id ORDER BY e.id`,
  );
  assert.equal(events.filter((e) => e.ref === paying.ref && e.kind === 'paid').length, 1, 'paid once, the reload changed nothing');
  assert.equal(orders.get(settled.ref)!.status, 'paid');
  assert.ok(
    events.some((e) => e.ref === settled.ref && e.kind === 'return_conflict' && e.detail.includes('OTHER42X')),
    'the conflicting return is audited as any conflict is',
  );
  assert.equal(orders.get(leaving.ref)!.status, 'cancelled');
  assert.equal((await call(core, 'getStatus', {})).waitingReturns, 0);

  await core.close();
  const log = logText(core);
  assert.match(log, /returns_journaled/);
  assert.match(log, /journal_replayed/);
  assert.match(log, /journal_unknown_token/, 'the return for no order is said in the log, and dropped');
  for (const url of [payingUrl, madeUp]) assert.ok(!log.includes(new URL(url).pathname.split('/')[2]!), 'the log names no token');
});

test('status counts the returns waiting in the journal, and a return the journal cannot take is answered "try again"', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const { core, proxy } = await counterBehindProxy(t, database.connection);
  const agent = new Agent({ connections: 4 });
  t.after(() => agent.close());
  const waiting = watchWaitingReturns(core, t);
  const checkout = await link(core, '20');
  const returnUrl = await decide(agent, checkout, 'pay');
  proxy.refuse();
  assert.ok((await open(agent, returnUrl)).body.includes(WAITING));
  proxy.mend();
  // Status reads the book: once it answers, the count is there until the journal is written (or it already was).
  const status = await call(core, 'getStatus', {});
  assert.ok(status.waitingReturns === 0 || status.waitingReturns === 1);
  await waiting.drained(30_000);
  assert.equal((await call(core, 'getStatus', {})).waitingReturns, 0);
  assert.equal(await bookSql(core).value(`SELECT status FROM orders WHERE ref = ?`, checkout.ref), 'paid');

  // A journal that cannot be written (its file made read-only under it): the old, honest "try again".
  const second = await link(core, '21');
  const secondUrl = await decide(agent, second, 'pay');
  const journal = new Database(join(core.dataDir, JOURNAL_FILE));
  journal.exec(`CREATE TRIGGER refuse BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  t.after(() => journal.close());
  proxy.refuse();
  const refused = await open(agent, secondUrl);
  assert.equal(refused.status, 503);
  assert.match(refused.body, /Please try again/);
  journal.exec('DROP TRIGGER refuse');
  proxy.mend();
  assert.ok((await open(agent, secondUrl)).body.includes('is recorded'), 'the retry, once the book answers, is recorded');
});

/**
 * The sandbox gateway behind a door that records each request PayDesk sends it, and may do something before passing
 * it on. The sandbox checks the Base URL a request names against its own, so the door names the sandbox's.
 */
async function recordingSandbox(t: TestContext, before: () => void = () => {}) {
  const sandbox = await startSandboxGateway();
  t.after(() => sandbox.close());
  const seen: string[] = [];
  const server = createServer((incoming, outgoing) => {
    seen.push(`${incoming.method} ${incoming.url}`);
    before();
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.concat(chunks).toString('utf8')), client_base_url: sandbox.baseUrl }));
      const headers = { ...incoming.headers, 'content-length': String(body.length) };
      const target = new URL(incoming.url!.replace(/^\/door/, new URL(sandbox.baseUrl).pathname), sandbox.baseUrl);
      const forward = httpRequest(target, { method: incoming.method, headers }, (answer) => {
        outgoing.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(outgoing);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { seen, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/door` };
}

async function liveProfile(core: TestCore, baseUrl: string) {
  await call(core, 'saveProfile', { profile: { name: 'Shop', baseUrl, mode: 'live' } });
  await call(core, 'setApiKey', { profileName: 'Shop', apiKey: SANDBOX_API_KEY });
  await call(core, 'switchProfile', { name: 'Shop' });
}

test('making a link while the database server is stopped says the book cannot be reached, and nothing is written or sent to the gateway', async (t) => {
  const own = await serverOfItsOwn(t, 'paydesk_stopped');
  if (!own) return;
  const { server, connection } = own;
  const core = await startTestCore(t, { book: { engine: 'postgres', connection: connection } });
  const gateway = await recordingSandbox(t);
  await liveProfile(core, gateway.baseUrl);
  await call(core, 'createPaymentLink', { amount: '10' });
  assert.equal(gateway.seen.length, 1);

  server.stopServer('immediate');
  const refused = await core.router.handle('createPaymentLink', { amount: '11' }, APP_SENDER);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.deepEqual([refused.error.kind, refused.error.code], ['network', 'book_unreachable']);
  assert.equal(gateway.seen.length, 1, 'the gateway was sent nothing');

  server.startServer();
  assert.equal(await bookSql(core).value('SELECT count(*) FROM orders'), 1, 'nothing was half-written');
  assert.equal((await call(core, 'createPaymentLink', { amount: '12' })).status, 'pending', 'links are made again once it is back');
});

test('a link the gateway made just as the book went away is not handed out, and is marked failed once the book answers', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const { core, proxy } = await counterBehindProxy(t, database.connection);
  let cutting = false;
  const gateway = await recordingSandbox(t, () => {
    if (cutting) proxy.cut();
  });
  await liveProfile(core, gateway.baseUrl);

  cutting = true;
  const refused = await core.router.handle('createPaymentLink', { amount: '75' }, APP_SENDER);
  cutting = false;
  assert.equal(refused.ok, false);
  if (refused.ok) return;
  assert.equal(refused.error.code, 'link_not_saved');
  assert.equal(refused.error.kind, 'network');
  const ref = String(refused.error.params.ref);
  assert.match(refused.error.message, /did not show it/, 'the shopkeeper is told the gateway made it and not to hand any out');
  assert.equal(gateway.seen.length, 1);

  proxy.drop();
  proxy.mend();
  const sql = bookSql(core);
  const deadline = Date.now() + 30_000;
  while ((await sql.value(`SELECT status FROM orders WHERE ref = ?`, ref).catch(() => null)) !== 'failed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const detail = await call(core, 'getOrder', { ref });
  assert.equal(detail.order.status, 'failed', 'the order does not look like a link to hand out');
  assert.equal(detail.order.failure?.code, 'link_never_handed_out');
  assert.equal((await call(core, 'getStatus', {})).waitingReturns, 0, 'a link is not a payment waiting');
});

const tokenOf = (returnUrl: string) => new URL(returnUrl).pathname.split('/')[2]!;

test('the order book is not changed, either way, while returns wait in the journal, and is once they are written', async (t) => {
  const database = await freshDatabase(t);
  const other = await freshDatabase(t);
  if (!database || !other) return;
  const { core, proxy } = await counterBehindProxy(t, database.connection);
  const waiting = watchWaitingReturns(core, t);
  const agent = new Agent({ connections: 4 });
  t.after(() => agent.close());
  const checkout = await link(core, '60');
  const returnUrl = await decide(agent, checkout, 'pay');
  proxy.refuse();
  assert.ok((await open(agent, returnUrl)).body.includes(WAITING));
  assert.equal(waiting.current(), 1);

  // Written to another book, the journal's tokens would name none of its orders, and the payment would be lost.
  const { host, port, user, password } = other.connection;
  const elsewhere = { engine: 'postgres' as const, input: { host, port, user, password, database: other.name, tls: 'disable' as const } };
  for (const request of [{ engine: 'sqlite' as const }, elsewhere]) {
    const refused = await core.router.handle('useOrderBook', request, APP_SENDER);
    assert.ok(!refused.ok, `${request.engine} is refused`);
    assert.deepEqual(
      [refused.error.kind, refused.error.code, refused.error.params],
      ['forbidden', 'order_book_switch_payments_waiting', { count: 1 }],
    );
    assert.match(refused.error.message, /1 payment taken while the shared order book was away is still waiting/);
  }

  proxy.mend();
  assert.equal((await call(core, 'getOrderBook', {})).postgres, null, 'no other book was chosen');
  await waiting.drained(30_000);
  assert.equal((await call(core, 'useOrderBook', elsewhere)).postgres?.database, other.name, 'once written, the book may change');
});

test('a replayed return the book already had (its first write committed, its answer lost) still tells the screens of the order', async (t) => {
  const core = await startTestCore(t);
  const agent = new Agent({ connections: 2 });
  t.after(() => agent.close());
  const checkout = await link(core, '35');
  const returnUrl = await decide(agent, checkout, 'pay');
  assert.ok((await open(agent, returnUrl)).body.includes('is recorded'));
  const transactionId = canonicalTransactionId(new URL(returnUrl).searchParams.get('transaction_id')!)!;

  core.changes.length = 0;
  assert.equal((await core.service.recordReturn(tokenOf(returnUrl), transactionId)).kind, 'repeat');
  assert.equal(core.changes.length, 0, 'a customer reloading the page changes nothing, and tells nothing');
  const replayed = await core.service.replayReturn(hashToken(tokenOf(returnUrl)), transactionId, new Date().toISOString());
  assert.equal(replayed.kind, 'repeat');
  assert.deepEqual(
    core.changes.map((order) => [order.ref, order.status]),
    [[checkout.ref, 'paid']],
    'the journal’s repeat is announced: this counter never heard of the first write',
  );
});

test('an entry the book refuses for a reason of its own is set aside after its tries, kept in the journal file, and no longer waiting', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const { core, proxy } = await counterBehindProxy(t, database.connection);
  const waiting = watchWaitingReturns(core, t);
  const agent = new Agent({ connections: 4 });
  t.after(() => agent.close());
  const refusedOne = await link(core, '40');
  const takenOne = await link(core, '41');
  const refusedUrl = await decide(agent, refusedOne, 'pay');
  const takenUrl = await decide(agent, takenOne, 'pay');
  proxy.refuse();
  for (const url of [refusedUrl, takenUrl]) assert.ok((await open(agent, url)).body.includes(WAITING));
  assert.equal(waiting.current(), 2);

  // The book refuses this order's payment every time (a check of the test's, in the test's own database).
  await adminQuery(
    database.url,
    `CREATE FUNCTION refuse_payment() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'refused by the test' USING ERRCODE = '23514'; END $$;
     CREATE TRIGGER refuse_payment BEFORE UPDATE ON orders FOR EACH ROW
       WHEN (OLD.ref = '${refusedOne.ref}' AND NEW.status = 'paid') EXECUTE FUNCTION refuse_payment();`,
  );
  // Refused all but once already: the test spares itself the minute and a half of backoff the tries take.
  const file = new Database(join(core.dataDir, JOURNAL_FILE));
  file.prepare('UPDATE entries SET tries = ? WHERE token_hash = ?').run(MAX_TRIES - 1, hashToken(tokenOf(refusedUrl)));
  file.close();
  proxy.mend();
  await waiting.drained(30_000);

  assert.equal((await call(core, 'getStatus', {})).waitingReturns, 0, 'the entry set aside is not a payment waiting');
  const sql = bookSql(core);
  assert.equal(await sql.value('SELECT status FROM orders WHERE ref = ?', takenOne.ref), 'paid', 'the other entry is not held back');
  assert.equal(await sql.value('SELECT status FROM orders WHERE ref = ?', refusedOne.ref), 'pending');
  await core.close();

  const journal = new Database(join(core.dataDir, JOURNAL_FILE), { readonly: true });
  t.after(() => journal.close());
  assert.equal((journal.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n, 0);
  const aside = journal.prepare('SELECT kind, token_hash, transaction_id, tries, reason FROM set_aside').all() as Array<{ reason: string }>;
  assert.deepEqual(
    aside.map(({ reason: _reason, ...entry }) => entry),
    [
      {
        kind: 'return',
        token_hash: hashToken(tokenOf(refusedUrl)),
        transaction_id: new URL(refusedUrl).searchParams.get('transaction_id'),
        tries: MAX_TRIES,
      },
    ],
  );
  assert.match(aside[0]!.reason, /refused by the test/, 'with the book’s word on it');
  const log = logText(core);
  assert.equal(log.match(/journal_set_aside/g)?.length, 1, 'the set-aside is said once');
  assert.match(log, /journal_closed.*0 entries waiting for the order book and 1 set aside/, 'and when PayDesk closes');
});

for (const how of ['refuse', 'cut'] as const) {
  test(`PayDesk closes, every part of it, while the book ${how === 'refuse' ? 'refuses connections' : 'is cut off'}`, async (t) => {
    const database = await freshDatabase(t);
    if (!database) return;
    const { core, proxy } = await counterBehindProxy(t, database.connection);
    const listener = (await call(core, 'getStatus', {})).returnUrl!;
    assert.equal((await request(listener)).statusCode > 0, true);
    proxy[how]();
    await core.close();
    await assert.rejects(request(listener), 'the return listener is closed');
    assert.match(logText(core), /listener_not_forgotten[\s\S]*PayDesk stopped/, 'the row where it listened is left to the next start');
  });
}
