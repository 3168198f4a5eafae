import { useCallback, useState } from 'react';
import type { AppError, StatementLine } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';

export type UnclaimedState = {
  /** Null until the first answer. */
  lines: StatementLine[] | null;
  error: AppError | null;
  reload(): Promise<void>;
};

/** The active profile's statement lines no order claims, newest first; asked for by the screen when it shows and after each change. */
export function useUnclaimed(): UnclaimedState {
  const [lines, setLines] = useState<StatementLine[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(async () => {
    const reply = await callPaydesk('listUnclaimed', {});
    if (reply.ok) {
      setLines(reply.value.lines);
      setError(null);
    } else setError(reply.error);
  }, []);

  return { lines, error, reload };
}
