import type { AppError, ClosingReport } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';
import { useLiveReply } from '../use-live-reply';

export type ClosingState = { report: ClosingReport | null; error: AppError | null; loading: boolean };

/**
 * The close of `day` for the active profile (at one counter, or at every counter when `counter` is ''), kept current
 * as orders change. `scope` changes when the profile does.
 */
export function useClosingReport(scope: string, day: string, counter: string): ClosingState {
  const { value, error, loading } = useLiveReply(`${scope}\n${day}\n${counter}`, () =>
    callPaydesk('getClosingReport', { day, ...(counter ? { counter } : {}) }),
  );
  return { report: value, error, loading };
}
