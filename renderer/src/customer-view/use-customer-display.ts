import { useEffect, useState } from 'react';
import type { AppError, CustomerDisplay } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

export type DisplayState = { kind: 'loading' } | { kind: 'failed'; error: AppError } | { kind: 'ready'; display: CustomerDisplay };

/** What the customer view shows: asked once, then followed through the customerDisplay event. */
export function useCustomerDisplay(): DisplayState {
  const [state, setState] = useState<DisplayState>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    const stop = onPaydeskEvent('customerDisplay', (display) => setState({ kind: 'ready', display }));
    void callPaydesk('getCustomerDisplay', {}).then((reply) => {
      if (!current) return;
      // An event that came first is newer than this answer.
      setState((shown) =>
        shown.kind === 'ready' ? shown : reply.ok ? { kind: 'ready', display: reply.value } : { kind: 'failed', error: reply.error },
      );
    });
    return () => {
      current = false;
      stop();
    };
  }, []);

  return state;
}
