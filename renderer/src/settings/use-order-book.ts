import { useCallback, useEffect, useState } from 'react';
import type { AppError, OrderBookView } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';

/** Settings › Order book's view of the core: the book open now and the server saved, read once and after each change. */
export function useOrderBook() {
  const [view, setView] = useState<OrderBookView | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(async () => {
    const reply = await callPaydesk('getOrderBook', {});
    if (reply.ok) setView(reply.value);
    setError(reply.ok ? null : reply.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { view, error, show: setView, reload };
}
