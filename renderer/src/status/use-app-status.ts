import { useCallback, useEffect, useState } from 'react';
import type { AppError, AppStatus } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

export type StatusState = { kind: 'loading' } | { kind: 'ready'; status: AppStatus } | { kind: 'failed'; error: AppError };

export type AppStatusControl = {
  state: StatusState;
  /** Asks the core again, after a change that may have moved the profile or the return listener. */
  refresh(): Promise<AppStatus | null>;
  /** Shows a status the core already sent back (switching profile, finishing the welcome). */
  show(status: AppStatus): void;
};

/** Which gateway profile PayDesk is on, and whether customers can get back to it. */
export function useAppStatus(): AppStatusControl {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const reply = await callPaydesk('getStatus', {});
    setState(reply.ok ? { kind: 'ready', status: reply.value } : { kind: 'failed', error: reply.error });
    return reply.ok ? reply.value : null;
  }, []);

  const show = useCallback((status: AppStatus) => setState({ kind: 'ready', status }), []);

  useEffect(() => {
    let current = true;
    void callPaydesk('getStatus', {}).then((reply) => {
      if (current) setState(reply.ok ? { kind: 'ready', status: reply.value } : { kind: 'failed', error: reply.error });
    });
    return () => {
      current = false;
    };
  }, []);

  // The journal's count moves on its own (returns taken while the shared book is away, then written to it).
  useEffect(
    () =>
      onPaydeskEvent('waitingReturnsChanged', ({ waiting }) =>
        setState((s) => (s.kind === 'ready' ? { kind: 'ready', status: { ...s.status, waitingReturns: waiting } } : s)),
      ),
    [],
  );

  return { state, refresh, show };
}
