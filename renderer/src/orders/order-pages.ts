// The orders list's cache as a plain store, with no React in it: pages of the order book by offset around the rows
// on screen, replaced when orders change, fetched only while the list is on show. React reads it through
// useSyncExternalStore (use-order-pages.ts); the unit tests drive it under plain Node.
import type { AppError, ListOrdersInput, Order, OrderFilterInput, OrderPage, OrderTotals, Reply } from '../../../shared/contract';

/** What the list shows: the filter and the order, without the window. */
export type OrdersQuery = Required<Pick<ListOrdersInput, 'allProfiles' | 'sort' | 'direction'>> &
  Pick<ListOrdersInput, 'status' | 'verification' | 'search' | 'from' | 'to' | 'counter'>;

/** Which rows are on screen: the rows the cache fetches first, and the anchor a live refresh keeps still. */
export type OnScreen = { first: number; count: number; atTop: boolean };

export type Totals = OrderTotals;

/** What a screen draws from; a new object whenever any of it changes. */
export type OrderPagesSnapshot = {
  /** Changes with every new query: a list that shows another filter starts at the top. */
  queryKey: string;
  /** Exact, or null until they are known: a broad search's come after its first page. */
  totals: Totals | null;
  /**
   * The rows the list lays out, null until the first page has come: the total once known; before, as far as the
   * pages have shown (one row past the last seen while more follow), or the last total while a refresh counts again.
   */
  rowCount: number | null;
  error: AppError | null;
  /** Bumped whenever cached rows change, so memoised rows know to look again. */
  version: number;
};

export type OrderPagesOptions = {
  query: OrdersQuery;
  queryKey: string;
  /** One request to the core; `listOrders` in the app, always without totals. */
  fetch(request: ListOrdersInput): Promise<Reply<OrderPage>>;
  /** The totals, asked for after the first page; `countOrders` in the app. */
  count(filter: OrderFilterInput): Promise<Reply<OrderTotals>>;
  /** Orders came in above a list scrolled down: by how many rows, so the view can stay on the same orders. */
  onShift(rows: number): void;
  /** The first page of the first query has arrived (the benchmark's mark). */
  onFirstPage?(): void;
};

export type OrderPagesStore = {
  subscribe(listener: () => void): () => void;
  getSnapshot(): OrderPagesSnapshot;
  rowAt(index: number): Order | undefined;
  /** The row an order is in, among the cached ones; -1 when not cached. */
  indexOf(ref: string): number;
  /** Tells the cache which rows are on screen; it fetches what is missing around them. */
  show(onScreen: OnScreen): void;
  /** Another filter or order, or another reason to start afresh (`key` differs): forget every row. */
  setQuery(query: OrdersQuery, key: string): void;
  /** Whether the list is on show. A hidden list fetches nothing; shown again, it catches up once if it missed a change. */
  setVisible(visible: boolean): void;
  /** An order changed in the core (the orderChanged event). */
  orderChanged(order: Order): void;
  /** Orders changed that no event told of one by one (the ordersResynced event): the rows on show and the totals are read again. */
  resynced(): void;
};

export const PAGE = 100;
/** Pages kept around the screen; a page is ~100 orders, so this is a few thousand at most. */
export const MAX_PAGES = 30;
const CONCURRENT_FETCHES = 2;
/** Rows fetched around the screen on a live refresh, to find the anchor row after rows came in above it. */
const ANCHOR_MARGIN = 50;
/** Changes come in bursts (a run of returns or expiries): the list asks again once a burst is over. */
export const REFRESH_DELAY_MS = 150;
/** A refresh's rows wait this long for its totals, so the header does not flicker while fast totals are counted. */
const TOTALS_GRACE_MS = 100;

/** Replaced whole (new query, live refresh): an answer meant for a replaced cache is dropped. */
type Cache = {
  rows: Map<number, Order>;
  loaded: Set<number>;
  fetching: Set<number>;
  /** Pages whose request failed: asked for again once the shopkeeper scrolls, not in a loop. */
  failed: Set<number>;
  wanted: number[];
  onScreen: OnScreen;
  /** The exact number of matches, from the totals or from a page with none after it. */
  total: number | null;
  /** One past the last row any page has shown, and one more while more follow. */
  seen: number;
  /** The total before a refresh, laid out until the new one is known. */
  estimate: number | null;
  /** The totals were asked for. */
  counted: boolean;
  /** Why asking for them failed, kept so that the rows arriving after do not hide it. */
  totalsError: AppError | null;
};

const emptyCache = (onScreen: OnScreen): Cache => ({
  rows: new Map(),
  loaded: new Set(),
  fetching: new Set(),
  failed: new Set(),
  wanted: [0],
  onScreen,
  total: null,
  seen: 0,
  estimate: null,
  counted: false,
  totalsError: null,
});

/** The totals a page tells by itself: when it starts the list and no order follows, its rows are every match. */
function totalsOfPage(page: OrderPage, offset: number): Totals | null {
  if (offset !== 0 || page.hasMore) return null;
  const paid = page.orders.filter((order) => order.status === 'paid');
  return { total: page.orders.length, paidCount: paid.length, paidSumMinor: paid.reduce((sum, order) => sum + order.amountMinor, 0) };
}

const rowCountOf = (c: Cache): number | null =>
  c.total ?? (c.loaded.size > 0 || c.estimate !== null ? Math.max(c.seen, c.estimate ?? 0) : null);

/**
 * A window onto the order book, however large: pages of 100 orders fetched by offset around the rows on screen
 * and cached, at most two requests at a time, always for the rows on screen now rather than the ones flown past.
 * Live: a changed order is replaced where it sits at once, then the rows on screen and the totals are asked for
 * again — right away while the list is on show, once it is shown again while it is not. The first page of the
 * first query is fetched even while hidden, so the list is ready the first time Orders is opened.
 */
export function createOrderPages(options: OrderPagesOptions): OrderPagesStore {
  const listeners = new Set<() => void>();
  let query = options.query;
  let cache = emptyCache({ first: 0, count: 0, atTop: true });
  let snapshot: OrderPagesSnapshot = { queryKey: options.queryKey, totals: null, rowCount: null, error: null, version: 0 };
  let visible = false;
  /** Until the first page has come, a hidden list may fetch it. */
  let firstPageSeen = false;
  /** A change arrived that the cached rows and totals may not show. */
  let stale = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshing = false;
  let refreshAgain = false;
  /** The latest totals request: an answer to an earlier one (an older query or refresh) is dropped. */
  let countId = 0;

  function publish(next: Partial<OrderPagesSnapshot>, rowsChanged: boolean) {
    snapshot = { ...snapshot, ...next, version: snapshot.version + (rowsChanged ? 1 : 0) };
    for (const listener of listeners) listener();
  }

  function keep(page: OrderPage, offset: number, c: Cache) {
    page.orders.forEach((order, i) => c.rows.set(offset + i, order));
    const end = offset + page.orders.length;
    c.seen = Math.max(c.seen, end + (page.hasMore ? 1 : 0));
    if (!page.hasMore && (page.orders.length > 0 || offset === 0)) c.total = end;
  }

  /** Asks for the totals of `c`'s query; whether they came (and were kept) in the end. */
  async function count(c: Cache): Promise<boolean> {
    c.counted = true;
    const id = ++countId;
    const { sort: _sort, direction: _direction, ...filter } = query;
    const reply = await options.count(filter);
    if (id !== countId || cache !== c) return false;
    if (!reply.ok) {
      c.totalsError = reply.error;
      publish({ error: reply.error }, false);
      return false;
    }
    c.total = reply.value.total;
    publish({ totals: reply.value, rowCount: rowCountOf(c) }, true);
    return true;
  }

  /** After a page starting the list: its own totals when it holds every match, else a request for them. */
  function totalsAfter(page: OrderPage, offset: number, c: Cache): Promise<boolean> {
    const own = totalsOfPage(page, offset);
    if (own) {
      countId++;
      c.counted = true;
      publish({ totals: own }, false);
      return Promise.resolve(true);
    }
    return c.counted ? Promise.resolve(snapshot.totals !== null) : count(c);
  }

  function evictFarPages(c: Cache) {
    if (c.loaded.size <= MAX_PAGES) return;
    const centre = Math.floor(c.onScreen.first / PAGE);
    const far = [...c.loaded].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of far.slice(0, c.loaded.size - MAX_PAGES)) {
      c.loaded.delete(page);
      for (let i = page * PAGE; i < (page + 1) * PAGE; i++) c.rows.delete(i);
    }
  }

  const mayFetch = () => visible || !firstPageSeen;

  function pump() {
    if (!mayFetch()) return;
    const c = cache;
    for (const page of c.wanted) {
      if (c.fetching.size >= CONCURRENT_FETCHES) return;
      if (c.loaded.has(page) || c.fetching.has(page) || c.failed.has(page)) continue;
      if (!visible && page !== 0) continue;
      void fetchPage(c, page);
    }
  }

  async function fetchPage(c: Cache, page: number) {
    c.fetching.add(page);
    const reply = await options.fetch({ ...query, offset: page * PAGE, limit: PAGE, totals: false });
    if (cache !== c) return;
    c.fetching.delete(page);
    if (!reply.ok) {
      c.failed.add(page);
      publish({ error: reply.error }, true);
    } else {
      keep(reply.value, page * PAGE, c);
      c.loaded.add(page);
      evictFarPages(c);
      if (page === 0 && !firstPageSeen) {
        firstPageSeen = true;
        options.onFirstPage?.();
      }
      if (page === 0) void totalsAfter(reply.value, 0, c);
      publish({ rowCount: rowCountOf(c), error: null }, true);
    }
    pump();
  }

  /** The rows on screen and the totals asked for again in one request, the view kept on the row at its top. */
  async function refresh() {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    stale = false;
    const c = cache;
    const { first, count, atTop } = c.onScreen;
    const anchor = atTop ? undefined : c.rows.get(first)?.ref;
    const startPage = Math.floor(Math.max(0, first - ANCHOR_MARGIN) / PAGE);
    const endPage = Math.floor((first + count + ANCHOR_MARGIN) / PAGE);
    const offset = startPage * PAGE;
    const reply = await options.fetch({ ...query, offset, limit: (endPage - startPage + 1) * PAGE, totals: false });
    refreshing = false;
    if (cache === c) {
      if (!reply.ok) {
        stale = true;
        publish({ error: reply.error }, false);
      } else {
        // The window replaces the cache: rows elsewhere may have moved, so they are fetched afresh when needed.
        const fresh: Cache = { ...emptyCache(c.onScreen), wanted: c.wanted, estimate: rowCountOf(c) };
        keep(reply.value, offset, fresh);
        const fetched = reply.value.orders.length;
        for (let page = startPage; page <= endPage; page++) {
          if ((page + 1) * PAGE <= offset + fetched || !reply.value.hasMore) fresh.loaded.add(page);
        }
        cache = fresh;
        if (anchor) {
          const moved = [...fresh.rows].find(([, order]) => order.ref === anchor)?.[0];
          if (moved !== undefined && moved !== first) {
            fresh.onScreen = { ...fresh.onScreen, first: moved };
            // Heard before the new rows are drawn, so the view moves with them in the same frame.
            options.onShift(moved - first);
          }
        }
        // The totals are counted again; the rows wait a moment for them, then show with "…" until they come.
        const counted = totalsAfter(reply.value, offset, fresh);
        const came = await Promise.race([counted, new Promise<false>((resolve) => setTimeout(() => resolve(false), TOTALS_GRACE_MS))]);
        if (cache === fresh) {
          publish({ ...(came ? {} : { totals: null }), rowCount: rowCountOf(fresh), error: fresh.totalsError }, true);
          pump();
        }
      }
    }
    if (refreshAgain) {
      refreshAgain = false;
      scheduleRefresh();
    }
  }

  /** Whether a refresh was waiting for its timer. */
  function cancelRefresh(): boolean {
    const waiting = refreshTimer !== undefined;
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
    return waiting;
  }

  function scheduleRefresh() {
    cancelRefresh();
    if (!visible) {
      // Caught up once, when the list is shown again.
      stale = true;
      return;
    }
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void refresh();
    }, REFRESH_DELAY_MS);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    rowAt: (index) => cache.rows.get(index),
    indexOf(ref) {
      for (const [index, order] of cache.rows) if (order.ref === ref) return index;
      return -1;
    },

    show(onScreen) {
      const c = cache;
      c.onScreen = onScreen;
      c.failed.clear();
      const firstPage = Math.floor(onScreen.first / PAGE);
      const lastPage = Math.floor((onScreen.first + Math.max(onScreen.count, 1) - 1) / PAGE);
      const wanted: number[] = [];
      for (let page = firstPage; page <= lastPage; page++) wanted.push(page);
      // A neighbouring page when the screen is near a page's edge, so scrolling on finds its rows waiting.
      const below = lastPage + 1;
      if ((onScreen.first + onScreen.count) % PAGE > PAGE - 30 && (c.total === null || below * PAGE < c.total)) wanted.push(below);
      if (onScreen.first % PAGE < 30 && firstPage > 0) wanted.push(firstPage - 1);
      c.wanted = wanted;
      pump();
    },

    setQuery(next, key) {
      if (key === snapshot.queryKey) return;
      query = next;
      cancelRefresh();
      stale = false;
      countId++;
      cache = emptyCache({ first: 0, count: cache.onScreen.count, atTop: true });
      publish({ queryKey: key, totals: null, rowCount: null, error: null }, true);
      pump();
    },

    setVisible(next) {
      if (next === visible) return;
      visible = next;
      if (!visible) {
        // A refresh put off for a list now hidden waits until it is shown again.
        if (cancelRefresh()) stale = true;
        return;
      }
      cache.failed.clear();
      if (stale) void refresh();
      else pump();
    },

    orderChanged(order) {
      for (const [index, cached] of cache.rows) {
        if (cached.ref === order.ref) {
          cache.rows.set(index, order);
          publish({}, true);
          break;
        }
      }
      scheduleRefresh();
    },

    resynced: scheduleRefresh,
  };
}
