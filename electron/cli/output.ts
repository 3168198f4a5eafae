// How orders and profiles look on a terminal and in --json. Names, statement lines, gateway messages and ids
// come from customers, files and other hosts, so nothing reaches the terminal before escapeControls.
import type { Order, ReconciliationReport } from '../../shared/contract';
import { toDecimalString } from '../../shared/money';
import type { Profile } from '../core/storage/sqlite/profiles-repo';

export type Out = { log(text: string): void; error(text: string): void };

/**
 * What a terminal would act on instead of show: C0 (ESC starts the sequences that retitle the window or clear
 * the screen), DEL, C1 (0x9b is a one-byte ESC [), and the bidi embeddings, overrides and isolates that make text
 * read in another order than it is (U+202A–U+202E, U+2066–U+2069).
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Each control character as a visible \uXXXX escape: the form JSON uses, so --json output stays JSON that parses
 * to the same values. Line breaks stay only where asked (between the lines of an output, never inside a value).
 */
export function escapeControls(text: string, { keepLineBreaks = false } = {}): string {
  return text.replace(CONTROLS, (char) =>
    keepLineBreaks && char === '\n' ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The CLI's output, every line escaped on its way to the terminal (or whatever stdout is). */
export const terminalOut = (out: Out): Out => ({
  log: (text) => out.log(escapeControls(text, { keepLineBreaks: true })),
  error: (text) => out.error(escapeControls(text, { keepLineBreaks: true })),
});

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

/** Columns padded to their widest cell; the last column is left ragged. A cell stays on its line. */
export function table(cells: string[][]): string {
  const rows = cells.map((row) => row.map((cell) => escapeControls(cell)));
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
  rejected_count: report.rejectedCount,
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
      ['rejected', String(report.rejectedCount)],
    ]),
    ...report.rejected.map((r) => `  line ${r.line}: ${escapeControls(r.reason)}: ${escapeControls(r.text)}`),
    ...(report.rejectedCount > report.rejected.length
      ? [`  …and ${report.rejectedCount - report.rejected.length} more rejected lines.`]
      : []),
  ];
  return lines.join('\n');
}
