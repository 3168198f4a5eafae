// How orders and profiles look on a terminal and in --json.
import type { Order, ReconciliationReport } from '../../shared/contract';
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
  verification: order.verification,
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

export const reconciliationJson = (report: ReconciliationReport) => ({
  lines: report.lines,
  imported: report.imported,
  already_known: report.alreadyKnown,
  verified: report.verified,
  amount_mismatch: report.amountMismatch,
  missing: report.missing,
  unclaimed: report.unclaimed,
  rejected: report.rejected,
  covers_from: report.coversFrom,
  covers_to: report.coversTo,
});

export function reconciliationText(fileName: string, report: ReconciliationReport): string {
  const lines = [
    `${fileName}: ${report.lines} lines, ${report.imported} new` +
      (report.coversFrom ? `, covering ${report.coversFrom} to ${report.coversTo}.` : '.'),
    table([
      ['verified', String(report.verified)],
      ['amount mismatch', String(report.amountMismatch)],
      ['missing from statement', String(report.missing)],
      ['unclaimed', String(report.unclaimed)],
      ['already known', String(report.alreadyKnown)],
      ['rejected', String(report.rejected.length)],
    ]),
    ...report.rejected.map((r) => `  line ${r.line}: ${r.reason}: ${r.text}`),
  ];
  return lines.join('\n');
}
