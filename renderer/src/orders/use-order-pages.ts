import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AppError, ListOrdersInput, Order, OrderPage } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

/** What the list shows: the filter and the order, without the window. */
export type OrdersQuery = Required<Pick<ListOrdersInput, 'allProfiles' | 'sort' | 'direction'>> &
  Pick<ListOrdersInput, 'status' | 'verification' | 'search' | 'from' | 'to'>;

/** Which rows are on screen: the rows the cache fetches first, and the anchor a live refresh keeps still. */
export type OnScreen = { first: number; count: number; atTop: boolean };

export type Totals = Pick<OrderPage, 'total' | 'paidCount' | 'paidSumMinor'>;

export type OrderPages = {
  /** Changes with every new query: a list that shows another filter starts at the top. */
  queryKey: string;
  /** Null until the first page of the query has come. */
  totals: Totals | null;
  error: AppError | null;
  /** Bumped whenever cached rows change, so memoised rows know to look again. */
  version: number;
  rowAt(index: number): Order | undefined;
  /** The row an order is in, among the cached ones; -1 when not cached. */
  indexOf(ref: string): number;
  /** Tells the cache which rows are on screen; it fetches what is missing around them. */
  show(onScreen: OnScreen): void;
};

const PAGE = 100;
/** Pages kept around the screen; a page is ~100 orders, so this is a few thousand at most. */
const MAX_PAGES = 30;
const CONCURRENT_FETCHES = 2;
/** Rows fetched around the screen on a live refresh, to find the anchor row after rows came in above it. */
const ANCHOR_MARGIN = 50;
const REFRESH_DELAY_MS = 150;

/** Replaced whole (new query, live refresh): an answer meant for a replaced cache is dropped. */
type Cache = {
  rows: Map<number, Order>;
  loaded: Set<number>;
  fetching: Set<number>;
  /** Pages whose request failed: asked for again once the shopkeeper scrolls, not in a loop. */
  failed: Set<number>;
  wanted: number[];
  onScreen: OnScreen;
  total: number | null;
  firstPageMarked: boolean;
};

const emptyCache = (onScreen: OnScreen): Cache => ({
  rows: new Map(),
  loaded: new Set(),
  fetching: new Set(),
  failed: new Set(),
  wanted: [0],
  onScreen,
  total: null,
  firstPageMarked: false,
});

/**
 * A window onto the order book, however large: pages of 100 orders fetched by offset around the rows on
 * screen and cached, at most two requests at a time, always for the rows on screen now rather than the ones
 * flown past. Live: a changed order is replaced where it sits at once, then the rows on screen and the totals
 * are asked for again; when orders came in above a list scrolled down, `onShift` hears by how many rows, so
 * the view can stay on the rows the shopkeeper was looking at.
 */
export function useOrderPages(
  query: OrdersQuery,
  /** Another reason to start afresh (the active profile changed). */
  scope: string,
  onShift: (rows: number) => void,
): OrderPages {
  const queryKey = `${scope}|${JSON.stringify(query)}`;
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [totals, setTotals] = useState<Totals | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const cache = useRef<Cache>(emptyCache({ first: 0, count: 0, atTop: true }));
  const currentQuery = useRef(query);
  const shift = useRef(onShift);
  const markPending = useRef(false);
  useEffect(() => {
    shift.current = onShift;
  });

  const keep = useCallback((page: OrderPage, offset: number, c: Cache) => {
    page.orders.forEach((order, i) => c.rows.set(offset + i, order));
    c.total = page.total;
    setTotals({ total: page.total, paidCount: page.paidCount, paidSumMinor: page.paidSumMinor });
    setError(null);
  }, []);

  const evictFarPages = useCallback((c: Cache) => {
    if (c.loaded.size <= MAX_PAGES) return;
    const centre = Math.floor(c.onScreen.first / PAGE);
    const far = [...c.loaded].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of far.slice(0, c.loaded.size - MAX_PAGES)) {
      c.loaded.delete(page);
      for (let i = page * PAGE; i < (page + 1) * PAGE; i++) c.rows.delete(i);
    }
  }, []);

  const pump = useCallback(() => {
    const c = cache.current;
    for (const page of c.wanted) {
      if (c.fetching.size >= CONCURRENT_FETCHES) return;
      if (c.loaded.has(page) || c.fetching.has(page) || c.failed.has(page)) continue;
      void fetchPage(page);
    }

    async function fetchPage(page: number) {
      c.fetching.add(page);
      const reply = await callPaydesk('listOrders', { ...currentQuery.current, offset: page * PAGE, limit: PAGE });
      if (cache.current !== c) return;
      c.fetching.delete(page);
      if (!reply.ok) {
        c.failed.add(page);
        setError(reply.error);
      } else {
        keep(reply.value, page * PAGE, c);
        c.loaded.add(page);
        evictFarPages(c);
        if (page === 0 && !c.firstPageMarked) {
          c.firstPageMarked = true;
          // For the benchmark: the first page is here; 'orders:first-page' follows once it is on screen.
          performance.mark('orders:data');
          markPending.current = true;
        }
      }
      bump();
      pump();
    }
  }, [keep, evictFarPages]);

  // A new query: forget every row, fetch from the top.
  useEffect(() => {
    currentQuery.current = query;
    cache.current = emptyCache({ first: 0, count: cache.current.onScreen.count, atTop: true });
    setTotals(null);
    setError(null);
    bump();
    pump();
    // `query` itself is read through `queryKey`, which spells it out.
  }, [queryKey, pump]);

  useEffect(() => {
    if (!markPending.current) return;
    markPending.current = false;
    requestAnimationFrame(() => performance.mark('orders:first-page'));
  }, [version]);

  const refresh = useMemo(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let again = false;

    async function run() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      const c = cache.current;
      const { first, count, atTop } = c.onScreen;
      const anchor = atTop ? undefined : c.rows.get(first)?.ref;
      const startPage = Math.floor(Math.max(0, first - ANCHOR_MARGIN) / PAGE);
      const endPage = Math.floor((first + count + ANCHOR_MARGIN) / PAGE);
      const offset = startPage * PAGE;
      const reply = await callPaydesk('listOrders', {
        ...currentQuery.current,
        offset,
        limit: (endPage - startPage + 1) * PAGE,
      });
      running = false;
      if (cache.current === c) {
        if (!reply.ok) setError(reply.error);
        else {
          // The window replaces the cache: rows elsewhere may have moved, so they are fetched afresh when needed.
          const fresh: Cache = { ...emptyCache(c.onScreen), wanted: c.wanted, firstPageMarked: true };
          keep(reply.value, offset, fresh);
          const fetched = reply.value.orders.length;
          for (let page = startPage; page <= endPage; page++) {
            if ((page + 1) * PAGE <= offset + fetched || offset + fetched >= reply.value.total) fresh.loaded.add(page);
          }
          cache.current = fresh;
          if (anchor) {
            const moved = [...fresh.rows].find(([, order]) => order.ref === anchor)?.[0];
            if (moved !== undefined && moved !== first) {
              fresh.onScreen = { ...fresh.onScreen, first: moved };
              shift.current(moved - first);
            }
          }
          bump();
          pump();
        }
      }
      if (again) {
        again = false;
        schedule();
      }
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), REFRESH_DELAY_MS);
    }
    return { schedule, cancel: () => clearTimeout(timer) };
  }, [keep, pump]);

  useEffect(() => refresh.cancel, [refresh]);

  useEffect(
    () =>
      onPaydeskEvent('orderChanged', (order) => {
        const c = cache.current;
        for (const [index, cached] of c.rows) {
          if (cached.ref === order.ref) {
            c.rows.set(index, order);
            bump();
            break;
          }
        }
        refresh.schedule();
      }),
    [refresh],
  );

  const show = useCallback(
    (onScreen: OnScreen) => {
      const c = cache.current;
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
    [pump],
  );

  const rowAt = useCallback((index: number) => cache.current.rows.get(index), []);
  const indexOf = useCallback((ref: string) => {
    for (const [index, order] of cache.current.rows) if (order.ref === ref) return index;
    return -1;
  }, []);

  return { queryKey, totals, error, version, rowAt, indexOf, show };
}
