// The orders list's cache under plain Node: no DOM, no React. Its requests go to the real router over a real
// order book, and the changes it hears are the core's own orderChanged events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListOrdersInput, OrderFilterInput, OrderPage, OrderTotals, Reply } from '../../shared/contract';
import { inEnglish, say } from '../../shared/messages/say';
import {
  createOrderPages,
  MAX_PAGES,
  PAGE,
  REFRESH_DELAY_MS,
  type OrderPagesStore,
  type OrdersQuery,
} from '../../renderer/src/orders/order-pages';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { seedOrders } from '../support/seed-orders';
import { eventually } from '../support/waiting';

const NEWEST_FIRST: OrdersQuery = { allProfiles: false, sort: 'time', direction: 'desc' };
const SCREEN = { first: 0, count: 20, atTop: true };

/** Longer than the refresh the cache puts off while changes settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, REFRESH_DELAY_MS * 3));

type Listed = {
  store: OrderPagesStore;
  /** The requests the cache made, in order. */
  requests: ListOrdersInput[];
  /** The totals it asked for, in order. */
  counts: OrderFilterInput[];
  /** While held, the totals wait until `releaseCounts()`. */
  holdCounts(): void;
  releaseCounts(): void;
  shifts: number[];
  /** While held, answers wait until `release()`. */
  hold(): void;
  release(): void;
  /** The next answers come back as the core being unreachable. */
  failNext(times: number): void;
};

/** A cache over `core`'s order book, fed the core's orderChanged events. */
function listed(t: { after(fn: () => unknown): void }, core: TestCore, query = NEWEST_FIRST): Listed {
  const requests: ListOrdersInput[] = [];
  const counts: OrderFilterInput[] = [];
  const shifts: number[] = [];
  let held: Array<() => void> | null = null;
  let countsHeld: Array<() => void> | null = null;
  let failures = 0;
  const store = createOrderPages({
    query,
    queryKey: JSON.stringify(query),
    async fetch(request) {
      requests.push(request);
      if (held) await new Promise<void>((resolve) => held!.push(resolve));
      if (failures > 0) {
        failures--;
        const unreachable = say('core_unreachable');
        return {
          ok: false,
          error: { kind: 'internal', ...unreachable, message: inEnglish(unreachable), gatewayMessage: null, field: null },
        };
      }
      return (await core.router.handle('listOrders', request, APP_SENDER)) as Reply<OrderPage>;
    },
    async count(filter) {
      counts.push(filter);
      if (countsHeld) await new Promise<void>((resolve) => countsHeld!.push(resolve));
      return (await core.router.handle('countOrders', filter, APP_SENDER)) as Reply<OrderTotals>;
    },
    onShift: (rows) => shifts.push(rows),
  });
  const stop = core.events.on('orderChanged', store.orderChanged);
  t.after(() => {
    stop();
    store.setVisible(false);
  });
  return {
    store,
    requests,
    counts,
    shifts,
    holdCounts: () => {
      countsHeld = [];
    },
    releaseCounts: () => {
      const waiting = countsHeld ?? [];
      countsHeld = null;
      waiting.forEach((resolve) => resolve());
    },
    hold: () => {
      held = [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      waiting.forEach((resolve) => resolve());
    },
    failNext: (times) => {
      failures = times;
    },
  };
}

const totalOf = (store: OrderPagesStore) => store.getSnapshot().totals?.total;

async function bookOf(t: { after(fn: () => unknown): void }, count: number) {
  const core = await startTestCore(t);
  const seeded = seedOrders(core.db, (await core.profiles.active())!.id, count);
  return { core, seeded };
}

test('a hidden list fetches its first page and nothing more until it is shown', async (t) => {
  const { core } = await bookOf(t, 250);
  const { store, requests } = listed(t, core);
  store.show(SCREEN);
  await eventually(() => totalOf(store) === 250);
  assert.deepEqual(requests, [{ ...NEWEST_FIRST, offset: 0, limit: PAGE, totals: false }]);
  assert.equal(store.rowAt(0)?.amountMinor, 100);

  store.show({ first: 150, count: 20, atTop: false });
  await settle();
  assert.equal(requests.length, 1, 'scrolled while hidden: nothing asked');

  store.setVisible(true);
  await eventually(() => store.rowAt(150) !== undefined);
  assert.deepEqual(
    requests.slice(1).map((r) => r.offset),
    [100],
  );
});

test('changes while the list is hidden are noted, not fetched, and caught up with one request when it is shown', async (t) => {
  const { core } = await bookOf(t, 5);
  const { store, requests } = listed(t, core);
  store.show(SCREEN);
  await eventually(() => totalOf(store) === 5);
  const cancelled = store.rowAt(2)!;

  await call(core, 'cancelOrder', { ref: cancelled.ref });
  for (let i = 0; i < 4; i++) await call(core, 'createPaymentLink', { amount: String(10 + i) });
  await settle();
  assert.equal(requests.length, 1, 'nothing asked while hidden');
  assert.equal(store.rowAt(2)?.status, 'cancelled', 'a cached order is replaced where it sits at once');
  assert.equal(totalOf(store), 5);

  const before = store.getSnapshot();
  store.setVisible(true);
  await eventually(() => totalOf(store) === 9);
  await settle();
  assert.equal(requests.length, 2, 'one request brought the list up to date');
  assert.ok(store.getSnapshot().version > before.version);
  assert.equal(store.rowAt(0)?.amountMinor, 1300, 'the newest order is first');
  assert.equal(store.indexOf(cancelled.ref), 6);

  store.setVisible(false);
  store.setVisible(true);
  await settle();
  assert.equal(requests.length, 2, 'shown again with nothing changed: nothing asked');
});

test('a burst of changes while the list is on show is fetched once, after the burst', async (t) => {
  const { core } = await bookOf(t, 3);
  const { store, requests } = listed(t, core);
  store.setVisible(true);
  store.show(SCREEN);
  await eventually(() => totalOf(store) === 3);
  for (let i = 0; i < 5; i++) await call(core, 'createPaymentLink', { amount: String(20 + i) });
  await eventually(() => totalOf(store) === 8);
  await settle();
  assert.equal(requests.length, 2);
});

test('a refresh put off when the list is hidden waits until it is shown again', async (t) => {
  const { core } = await bookOf(t, 3);
  const { store, requests } = listed(t, core);
  store.setVisible(true);
  store.show(SCREEN);
  await eventually(() => totalOf(store) === 3);
  await call(core, 'createPaymentLink', { amount: '5' });
  store.setVisible(false);
  await settle();
  assert.equal(requests.length, 1);
  store.setVisible(true);
  await eventually(() => totalOf(store) === 4);
  assert.equal(requests.length, 2);
});

test('a resync reads the rows on show and their totals again; a hidden list catches up once it is shown', async (t) => {
  const { core } = await bookOf(t, 3);
  const { store, requests } = listed(t, core);
  store.setVisible(true);
  store.show(SCREEN);
  await eventually(() => totalOf(store) === 3);
  // Written where no orderChanged event tells of them, as another counter's orders reach a counter that was away.
  seedOrders(core.db, (await core.profiles.active())!.id, 2, 700);
  await settle();
  assert.equal(totalOf(store), 3);

  store.resynced();
  await eventually(() => totalOf(store) === 5);
  assert.equal(store.rowAt(0)?.amountMinor, 700);
  assert.equal(requests.length, 2);

  store.setVisible(false);
  seedOrders(core.db, (await core.profiles.active())!.id, 1, 900);
  store.resynced();
  await settle();
  assert.equal(requests.length, 2, 'nothing asked while hidden');
  store.setVisible(true);
  await eventually(() => totalOf(store) === 6);
  assert.equal(requests.length, 3);
});

test('a new query forgets every row and drops an answer meant for the old one', async (t) => {
  const { core } = await bookOf(t, 4);
  await call(core, 'createPaymentLink', { amount: '77' });
  const listing = listed(t, core);
  const { store, requests } = listing;
  store.setVisible(true);
  listing.hold();
  store.show(SCREEN);
  const paidOnly: OrdersQuery = { ...NEWEST_FIRST, status: 'paid' };
  store.setQuery(paidOnly, 'paid');
  assert.equal(store.getSnapshot().queryKey, 'paid');
  assert.equal(store.getSnapshot().totals, null);
  listing.release();
  await eventually(() => store.getSnapshot().totals !== null);
  await settle();
  assert.equal(totalOf(store), 0, 'only the new query’s answer was kept');
  assert.equal(store.rowAt(0), undefined);
  assert.deepEqual(requests.at(-1), { ...paidOnly, offset: 0, limit: PAGE, totals: false });

  store.setQuery({ ...paidOnly }, 'paid');
  await settle();
  assert.equal(requests.length, 2, 'the same key asks for nothing');
});

test('orders that come in above a list scrolled down shift the view by as many rows', async (t) => {
  const { core } = await bookOf(t, 300);
  const { store, shifts } = listed(t, core);
  store.setVisible(true);
  store.show({ first: 120, count: 20, atTop: false });
  await eventually(() => store.rowAt(120) !== undefined);
  const watched = store.rowAt(120)!.ref;

  for (let i = 0; i < 3; i++) await call(core, 'createPaymentLink', { amount: String(30 + i) });
  await eventually(() => totalOf(store) === 303);
  await settle();
  assert.deepEqual(shifts, [3]);
  assert.equal(store.indexOf(watched), 123);
  assert.equal(store.rowAt(123)?.ref, watched);
});

test('at most two pages are asked for at once, and a far jump asks for the rows on screen now', async (t) => {
  const { core } = await bookOf(t, 1000);
  const listing = listed(t, core);
  const { store, requests } = listing;
  store.setVisible(true);
  listing.hold();
  store.show({ first: 90, count: 20, atTop: false });
  assert.deepEqual(
    requests.map((r) => r.offset),
    [0, 100],
  );
  store.show({ first: 710, count: 20, atTop: false });
  store.show({ first: 520, count: 20, atTop: false });
  assert.equal(requests.length, 2, 'no third request while two are out');
  listing.release();
  await eventually(() => store.rowAt(520) !== undefined && store.rowAt(539) !== undefined);
  await settle();
  assert.deepEqual(
    requests.slice(2).map((r) => r.offset),
    [500, 400],
    'the pages flown past (700) were never asked for',
  );
});

test('pages far from the screen are let go beyond thirty', async (t) => {
  const { core } = await bookOf(t, (MAX_PAGES + 3) * PAGE);
  const { store } = listed(t, core);
  store.setVisible(true);
  for (let page = 0; page < MAX_PAGES + 3; page++) {
    store.show({ first: page * PAGE + 40, count: 20, atTop: false });
    await eventually(() => store.rowAt(page * PAGE + 40) !== undefined);
  }
  assert.equal(store.rowAt(0), undefined, 'the farthest page went');
  assert.ok(store.rowAt((MAX_PAGES + 2) * PAGE + 40));
});

test('a page that failed is shown as an error and asked for again when the screen moves, not in a loop', async (t) => {
  const { core } = await bookOf(t, 50);
  const listing = listed(t, core);
  const { store, requests } = listing;
  listing.failNext(1);
  store.setVisible(true);
  store.show(SCREEN);
  await eventually(() => store.getSnapshot().error !== null);
  await settle();
  assert.equal(requests.length, 1);
  assert.equal(store.getSnapshot().error?.kind, 'internal');

  store.show({ first: 1, count: 20, atTop: false });
  await eventually(() => totalOf(store) === 50);
  assert.equal(store.getSnapshot().error, null);
  assert.equal(requests.length, 2);
});

test('subscribers hear each change, and a snapshot is a new object only when something changed', async (t) => {
  const { core } = await bookOf(t, 2);
  const { store } = listed(t, core);
  let heard = 0;
  const unsubscribe = store.subscribe(() => heard++);
  const empty = store.getSnapshot();
  assert.equal(store.getSnapshot(), empty);
  store.show(SCREEN);
  await eventually(() => totalOf(store) === 2);
  assert.ok(heard >= 1);
  assert.notEqual(store.getSnapshot(), empty);
  unsubscribe();
  const last = heard;
  store.setQuery({ ...NEWEST_FIRST, direction: 'asc' }, 'oldest first');
  assert.equal(heard, last);
});

test('a first page with more after it shows its rows at once, and the totals follow in a request of their own', async (t) => {
  const { core } = await bookOf(t, 250);
  const listing = listed(t, core);
  const { store, requests, counts } = listing;
  listing.holdCounts();
  store.setVisible(true);
  store.show(SCREEN);
  await eventually(() => store.rowAt(0) !== undefined);
  assert.deepEqual(requests, [{ ...NEWEST_FIRST, offset: 0, limit: PAGE, totals: false }]);
  assert.deepEqual(counts, [{ allProfiles: false }]);
  assert.equal(store.getSnapshot().totals, null, 'no number before the totals come');
  assert.equal(store.getSnapshot().rowCount, PAGE + 1, 'the rows laid out reach one past the page, as more follow');

  listing.releaseCounts();
  await eventually(() => store.getSnapshot().totals !== null);
  assert.deepEqual(store.getSnapshot().totals, await core.service.countOrders({}));
  assert.equal(store.getSnapshot().rowCount, 250);
  await settle();
  assert.equal(counts.length, 1);
});

test('a short first page is its own totals: nothing more is asked', async (t) => {
  const { core, seeded } = await bookOf(t, 5);
  await call(core, 'markPaidManually', { ref: seeded[1]!.ref, reason: 'paid in cash at the counter' });
  const { store, requests, counts } = listed(t, core);
  store.show(SCREEN);
  await eventually(() => store.getSnapshot().totals !== null);
  await settle();
  assert.deepEqual(store.getSnapshot().totals, { total: 5, paidCount: 1, paidSumMinor: 100 });
  assert.deepEqual(store.getSnapshot().totals, await core.service.countOrders({}));
  assert.equal(requests.length, 1);
  assert.deepEqual(counts, []);
});

test('totals counted for an older query never show once the query has changed', async (t) => {
  const { core, seeded } = await bookOf(t, 250);
  for (const order of seeded.slice(0, 3)) await call(core, 'markPaidManually', { ref: order.ref, reason: 'paid in cash at the counter' });
  const listing = listed(t, core);
  const { store, counts } = listing;
  const shown: Array<number | undefined> = [];
  store.subscribe(() => shown.push(store.getSnapshot().totals?.total));
  listing.holdCounts();
  store.setVisible(true);
  store.show(SCREEN);
  await eventually(() => counts.length === 1);
  const pending: OrdersQuery = { ...NEWEST_FIRST, status: 'pending' };
  store.setQuery(pending, 'pending');
  await eventually(() => counts.length === 2);
  listing.releaseCounts();
  await eventually(() => store.getSnapshot().totals !== null);
  await settle();
  assert.deepEqual(counts, [{ allProfiles: false }, { allProfiles: false, status: 'pending' }]);
  assert.equal(totalOf(store), 247);
  assert.ok(!shown.includes(250), 'the older query’s 250 was dropped');
});
