import { useEffect, useState } from 'react';
import type { AppError, ClosingReport } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

/** Orders change in bursts (a run of expiries); the close is asked again once a burst is over. */
const REFRESH_DELAY_MS = 400;

export type ClosingState = { report: ClosingReport | null; error: AppError | null; loading: boolean };

/** The close of `day` for the active profile, kept current as orders change. `scope` changes when the profile does. */
export function useClosingReport(scope: string, day: string): ClosingState {
  const [state, setState] = useState<ClosingState>({ report: null, error: null, loading: true });

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      setState((s) => ({ ...s, loading: true }));
      const reply = await callPaydesk('getClosingReport', { day });
      if (!current) return;
      setState((s) => (reply.ok ? { report: reply.value, error: null, loading: false } : { ...s, error: reply.error, loading: false }));
    };
    void load();
    const unsubscribe = onPaydeskEvent('orderChanged', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), REFRESH_DELAY_MS);
    });
    return () => {
      current = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [scope, day]);

  return state;
}
