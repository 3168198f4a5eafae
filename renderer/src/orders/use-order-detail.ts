import { useCallback, useEffect, useState } from 'react';
import type { AppError, OrderDetail } from '../../../shared/contract';
import { callPaydesk, onPaydeskEvent } from '../paydesk-call';

export type OrderDetailState = {
  detail: OrderDetail | null;
  error: AppError | null;
  /** Shows an order the core just sent back (after cancelling or marking paid), timeline and all. */
  reload(): Promise<void>;
};

/** One order with its timeline, asked for again whenever that order changes or the book was read afresh. */
export function useOrderDetail(ref: string): OrderDetailState {
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      const reply = await callPaydesk('getOrder', { ref });
      if (!isCurrent()) return;
      if (reply.ok) {
        setDetail(reply.value);
        setError(null);
      } else setError(reply.error);
    },
    [ref],
  );

  useEffect(() => {
    let current = true;
    setDetail(null);
    setError(null);
    void load(() => current);
    const unsubscribe = [
      onPaydeskEvent('orderChanged', (order) => {
        if (order.ref === ref) void load(() => current);
      }),
      onPaydeskEvent('ordersResynced', () => void load(() => current)),
    ];
    return () => {
      current = false;
      unsubscribe.forEach((stop) => stop());
    };
  }, [ref, load]);

  const reload = useCallback(() => load(() => true), [load]);
  return { detail, error, reload };
}
