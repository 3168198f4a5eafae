// How orders and profiles look on a terminal and in --json.
import type { Order } from '../../shared/contract';
import { toDecimalString } from '../../shared/money';
import type { Profile } from '../core/db/profiles-repo';

export const orderJson = (order: Order) => ({
  ref: order.ref,
  status: order.status,
  amount: toDecimalString(order.amountMinor),
  currency: order.currency,
  customer_name: order.customerName,
  customer_email: order.customerEmail,
  transaction_id: order.transactionId,
  paid_manually: order.paidManually,
  created_at: order.createdAt,
  paid_at: order.paidAt,
});

export const linkJson = (order: Order) => ({
  ref: order.ref,
  status: order.status,
  amount: toDecimalString(order.amountMinor),
  currency: order.currency,
  payment_url: order.paymentUrl,
});

export const profileJson = (profile: Profile, active: boolean) => ({
  name: profile.name,
  mode: profile.mode,
  base_url: profile.baseUrl,
  listen_host: profile.listenHost,
  listen_port: profile.listenPort,
  return_base_url: profile.returnBaseUrl,
  active,
});

/** Columns padded to their widest cell; the last column is left ragged. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join('  '))
    .join('\n');
}

export function ordersTable(orders: Order[]): string {
  if (orders.length === 0) return 'No orders.';
  return table([
    ['REF', 'STATUS', 'AMOUNT', 'CREATED', 'TRANSACTION', 'CUSTOMER'],
    ...orders.map((o) => [
      o.ref,
      o.paidManually ? 'paid (manual)' : o.status,
      toDecimalString(o.amountMinor),
      o.createdAt.replace('T', ' ').slice(0, 19),
      o.transactionId ?? '-',
      o.customerName ?? '',
    ]),
  ]);
}
