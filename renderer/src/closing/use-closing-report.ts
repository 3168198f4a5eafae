import type { AppError, ClosingReport } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';
import { useLiveReply } from '../use-live-reply';

export type ClosingState = { report: ClosingReport | null; error: AppError | null; loading: boolean };

/** The close of `day` for the active profile, kept current as orders change. `scope` changes when the profile does. */
export function useClosingReport(scope: string, day: string): ClosingState {
  const { value, error, loading } = useLiveReply(`${scope}\n${day}`, () => callPaydesk('getClosingReport', { day }));
  return { report: value, error, loading };
}
