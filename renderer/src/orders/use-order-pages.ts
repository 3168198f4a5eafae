import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Order } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';
import { createOrderPages, type OnScreen, type OrderPagesSnapshot, type OrdersQuery } from './order-pages';

export type OrderPages = OrderPagesSnapshot & {
  rowAt(index: number): Order | undefined;
  /** The row an order is in, among the cached ones; -1 when not cached. */
  indexOf(ref: string): number;
  /** Tells the cache which rows are on screen; it fetches what is missing around them. */
  show(onScreen: OnScreen): void;
};

/**
 * The orders list's cache (order-pages.ts) for one screen: kept live by the core's orderChanged and ordersResynced
 * events, fetching only while `visible`.
 */
export function useOrderPages(
  query: OrdersQuery,
  /** Another reason to start afresh (the active profile changed). */
  scope: string,
  visible: boolean,
  onShift: (rows: number) => void,
): OrderPages {
  const queryKey = `${scope}|${JSON.stringify(query)}`;
  const shift = useRef(onShift);
  const markPending = useRef(false);
  useEffect(() => {
    shift.current = onShift;
  });

  const [store] = useState(() =>
    createOrderPages({
      query,
      queryKey,
      fetch: (request) => callPaydesk('listOrders', request),
      count: (filter) => callPaydesk('countOrders', filter),
      onShift: (rows) => shift.current(rows),
      onFirstPage: () => {
        // For the benchmark: the first page is here; 'orders:first-page' follows once it is on screen.
        performance.mark('orders:data');
        markPending.current = true;
      },
    }),
  );
  // A query whose key is the one on show changes nothing.
  useEffect(() => store.setQuery(query, queryKey), [store, query, queryKey]);
  useEffect(() => {
    store.setVisible(visible);
    // Unmounted, the list puts off nothing: a refresh waiting for its timer is dropped.
    return () => store.setVisible(false);
  }, [store, visible]);
  useEffect(() => onPaydeskEvent('orderChanged', store.orderChanged), [store]);
  useEffect(() => onPaydeskEvent('ordersResynced', store.resynced), [store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => {
    if (!markPending.current) return;
    markPending.current = false;
    requestAnimationFrame(() => performance.mark('orders:first-page'));
  }, [snapshot.version]);

  return useMemo(() => ({ ...snapshot, rowAt: store.rowAt, indexOf: store.indexOf, show: store.show }), [snapshot, store]);
}
