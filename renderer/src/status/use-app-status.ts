import { useEffect, useState } from 'react';
import type { AppError, AppStatus } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';

export type StatusState = { kind: 'loading' } | { kind: 'ready'; status: AppStatus } | { kind: 'failed'; error: AppError };

/** Which gateway profile PayDesk is on, and whether customers can get back to it. */
export function useAppStatus(): StatusState {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    void callPaydesk('getStatus', {}).then((reply) => {
      if (current) setState(reply.ok ? { kind: 'ready', status: reply.value } : { kind: 'failed', error: reply.error });
    });
    return () => {
      current = false;
    };
  }, []);
  return state;
}
