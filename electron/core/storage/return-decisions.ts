// What a customer's return does to an order, decided without I/O so every case is easy to test.
// The money may already have moved when a return arrives, so a late return for a cancelled or failed
// order still records the payment; a return can never replace a transaction id already recorded.
import type { OrderStatus } from '../../../shared/contract';

export type ReturnDecision =
  | { action: 'mark_paid'; from: OrderStatus }
  | { action: 'repeat' }
  /** Paid by hand before the gateway's return came: the order takes the id, so no statement line can pay another. */
  | { action: 'record_transaction' }
  | { action: 'conflict'; recorded: string }
  | { action: 'duplicate_transaction'; otherRef: string };

export function decideReturn(
  order: { status: OrderStatus; transactionId: string | null; transactionKey: string | null },
  /** The offered id's identity (transaction-id.ts): a repeat in another letter case is the same payment. */
  transactionKey: string,
  /** The ref of another order that already holds this transaction id, if any. */
  heldBy: string | null,
): ReturnDecision {
  if (order.status === 'paid') {
    if (order.transactionKey === transactionKey) return { action: 'repeat' };
    if (order.transactionId === null && order.transactionKey === null) {
      return heldBy !== null ? { action: 'duplicate_transaction', otherRef: heldBy } : { action: 'record_transaction' };
    }
    return { action: 'conflict', recorded: order.transactionId ?? '' };
  }
  if (heldBy !== null) return { action: 'duplicate_transaction', otherRef: heldBy };
  return { action: 'mark_paid', from: order.status };
}

export type CancelDecision = { action: 'mark_cancelled' } | { action: 'none'; status: OrderStatus };

export function decideCancel(order: { status: OrderStatus }): CancelDecision {
  return order.status === 'pending' ? { action: 'mark_cancelled' } : { action: 'none', status: order.status };
}
