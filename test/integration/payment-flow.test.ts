import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { CreateLinkInput, Message, Order } from '../../shared/contract';
import { inEnglish, render } from '../../shared/messages/say';
import { hashToken, newReturnToken } from '../../electron/core/orders/return-tokens';
import { decideOnCheckout, follow } from '../support/customer-browser';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { bookSql } from '../support/book-sql';
import { onPostgres } from '../support/test-engine';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';

async function makeLink(core: TestCore, input: CreateLinkInput = { amount: '150.50' }): Promise<Order> {
  return call(core, 'createPaymentLink', input);
}

async function payAndGetReturnUrl(order: Order): Promise<URL> {
  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  assert.equal(landing.status, 200);
  return new URL(landing.url);
}

const orderEvents = (core: TestCore, ref: string) =>
  bookSql(core).all<{ kind: string; detail: string | null }>(
    `SELECT e.kind, CAST(e.detail AS TEXT) AS detail FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.ref = ? ORDER BY e.id`,
    ref,
  );

test('a paid checkout turns the order Paid with its transaction id and tells the listeners', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core, {
    amount: '150.50',
    customerName: 'রহিম উদ্দিন',
    customerEmail: 'rahim@example.com',
    note: 'two shirts',
  });
  assert.equal(order.status, 'pending');
  assert.match(order.ref, /^PD-\d{6}$/);
  assert.equal(order.amountMinor, 15050);
  assert.match(order.paymentUrl!, /^http:\/\/127\.0\.0\.1:\d+\/checkout\?trx_id=/);

  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  assert.equal(landing.status, 200);
  assert.match(landing.body, /Payment received/);
  assert.match(landing.body, new RegExp(order.ref));
  assert.match(landing.body, /৳150\.50/);
  assert.equal(landing.headers.get('cache-control'), 'no-store');
  assert.equal(landing.headers.get('referrer-policy'), 'no-referrer');
  assert.match(landing.headers.get('content-security-policy')!, /default-src 'none'/);

  const transactionId = new URL(landing.url).searchParams.get('transaction_id')!;
  const [paid] = (await call(core, 'listOrders', {})).orders;
  assert.equal(paid!.status, 'paid');
  assert.equal(paid!.transactionId, transactionId);
  assert.ok(paid!.paidAt);
  assert.deepEqual(
    core.changes.filter((o) => o.ref === order.ref).map((o) => o.status),
    ['pending', 'pending', 'paid'],
  );
  assert.deepEqual(
    (await orderEvents(core, order.ref)).map((e) => e.kind),
    ['created', 'link_issued', 'paid'],
  );
  const found = await call(core, 'listOrders', { search: transactionId.slice(2, 8).toLowerCase() });
  assert.deepEqual(
    found.orders.map((o) => o.ref),
    [order.ref],
    'the transaction id is searchable once the return is recorded',
  );
});

test('a cancelled checkout turns the order Cancelled', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core);
  const landing = await decideOnCheckout(order.paymentUrl!, 'Cancel');
  assert.equal(landing.status, 200);
  assert.match(landing.body, /Payment cancelled/);
  assert.equal((await core.service.findOrder(order.ref))!.status, 'cancelled');
  assert.deepEqual(
    (await orderEvents(core, order.ref)).map((e) => e.kind),
    ['created', 'link_issued', 'cancelled'],
  );
});

test('a repeated return is a no-op that still thanks the customer', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core);
  const returnUrl = await payAndGetReturnUrl(order);
  const changesBefore = core.changes.length;
  const again = await follow(returnUrl.toString());
  assert.equal(again.status, 200);
  assert.match(again.body, /Payment received/);
  assert.equal(core.changes.length, changesBefore);
  assert.deepEqual(
    (await orderEvents(core, order.ref)).map((e) => e.kind),
    ['created', 'link_issued', 'paid'],
  );
});

test('a return with a different transaction id for a paid order is recorded as a conflict and keeps the first id', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core);
  const returnUrl = await payAndGetReturnUrl(order);
  const first = returnUrl.searchParams.get('transaction_id');
  returnUrl.searchParams.set('transaction_id', 'FORGED12345');
  const forged = await follow(returnUrl.toString());
  assert.equal(forged.status, 409);
  assert.equal((await core.service.findOrder(order.ref))!.transactionId, first);
  const conflict = (await orderEvents(core, order.ref)).at(-1)!;
  assert.equal(conflict.kind, 'return_conflict');
  assert.deepEqual(JSON.parse(conflict.detail!), { offered: 'FORGED12345', recorded: first });
});

test('an unknown token changes nothing, answers 404 and is counted without a row of its own', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core);
  const { returnBaseUrl } = core.runtime();
  const forged = await follow(`${returnBaseUrl}/r/${'A'.repeat(43)}?transaction_id=TRX1`);
  assert.equal(forged.status, 404);
  assert.match(forged.body, /Nothing was recorded/);
  assert.equal((await core.service.findOrder(order.ref))!.status, 'pending');
  assert.equal(await bookSql(core).value(`SELECT count(*) FROM order_events WHERE order_id IS NULL`), 0);
  const counted = await bookSql(core).all(`SELECT reason, count FROM refused_requests`);
  assert.deepEqual(counted, [{ reason: 'unknown_return_token', count: 1 }]);
});

test('the cancel link cannot be turned into a success link', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core);
  const cancelled = await decideOnCheckout(order.paymentUrl!, 'Cancel');
  const cancelUrl = new URL(cancelled.url);
  assert.match(cancelUrl.pathname, /^\/c\/[A-Za-z0-9_-]{43}$/);
  const token = cancelUrl.pathname.slice(3);
  const attempt = await follow(`${cancelUrl.origin}/r/${token}?transaction_id=STOLEN1`);
  assert.equal(attempt.status, 404);
  assert.equal((await core.service.findOrder(order.ref))!.status, 'cancelled');
  assert.equal((await core.service.findOrder(order.ref))!.transactionId, null);
});

test('a transaction id already recorded for another order does not pay a second order', async (t) => {
  const core = await startTestCore(t);
  const orders = core.book.orders;
  const profileId = (await core.profiles.active())!.id;
  const created = [];
  for (const name of ['first', 'second']) {
    const token = newReturnToken();
    const order = await orders.createPending(
      {
        profileId,
        counterId: core.counterId,
        amountMinor: 100,
        returnTokenHash: hashToken(token),
        cancelTokenHash: hashToken(`${name}-cancel`),
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      },
      new Date().toISOString(),
    );
    created.push({ token, order });
  }
  const [first, second] = created;
  assert.equal((await core.service.recordReturn(first!.token, canonicalTransactionId('TRX1')!)).kind, 'paid');
  assert.equal((await core.service.recordReturn(second!.token, canonicalTransactionId('TRX1')!)).kind, 'duplicate_transaction');
  assert.equal((await core.service.findOrder(second!.order.ref))!.status, 'pending');
  assert.equal((await core.service.findOrder(second!.order.ref))!.transactionId, null);
  const audit = (await orderEvents(core, second!.order.ref)).at(-1)!;
  assert.equal(audit.kind, 'duplicate_transaction');
  assert.deepEqual(JSON.parse(audit.detail!), { offered: 'TRX1', heldBy: first!.order.ref });
});

test('a return without a usable transaction id is refused, audited and changes nothing', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core);
  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  const returnUrl = new URL(landing.url);
  const other = await makeLink(core);
  const otherSuccessPath = returnUrl.pathname; // reuse the paid order's token shape on bad inputs
  for (const query of [
    '',
    '?transaction_id=',
    '?transaction_id=a&transaction_id=b',
    '?transaction_id=%3Cscript%3E%20x',
    `?transaction_id=${'x'.repeat(200)}`,
  ]) {
    const reply = await follow(`${returnUrl.origin}${otherSuccessPath}${query}`);
    assert.equal(reply.status, 400, `"${query}" is refused`);
    assert.doesNotMatch(reply.body, /<script>/);
  }
  assert.equal((await core.service.findOrder(order.ref))!.transactionId, returnUrl.searchParams.get('transaction_id'));
  assert.equal((await core.service.findOrder(other.ref))!.status, 'pending');
  assert.equal((await orderEvents(core, order.ref)).filter((e) => e.kind === 'rejected_return').length, 5);
});

test('bad input gets a clear error and records nothing', async (t) => {
  const core = await startTestCore(t);
  for (const amount of ['', '0', '-1', 'abc', '1.234', '1e3', '1234567890123']) {
    const reply = await core.router.handle('createPaymentLink', { amount }, APP_SENDER);
    assert.equal(reply.ok, false);
    if (!reply.ok) {
      assert.equal(reply.error.kind, 'invalid_input');
      assert.equal(reply.error.field, 'amount');
      assert.match(reply.error.code, /^amount_/);
    }
  }
  const email = await core.router.handle('createPaymentLink', { amount: '10', customerEmail: 'not-an-email' }, APP_SENDER);
  assert.equal(email.ok, false);
  assert.equal(await bookSql(core).value('SELECT count(*) FROM orders'), 0);
});

test('the router refuses requests from anything but the app window', async (t) => {
  const core = await startTestCore(t);
  for (const sender of [
    { url: 'https://evil.example/', isMainFrame: true },
    { url: APP_SENDER.url, isMainFrame: false },
  ]) {
    const reply = await core.router.handle('createPaymentLink', { amount: '10' }, sender);
    assert.equal(reply.ok, false);
    if (!reply.ok) assert.equal(reply.error.kind, 'forbidden');
  }
  const unknown = await core.router.handle('dropDatabase', {}, APP_SENDER);
  assert.equal(unknown.ok, false);
  assert.equal(await bookSql(core).value('SELECT count(*) FROM orders'), 0);
});

test('a gateway that cannot be reached leaves the order failed with the reason it was given, never pending', async (t) => {
  const core = await startTestCore(t, { checkout: { connectTimeoutMs: 500, totalTimeoutMs: 1000 } });
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const profile = (await core.profiles.active())!;
  await core.profiles.update(profile.id, { baseUrl: `http://127.0.0.1:${port}/api` });

  const reply = await core.router.handle('createPaymentLink', { amount: '10' }, APP_SENDER);
  assert.equal(reply.ok, false);
  if (reply.ok) return;
  assert.equal(reply.error.kind, 'network');
  const [order] = (await core.service.listOrders({ limit: 10 })).orders;
  assert.equal(order!.status, 'failed');
  assert.equal(order!.paymentUrl, null);
  // The order and its timeline keep the message itself, so each reads it in the shop's language of the day.
  const said = { code: reply.error.code, params: reply.error.params };
  assert.deepEqual(order!.failure, said);
  const { timeline } = await call(core, 'getOrder', { ref: order!.ref });
  assert.deepEqual(timeline.find((event) => event.kind === 'link_failed')?.message, said);
  assert.doesNotMatch((await orderEvents(core, order!.ref)).find((e) => e.kind === 'link_failed')!.detail!, /no payment link was made/);
});

test('a failed link recorded as an English sentence by an older PayDesk still reads as it was written', async (t) => {
  const core = await startTestCore(t);
  await core.profiles.update((await core.profiles.active())!.id, { baseUrl: 'http://127.0.0.1:9/api' });
  await core.router.handle('createPaymentLink', { amount: '10' }, APP_SENDER);
  const [failed] = (await core.service.listOrders({ limit: 1 })).orders;
  const sentence = 'Nothing is accepting connections at 127.0.0.1:9, so no payment link was made.';
  await bookSql(core).run(`UPDATE orders SET failure = ? WHERE ref = ?`, sentence, failed!.ref);
  const object = onPostgres ? `jsonb_build_object('kind', 'network', 'message', ?::text)` : `json_object('kind', 'network', 'message', ?)`;
  await bookSql(core).run(`UPDATE order_events SET detail = ${object} WHERE kind = 'link_failed'`, sentence);

  const { order, timeline } = await call(core, 'getOrder', { ref: failed!.ref });
  const recorded = { code: 'link_failure_recorded', params: { sentence } };
  assert.deepEqual(order.failure, recorded);
  assert.deepEqual(timeline.find((event) => event.kind === 'link_failed')?.message, recorded);
  assert.equal(render(recorded as Message, 'bn'), sentence);
});

test('the gateway’s Bengali refusal reaches the shopkeeper verbatim', async (t) => {
  const core = await startTestCore(t);
  const profile = (await core.profiles.active())!;
  await core.profiles.update(profile.id, { baseUrl: `${profile.baseUrl}/` });
  const reply = await core.router.handle('createPaymentLink', { amount: '10' }, APP_SENDER);
  assert.equal(reply.ok, false);
  if (!reply.ok) {
    assert.equal(reply.error.kind, 'gateway_rejected');
    assert.equal(reply.error.gatewayMessage, 'Domain mismatch. দুঃখিত, সংযোগ স্থাপন করা যায়নি।');
  }
});

test('a listener port already in use is reported in a sentence and no link is made without it', async (t) => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.after(() => blocker.close());
  const port = (blocker.address() as { port: number }).port;
  const core = await startTestCore(t, { listen: { host: '127.0.0.1', port } });
  const status = await call(core, 'getStatus', {});
  assert.equal(status.returnUrl, null);
  assert.match(inEnglish(status.listenerProblem!), new RegExp(`${port}.*127\\.0\\.0\\.1|127\\.0\\.0\\.1.*${port}`));
  const reply = await core.router.handle('createPaymentLink', { amount: '10' }, APP_SENDER);
  assert.equal(reply.ok, false);
  if (reply.ok) return;
  assert.equal(reply.error.kind, 'not_configured');
  // The listener's own message, standing alone: no sentence of the orders' wrapped around it.
  assert.deepEqual({ code: reply.error.code, params: reply.error.params }, status.listenerProblem);
});

test('orders survive a restart of PayDesk on the same data folder', async (t) => {
  const first = await startTestCore(t);
  const order = await makeLink(first);
  await payAndGetReturnUrl(order);
  await first.close();
  const second = await startTestCore(t, { dataDir: first.dataDir });
  const again = (await second.service.findOrder(order.ref))!;
  assert.equal(again.status, 'paid');
  if (second.book.engine === 'sqlite') {
    assert.equal(second.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(second.db.pragma('integrity_check', { simple: true }), 'ok');
  }
});

test('nothing the renderer receives carries a return token', async (t) => {
  const core = await startTestCore(t);
  const order = await makeLink(core);
  const returnUrl = await payAndGetReturnUrl(order);
  const token = returnUrl.pathname.slice(3);
  const replies = JSON.stringify([
    await core.router.handle('listOrders', {}, APP_SENDER),
    await core.router.handle('getStatus', {}, APP_SENDER),
    core.changes,
  ]);
  assert.ok(!replies.includes(token));
  const stored = JSON.stringify(await bookSql(core).all('SELECT * FROM orders'));
  assert.ok(!stored.includes(token), 'only the token’s hash is stored');
});
