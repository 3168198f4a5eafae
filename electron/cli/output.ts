// How orders and profiles look on a terminal and in --json. Names, statement lines, gateway messages and ids
// come from customers, files and other hosts, so nothing reaches the terminal before escapeControls.
import type { Order, ReconciliationReport, ReturnCheckReport } from '../../shared/contract';
import { toDecimalString } from '../../shared/money';
import { inEnglish, say } from '../../shared/messages/say';
import type { Profile } from '../core/storage/profiles-repo';
import type { Words } from './words';

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
  counter: order.counterName,
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

/**
 * How many columns a terminal gives a cell: as wcwidth counts, a mark drawn on its letter (a Bengali virama or
 * the vowel signs above and below) takes none, while the vowel signs beside a letter take one each.
 */
const width = (cell: string) => [...cell.replace(/[\p{Mn}\p{Me}\u200b-\u200d]/gu, '')].length;

/** Columns padded to their widest cell; the last column is left ragged. A cell stays on its line. */
export function table(cells: string[][]): string {
  const rows = cells.map((row) => row.map((cell) => escapeControls(cell)));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i]!))));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell)))).join('  '))
    .join('\n');
}

export function ordersTable(orders: Order[], words: Words): string {
  if (orders.length === 0) return words(say('cli_no_orders'));
  return table([
    [
      words(say('cli_column_ref')),
      words(say('cli_column_status')),
      words(say('cli_column_amount')),
      words(say('cli_column_created')),
      words(say('cli_column_transaction')),
      words(say('cli_column_counter')),
      words(say('cli_column_customer')),
    ],
    ...orders.map((o) => [
      o.ref,
      words(say('cli_order_status', { status: o.status, manual: o.paidManually })),
      words.f.money(o.amountMinor),
      words.f.dateTime(o.createdAt),
      o.transactionId ?? '-',
      o.counterName ?? '-',
      o.customerName ?? '',
    ]),
  ]);
}

export function profilesTable(profiles: Profile[], activeId: number | undefined, words: Words): string {
  return table([
    ['', words(say('cli_column_name')), words(say('cli_column_mode')), words(say('cli_column_listen')), words(say('cli_column_base_url'))],
    ...profiles.map((p) => [
      p.id === activeId ? '*' : '',
      p.name,
      words(say('cli_mode', { sandbox: p.mode === 'sandbox' })),
      `${p.listenHost}:${p.listenPort}`,
      p.baseUrl,
    ]),
  ]);
}

/**
 * --json is for scripts and the same in every language: PayDesk's sentences in it are English, as they always
 * were, each with its code beside it for a script that would rather not read sentences.
 */
export const reconciliationJson = (report: ReconciliationReport) => ({
  lines: report.lines,
  imported: report.imported,
  already_known: report.alreadyKnown,
  verified: report.verified,
  amount_mismatch: report.amountMismatch,
  missing: report.missing,
  unclaimed: report.unclaimed,
  rejected: report.rejected.map((r) => ({ line: r.line, text: r.text, reason: inEnglish(r.reason), code: r.reason.code })),
  rejected_count: report.rejectedCount,
  covers_from: report.coversFrom,
  covers_to: report.coversTo,
});

/** A check's report for scripts (see reconciliationJson on its sentences). */
export const returnCheckJson = (report: ReturnCheckReport) => ({
  ok: report.ok,
  url: report.url,
  steps: report.steps.map(({ step, ok, detail }) => ({ step, ok, detail: inEnglish(detail), code: detail.code })),
  warning: report.warning && inEnglish(report.warning),
  message: inEnglish(report.message),
  code: report.message.code,
});

export function reconciliationText(fileName: string, report: ReconciliationReport, words: Words): string {
  const count = (n: number) => words.f.count(n);
  const lines = [
    words(
      say('cli_statement_summary', {
        file: fileName,
        lines: report.lines,
        imported: report.imported,
        from: report.coversFrom,
        to: report.coversTo,
      }),
    ),
    table([
      [words(say('cli_statement_verified')), count(report.verified)],
      [words(say('cli_statement_amount_mismatch')), count(report.amountMismatch)],
      [words(say('cli_statement_missing')), count(report.missing)],
      [words(say('cli_statement_unclaimed')), count(report.unclaimed)],
      [words(say('cli_statement_already_known')), count(report.alreadyKnown)],
      [words(say('cli_statement_rejected')), count(report.rejectedCount)],
    ]),
    ...report.rejected.map(
      (r) => `  ${escapeControls(words(say('cli_statement_rejected_line', { line: r.line, reason: words(r.reason), text: r.text })))}`,
    ),
    ...(report.rejectedCount > report.rejected.length
      ? [`  ${words(say('cli_statement_more_rejected', { count: report.rejectedCount - report.rejected.length }))}`]
      : []),
  ];
  return lines.join('\n');
}
