import { useEffect, useRef, useState } from 'react';
import type { AppError, Reply } from '../../shared/contract';
import { onPaydeskEvent } from './paydesk-call';

/** Orders change in bursts (a run of expiries); the core is asked again once a burst is over. */
const REFRESH_DELAY_MS = 400;

export type LiveReply<T> = { value: T | null; error: AppError | null; loading: boolean };

/**
 * What `ask` answers, asked again whenever orders change, when the book was read afresh (ordersResynced), and
 * whenever `key` does (the profile, the day…). An error keeps the last good value on show beside it.
 */
export function useLiveReply<T>(key: string, ask: () => Promise<Reply<T>>): LiveReply<T> {
  const [state, setState] = useState<LiveReply<T>>({ value: null, error: null, loading: true });
  const asking = useRef(ask);
  asking.current = ask;

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      setState((s) => ({ ...s, loading: true }));
      const reply = await asking.current();
      if (!current) return;
      setState((s) => (reply.ok ? { value: reply.value, error: null, loading: false } : { ...s, error: reply.error, loading: false }));
    };
    void load();
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), REFRESH_DELAY_MS);
    };
    const unsubscribe = [onPaydeskEvent('orderChanged', later), onPaydeskEvent('ordersResynced', later)];
    return () => {
      current = false;
      clearTimeout(timer);
      unsubscribe.forEach((stop) => stop());
    };
  }, [key]);

  return state;
}
