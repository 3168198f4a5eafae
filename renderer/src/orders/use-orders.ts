import { useEffect, useRef, useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

export type OrdersState = { orders: Order[]; loading: boolean; error: AppError | null };

const newestFirst = (a: Order, b: Order) =>
  a.createdAt === b.createdAt ? b.ref.localeCompare(a.ref) : a.createdAt < b.createdAt ? 1 : -1;

/** Puts each order in by ref, the first version of a ref winning, newest order first. */
function merge(preferred: Order[], others: Order[]): Order[] {
  const byRef = new Map<string, Order>();
  for (const order of [...preferred, ...others]) if (!byRef.has(order.ref)) byRef.set(order.ref, order);
  return [...byRef.values()].sort(newestFirst);
}

/**
 * The order book as the core sees it: loaded once, then kept current by `orderChanged` events, so a
 * payment shows up the moment the customer comes back. `onChange` hears about each change to a known order.
 */
export function useOrders(onChange: (order: Order, before: Order | undefined) => void): OrdersState {
  const [state, setState] = useState<OrdersState>({ orders: [], loading: true, error: null });
  const known = useRef(new Map<string, Order>());
  const notify = useRef(onChange);
  useEffect(() => {
    notify.current = onChange;
  });

  useEffect(() => {
    let current = true;
    const unsubscribe = onPaydeskEvent('orderChanged', (order) => {
      const before = known.current.get(order.ref);
      known.current.set(order.ref, order);
      setState((s) => ({ ...s, orders: merge([order], s.orders) }));
      notify.current(order, before);
    });
    void callPaydesk('listOrders', {}).then((reply) => {
      if (!current) return;
      if (!reply.ok) return setState((s) => ({ ...s, loading: false, error: reply.error }));
      for (const order of reply.value.orders) if (!known.current.has(order.ref)) known.current.set(order.ref, order);
      // An event that arrived while the list was on its way is newer than the list.
      setState((s) => ({ orders: merge(s.orders, reply.value.orders), loading: false, error: null }));
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);

  return state;
}
