import type { AppError, Dashboard } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';
import { useLiveReply } from '../use-live-reply';

export type DashboardState = { dashboard: Dashboard | null; error: AppError | null };

/** The active profile's takings, kept current as orders change. `scope` changes when the profile does. */
export function useDashboard(scope: string): DashboardState {
  const { value, error } = useLiveReply(scope, () => callPaydesk('getDashboard', {}));
  return { dashboard: value, error };
}
