import { useEffect, useRef, useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

export type OrdersState = { orders: Order[]; loading: boolean; error: AppError | null };

/** Which orders are on show: the active profile's, or every profile's. */
export type OrdersScope = {
  allProfiles: boolean;
  /** The active profile; null until the status is known. */
  profileName: string | null;
  /** Bumped to reload the list when the active profile changed under the same name. */
  generation: number;
};

const newestFirst = (a: Order, b: Order) =>
  a.createdAt === b.createdAt ? b.ref.localeCompare(a.ref) : a.createdAt < b.createdAt ? 1 : -1;

/** Puts each order in by ref, the first version of a ref winning, newest order first. */
function merge(preferred: Order[], others: Order[]): Order[] {
  const byRef = new Map<string, Order>();
  for (const order of [...preferred, ...others]) if (!byRef.has(order.ref)) byRef.set(order.ref, order);
  return [...byRef.values()].sort(newestFirst);
}

const inScope = (allProfiles: boolean, profileName: string | null) => (order: Order) =>
  allProfiles || order.profileName === profileName;

/**
 * The order book as the core sees it: loaded for the scope, then kept current by `orderChanged` events, so a
 * payment shows up the moment the customer comes back. `onChange` hears about each change to a known order.
 */
export function useOrders(scope: OrdersScope, onChange: (order: Order, before: Order | undefined) => void): OrdersState {
  const [state, setState] = useState<OrdersState>({ orders: [], loading: true, error: null });
  const known = useRef(new Map<string, Order>());
  const notify = useRef(onChange);
  const belongs = useRef(inScope(scope.allProfiles, scope.profileName));
  /** Orders the events delivered since the list was last asked for; null while no list is on its way. */
  const arrived = useRef<Order[] | null>(null);
  useEffect(() => {
    notify.current = onChange;
  });

  useEffect(() => {
    const unsubscribe = onPaydeskEvent('orderChanged', (order) => {
      const before = known.current.get(order.ref);
      known.current.set(order.ref, order);
      arrived.current?.unshift(order);
      if (belongs.current(order)) setState((s) => ({ ...s, orders: merge([order], s.orders) }));
      notify.current(order, before);
    });
    return unsubscribe;
  }, []);

  const { allProfiles, profileName, generation } = scope;
  useEffect(() => {
    if (profileName === null) return;
    let current = true;
    const matches = inScope(allProfiles, profileName);
    belongs.current = matches;
    arrived.current = [];
    // Rows of another profile go at once; the ones that stay in scope stay on screen while the list loads.
    setState((s) => ({ orders: s.orders.filter(matches), loading: true, error: null }));
    void callPaydesk('listOrders', { allProfiles }).then((reply) => {
      if (!current) return;
      if (!reply.ok) return setState((s) => ({ ...s, loading: false, error: reply.error }));
      for (const order of reply.value.orders) if (!known.current.has(order.ref)) known.current.set(order.ref, order);
      // An event that arrived while the list was on its way is newer than the list.
      const newer = (arrived.current ?? []).filter(matches);
      arrived.current = null;
      setState({ orders: merge(newer, reply.value.orders.filter(matches)), loading: false, error: null });
    });
    return () => {
      current = false;
    };
    // `generation` is not read: a new one only says "ask again".
  }, [allProfiles, profileName, generation]);

  return state;
}

