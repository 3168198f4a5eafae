// The orders list's totals are counted in a worker thread over the same order book file, read-only: the same
// totals the main process would count, while the main thread stays free for the return listener.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { CountSuperseded } from '../../electron/core/storage/order-book';
import type { OrderFilter } from '../../electron/core/storage/order-queries';
import { createTotalsCounter } from '../../electron/core/storage/sqlite/totals-counter';
import { cachedOrderBook, seedOrders as seedBook } from '../bench/seed-orders';
import { startTestCore } from '../support/core';
import { httpGet } from '../support/http-get';
import { seedOrders } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';

/** Enough turns of the event loop for any count of the books below, so the loop that waits for one is bounded. */
const MOST_TURNS = 10_000_000;

test('the worker counts the totals the main process counts, for every kind of filter, and only what is committed', async (t) => {
  const dataDir = tempDir(t);
  await seedBook(dataDir, 12_000);
  const core = await startTestCore(t, { dataDir });
  const profileId = (await core.profiles.active())!.id;
  const here = core.book.queries;
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
    assert.deepEqual(counted, await here.totals({ ...filter, profileId }), JSON.stringify(filter));
  }
  assert.ok((await core.service.countOrders({ search: 'gmail' })).total > 0, 'the searches match something');

  // Orders written inside a transaction the main connection holds open are not yet the worker's to see.
  const before = await core.service.countOrders({});
  core.db.exec('BEGIN IMMEDIATE');
  seedOrders(core.db, profileId, 3);
  assert.equal((await here.totals({ profileId })).total, before.total + 3, 'the main connection sees its own writes');
  assert.deepEqual(await core.service.countOrders({}), before, 'the worker reads while the main connection writes');
  core.db.exec('COMMIT');
  assert.equal((await core.service.countOrders({})).total, before.total + 3, 'and sees them once committed');
});

test('while a broad search is counted, the return listener pays a customer and the main thread keeps turning', async (t) => {
  const dataDir = tempDir(t);
  copyFileSync(cachedOrderBook(200_000).file, join(dataDir, DATABASE_FILE));
  const core = await startTestCore(t, { dataDir });
  const [customer] = seedOrders(core.db, (await core.profiles.active())!.id, 1, 15050);
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
  assert.equal((await core.service.findOrder(customer!.ref))?.status, 'paid');
  assert.deepEqual(totals, await core.book.queries.totals({ search: '.com', profileId: (await core.profiles.active())!.id }));
  assert.ok(totals.total > 100_000, 'a broad search: most of the book');
});

test("the list's waiting count gives way to a newer one, an export's count never does", async (t) => {
  const dataDir = tempDir(t);
  await seedBook(dataDir, 12_000);
  const core = await startTestCore(t, { dataDir });
  const profileId = (await core.profiles.active())!.id;
  const queries = core.book.queries;
  const counter = createTotalsCounter({ db: core.db, queries });
  t.after(() => counter.close());
  const filters = ([{ search: 'gmail' }, { search: '.com' }, { status: 'paid' }, { search: 'Nusrat' }] satisfies OrderFilter[]).map(
    (filter): OrderFilter => ({ ...filter, profileId }),
  );
  const [running, replaced, exported, newest] = [
    counter.latest(filters[0]!),
    counter.latest(filters[1]!),
    counter.totals(filters[2]!),
    counter.latest(filters[3]!),
  ];
  await assert.rejects(replaced, CountSuperseded, 'the older waiting list count is dropped');
  assert.deepEqual(await running, await queries.totals(filters[0]!), 'the count already running is answered');
  assert.deepEqual(await exported, await queries.totals(filters[2]!), "the export's count is answered though newer counts came");
  assert.deepEqual(await newest, await queries.totals(filters[3]!));
});

test('a CSV export of a broad search counts its orders off the main thread and tells the same total it writes', async (t) => {
  const dataDir = tempDir(t);
  await seedBook(dataDir, 12_000);
  const core = await startTestCore(t, { dataDir });
  const totals: number[] = [];
  const off = core.events.on('exportProgress', (progress) => void totals.push(progress.total));
  t.after(off);
  const file = join(tempDir(t), 'orders.csv');
  const reply = await core.exports.exportCsv({ search: '.com', allProfiles: false }, file);
  assert.ok(reply.ok, JSON.stringify(reply));
  const written = readFileSync(file, 'utf8').trimEnd().split('\r\n').length - 1;
  assert.equal(reply.value.count, written);
  assert.ok(written > 1000, 'a broad search');
  assert.ok(totals.length > 0 && totals.every((total) => total === written), `progress told ${[...new Set(totals)].join(', ')}`);
});
