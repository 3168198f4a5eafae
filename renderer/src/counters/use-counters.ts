import { useEffect, useState } from 'react';
import type { Counter } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

/**
 * The counters working on the order book, this computer's marked; empty until known (or when the core cannot say,
 * which leaves the screens as a single counter's). Asked again whenever `key` changes (a screen shown again, a
 * counter renamed) and after the book was read afresh, as another counter may have joined meanwhile.
 */
export function useCounters(key: string | number | boolean): Counter[] {
  const [counters, setCounters] = useState<Counter[]>([]);
  useEffect(() => {
    let current = true;
    const load = () =>
      void callPaydesk('listCounters', {}).then((reply) => {
        if (current && reply.ok) setCounters(reply.value);
      });
    load();
    const unsubscribe = onPaydeskEvent('ordersResynced', load);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [key]);
  return counters;
}

/** Whether the book has other counters than this one: only then do the screens name and filter by counter. */
export const severalCounters = (counters: readonly Counter[]) => counters.length > 1;
