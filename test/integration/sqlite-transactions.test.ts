// The SQLite book's transactions over async work, on a real file: one connection serves every repository, so a
// transaction whose work awaits holds it, calls awaited inside it join it, and every other call waits for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { hashToken, newReturnToken } from '../../electron/core/orders/return-tokens';
import type { OrderBook } from '../../electron/core/storage/order-book';
import { openSqliteBook } from '../../electron/core/storage/sqlite/sqlite-book';
import { sandboxProfile } from '../../electron/core/setup/setup-service';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { startTestCore } from '../support/core';
import { httpGet } from '../support/http-get';
import { seedOrders } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';

const COUNTER = 'counter-a';

async function openBook(t: { after(fn: () => unknown): void }) {
  const book = await openSqliteBook({ dataDir: tempDir(t), counterId: COUNTER });
  t.after(() => book.close());
  await book.counters.enroll(COUNTER, ['Counter 1'], new Date().toISOString());
  const profile = await sandboxProfile(book.profiles);
  return { book, profileId: profile.id };
}

const pending = (book: OrderBook, profileId: number, token = newReturnToken()) =>
  book.orders.createPending(
    {
      profileId,
      counterId: COUNTER,
      amountMinor: 100,
      returnTokenHash: hashToken(token),
      cancelTokenHash: hashToken(newReturnToken()),
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    },
    new Date().toISOString(),
  );

const orderCount = async (book: OrderBook) => (await book.queries.totals({})).total;

test('a call outside any transaction has run its SQL before it returns, with no turn of the event loop', async (t) => {
  const { book } = await openBook(t);
  const db = (book as Awaited<ReturnType<typeof openSqliteBook>>).db;
  const profiles = await book.profiles.list();
  const written = book.settings.set('probe', { at: 1 });
  // Not awaited yet: the row is in the book already.
  assert.equal(db.prepare(`SELECT value FROM settings WHERE key = 'probe'`).pluck().get(), '{"at":1}');
  await written;
  assert.equal(profiles.length, 1);
});

test('while a transaction awaits, a call from elsewhere waits for its commit and never sees its rows before', async (t) => {
  const { book, profileId } = await openBook(t);
  const happened: string[] = [];
  const transaction = book.orders.atomically(async () => {
    await pending(book, profileId);
    await sleep(30);
    happened.push('committing');
  });
  const seen = orderCount(book).then((count) => {
    happened.push(`counted ${count}`);
    return count;
  });
  await transaction;
  assert.equal(await seen, 1, 'the count waited for the commit');
  assert.deepEqual(happened, ['committing', 'counted 1']);
});

test('a write from elsewhere is never taken into another caller’s transaction: its rollback leaves that write', async (t) => {
  const { book, profileId } = await openBook(t);
  const failing = book.orders.atomically(async () => {
    await pending(book, profileId);
    await sleep(30);
    throw new Error('the work failed');
  });
  const outside = pending(book, profileId);
  await assert.rejects(failing, /the work failed/);
  const kept = await outside;
  assert.equal(await orderCount(book), 1, 'only the outside order is in the book');
  assert.equal((await book.orders.findByRef(kept.ref))?.id, kept.id);
});

test('transactions of two async contexts run one after the other, each whole or not at all', async (t) => {
  const { book, profileId } = await openBook(t);
  const order: string[] = [];
  const run = (name: string, fail: boolean) =>
    book.orders.atomically(async () => {
      order.push(`${name} begins`);
      await pending(book, profileId);
      await sleep(10);
      await pending(book, profileId);
      order.push(`${name} ends`);
      if (fail) throw new Error(`${name} failed`);
    });
  const results = await Promise.allSettled([run('first', true), run('second', false), run('third', false)]);
  assert.deepEqual(
    results.map((result) => result.status),
    ['rejected', 'fulfilled', 'fulfilled'],
  );
  assert.deepEqual(order, ['first begins', 'first ends', 'second begins', 'second ends', 'third begins', 'third ends']);
  assert.equal(await orderCount(book), 4, 'the failed one left nothing, the others both orders each');
});

test('calls awaited inside a transaction join it; a nested one is a savepoint that can fail alone', async (t) => {
  const { book, profileId } = await openBook(t);
  await book.orders.atomically(async () => {
    await pending(book, profileId);
    await assert.rejects(
      book.orders.atomically(async () => {
        await pending(book, profileId);
        assert.equal(await orderCount(book), 2, 'the savepoint sees the transaction’s rows and its own');
        throw new Error('the nested work failed');
      }),
      /the nested work failed/,
    );
    assert.equal(await orderCount(book), 1, 'inside, the savepoint’s row is gone and the transaction’s stays');
    await book.secrets.atomically(async () => {
      await book.settings.set('nested', true);
    });
  });
  assert.equal(await orderCount(book), 1);
  assert.equal(await book.settings.get('nested'), true);
});

test('work that outlives its transaction runs outside it, never waiting for a transaction that is gone', async (t) => {
  const { book, profileId } = await openBook(t);
  let later: Promise<unknown> | null = null;
  await book.orders.atomically(async () => {
    later = sleep(20).then(() => pending(book, profileId));
  });
  await later;
  assert.equal(await orderCount(book), 1);
});

test('payments recorded in a transaction are found by their transaction id once it commits, and not when it rolls back', async (t) => {
  const { book, profileId } = await openBook(t);
  const [kept, dropped] = [newReturnToken(), newReturnToken()];
  await pending(book, profileId, kept);
  await pending(book, profileId, dropped);
  await book.orders.atomically(async () => {
    assert.equal(
      (await book.orders.recordReturn(hashToken(kept), canonicalTransactionId('KEEPTX1')!, new Date().toISOString())).kind,
      'paid',
    );
  });
  await assert.rejects(
    book.orders.atomically(async () => {
      await book.orders.recordReturn(hashToken(dropped), canonicalTransactionId('DROPTX1')!, new Date().toISOString());
      throw new Error('rolled back');
    }),
  );
  assert.equal((await book.queries.totals({ search: 'KEEPTX1' })).total, 1);
  assert.equal((await book.queries.totals({ search: 'DROPTX1' })).total, 0);
  assert.equal((await book.queries.totals({ status: 'paid' })).paidCount, 1);
});

test('batches of two requests open at once announce their own orders, each after its own commit, a failed one none', async (t) => {
  const core = await startTestCore(t);
  const [ok, failed] = seedOrders(core.db, (await core.profiles.active())!.id, 2);
  const paid: string[] = [];
  core.events.on('orderPaid', (order) => paid.push(order.ref));
  const succeeding = core.service.batch(async () => {
    await core.service.recordReturn(ok!.token, canonicalTransactionId('BATCHOK1')!);
    await sleep(20);
    assert.deepEqual(paid, [], 'nothing is announced before the commit');
  });
  const failing = core.service.batch(async () => {
    await core.service.recordReturn(failed!.token, canonicalTransactionId('BATCHNO1')!);
    throw new Error('this burst could not be written');
  });
  await succeeding;
  assert.deepEqual(paid, [ok!.ref]);
  await assert.rejects(failing, /could not be written/);
  assert.deepEqual(paid, [ok!.ref], 'the failed batch announced nothing');
  assert.equal((await core.service.findOrder(failed!.ref))!.status, 'pending');
});

test('a return arriving while a transaction awaits is recorded once it commits, and answered', async (t) => {
  const core = await startTestCore(t);
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);
  let answered = false;
  const holding = core.book.orders.atomically(async () => {
    await sleep(50);
    assert.equal(answered, false, 'the return waits for the transaction');
  });
  const reply = httpGet(`${core.runtime().returnBaseUrl}${order!.successPath}?transaction_id=WAITED1`).then((answer) => {
    answered = true;
    return answer;
  });
  await holding;
  assert.equal((await reply).status, 200);
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'paid');
});
