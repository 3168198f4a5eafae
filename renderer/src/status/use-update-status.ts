import { useCallback, useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

/**
 * What the last look at the release feed found, kept current by the core's updateStatus event. Reading it never
 * asks the feed; `show` takes a status a "Check now" brought back. Null until the core has said.
 */
export function useUpdateStatus(): { status: UpdateStatus | null; show(status: UpdateStatus): void } {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    let current = true;
    const stop = onPaydeskEvent('updateStatus', (next) => {
      current = false; // an event is newer than the answer still on its way
      setStatus(next);
    });
    void callPaydesk('getUpdateStatus', {}).then((reply) => {
      if (current && reply.ok) setStatus(reply.value);
    });
    return stop;
  }, []);
  return { status, show: useCallback((next: UpdateStatus) => setStatus(next), []) };
}
