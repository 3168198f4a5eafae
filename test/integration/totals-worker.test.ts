// The orders list's totals are counted in a worker thread over the same order book file, read-only: the same
// totals the main process would count, while the main thread stays free for the return listener.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { createOrderQueries, type OrderFilter } from '../../electron/core/storage/sqlite/order-queries';
import { cachedOrderBook, seedOrders as seedBook } from '../bench/seed-orders';
import { startTestCore } from '../support/core';
import { httpGet } from '../support/http-get';
import { seedOrders } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';

/** Enough turns of the event loop for any count of the books below, so the loop that waits for one is bounded. */
const MOST_TURNS = 10_000_000;

test('the worker counts the totals the main process counts, for every kind of filter, and only what is committed', async (t) => {
  const dataDir = tempDir(t);
  seedBook(dataDir, 12_000);
  const core = await startTestCore(t, { dataDir });
  const profileId = core.profiles.active()!.id;
  const here = createOrderQueries(core.db);
  const filters: OrderFilter[] = [
    {},
    { status: 'paid' },
    { status: 'paid', verification: 'unverified' },
    { search: 'gmail' },
    { search: '.com', status: 'pending' },
    { search: 'Nusrat', from: '2020-01-01', to: '2099-12-31' },
    { search: 'PD' },
    { search: '150.50' },
    { search: 'nothing matches this' },
  ];
  for (const filter of filters) {
    const counted = await core.service.countOrders(filter);
    assert.deepEqual(counted, here.totals({ ...filter, profileId }), JSON.stringify(filter));
  }
  assert.ok((await core.service.countOrders({ search: 'gmail' })).total > 0, 'the searches match something');

  // Orders written inside a transaction the main connection holds open are not yet the worker's to see.
  const before = await core.service.countOrders({});
  core.db.exec('BEGIN IMMEDIATE');
  seedOrders(core.db, profileId, 3);
  assert.equal(here.totals({ profileId }).total, before.total + 3, 'the main connection sees its own writes');
  assert.deepEqual(await core.service.countOrders({}), before, 'the worker reads while the main connection writes');
  core.db.exec('COMMIT');
  assert.equal((await core.service.countOrders({})).total, before.total + 3, 'and sees them once committed');
});

test('while a broad search is counted, the return listener pays a customer and the main thread keeps turning', async (t) => {
  const dataDir = tempDir(t);
  copyFileSync(cachedOrderBook(200_000).file, join(dataDir, DATABASE_FILE));
  const core = await startTestCore(t, { dataDir });
  const [customer] = seedOrders(core.db, core.profiles.active()!.id, 1, 15050);
  const origin = core.runtime().returnBaseUrl!;
  await core.service.countOrders({});

  const happened: string[] = [];
  let counted = false;
  const counting = core.service.countOrders({ search: '.com' }).then((totals) => {
    counted = true;
    happened.push('totals');
    return totals;
  });
  const returned = httpGet(`${origin}${customer!.successPath}?transaction_id=CJH1D2Y4W1`).then((answer) => {
    happened.push('paid');
    return answer;
  });
  let turns = 0;
  while (!counted && turns < MOST_TURNS) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
  }
  const totals = await counting;
  assert.equal((await returned).status, 200);
  assert.deepEqual(happened, ['paid', 'totals'], 'the customer was answered before the broad count was done');
  assert.ok(turns > 1, 'the event loop turned while the count ran');
  assert.equal(core.service.findOrder(customer!.ref)?.status, 'paid');
  assert.deepEqual(totals, createOrderQueries(core.db).totals({ search: '.com', profileId: core.profiles.active()!.id }));
  assert.ok(totals.total > 100_000, 'a broad search: most of the book');
});
