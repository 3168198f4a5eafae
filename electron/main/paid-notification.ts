// The desktop notification for a payment that just arrived, worded for the shopkeeper glancing over.
import type { Order } from '../../shared/contract';
import { formatTaka } from '../../shared/money';

export function paidNotification(order: Order): { title: string; body: string } {
  const who = order.customerName ? ` from ${order.customerName}` : '';
  return {
    title: `Paid: ${formatTaka(order.amountMinor)}${order.sandbox ? ' (sandbox)' : ''}`,
    body: `${order.ref}${who} — transaction ${order.transactionId ?? ''}`.trim(),
  };
}
