import { createContext, useContext } from 'react';
import type { AppStatus, Order, ReturnReach } from '../../../shared/contract';

type ReturnWay = {
  /** The status on show; null while it loads or could not be read. */
  status: AppStatus | null;
  /** To Settings → Return listener, at the choice of where customers pay. */
  chooseWhere(): void;
  /** To Settings, where the return address is checked at once. */
  checkReturn(): void;
};

const ReturnWayContext = createContext<ReturnWay>({ status: null, chooseWhere() {}, checkReturn() {} });

/** Given by the app to every part that hands out a link, so each can say whether its customer can come back. */
export const ReturnWayProvider = ReturnWayContext.Provider;

export const useReturnWay = (): ReturnWay => useContext(ReturnWayContext);

/**
 * Who can come back from `order`'s link, as the return listener stands now: known for a pending order of the
 * profile in use, whose link names the return address on show; null otherwise.
 */
export function useLinkReach(order: Pick<Order, 'status' | 'profileName'> | undefined): ReturnReach | null {
  const { status } = useReturnWay();
  if (!order || order.status !== 'pending' || !status || status.profileName !== order.profileName) return null;
  return status.returnReach;
}
