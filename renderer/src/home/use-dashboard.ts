import { useEffect, useState } from 'react';
import type { AppError, Dashboard } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

/** Orders change in bursts (a run of expiries); the dashboard asks again once a burst is over. */
const REFRESH_DELAY_MS = 400;

export type DashboardState = { dashboard: Dashboard | null; error: AppError | null };

/** The active profile's takings, kept current as orders change. `scope` changes when the profile does. */
export function useDashboard(scope: string): DashboardState {
  const [state, setState] = useState<DashboardState>({ dashboard: null, error: null });

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const reply = await callPaydesk('getDashboard', {});
      if (!current) return;
      setState((s) => (reply.ok ? { dashboard: reply.value, error: null } : { ...s, error: reply.error }));
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
  }, [scope]);

  return state;
}
