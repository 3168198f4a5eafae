import type { OrderStatus } from '../../contract';
import type { Phrasebook } from '../catalog';

/**
 * What the `paydesk` command says to a person: its refusals of bad usage, its tables and progress lines (its help
 * is a page of its own, electron/cli/usage.ts). Its --json output and exit codes never come from here.
 */
export const cli = {
  cli_unknown_command: (p: { command: string }) => `unknown command “${p.command}”. Run paydesk --help for the list.`,
  cli_unknown_language: (p: { language: string }) => `PayDesk speaks en (English) or bn (Bengali), not “${p.language}”.`,
  cli_option_needs_value: (p: { option: string }) => `${p.option} needs a value.`,
  cli_option_takes_no_value: (p: { option: string }) => `${p.option} takes no value.`,
  cli_unknown_option: (p: { option: string }) => `there is no option ${p.option} here. Run paydesk --help for the list.`,
  cli_unexpected_word: (p: { word: string }) => `unexpected “${p.word}”. Run paydesk --help for the list.`,
  cli_failed: (p: { reason: string }) => `that did not work: ${p.reason}`,
  cli_warning: () => 'warning:',

  cli_profile_add_needs_name: () => 'profile add needs a NAME.',
  cli_profile_add_needs_base_url: () => 'profile add needs --base-url (the Base URL from the gateway’s API Settings page).',
  cli_profile_exists: (p: { name: string }) => `a profile called “${p.name}” already exists.`,
  cli_profile_added: (p: { name: string }) => `Added profile ${p.name}. Make it active with: paydesk profile use ${p.name}`,
  cli_no_profiles: () => 'No profiles yet. The app and `paydesk sandbox` create a sandbox profile; add yours with `paydesk profile add`.',
  cli_profile_use_needs_name: () => 'profile use needs a NAME.',
  cli_no_such_profile: (p: { name: string }) => `there is no profile called “${p.name}”. See paydesk profile list.`,
  cli_no_such_counter: (p: { name: string }) => `no counter of this order book is called “${p.name}”.`,
  cli_profile_active: (p: { name: string; sandbox: boolean }) => `Active profile: ${p.name} (${p.sandbox ? 'sandbox' : 'live'}).`,
  cli_profile_takes: () => 'profile takes add, list or use.',
  cli_column_name: () => 'NAME',
  cli_column_mode: () => 'MODE',
  cli_column_listen: () => 'LISTEN',
  cli_column_base_url: () => 'BASE URL',
  cli_mode: (p: { sandbox: boolean }) => (p.sandbox ? 'sandbox' : 'live'),

  cli_link_needs_amount: () => 'link needs --amount, for example --amount 150.50.',
  cli_link_unexpected: (p: { word: string }) => `unexpected “${p.word}”. Did you mean --amount ${p.word}?`,

  cli_no_orders: () => 'No orders.',
  cli_column_ref: () => 'REF',
  cli_column_status: () => 'STATUS',
  cli_column_amount: () => 'AMOUNT',
  cli_column_created: () => 'CREATED',
  cli_column_transaction: () => 'TRANSACTION',
  cli_column_customer: () => 'CUSTOMER',
  cli_column_counter: () => 'COUNTER',
  cli_order_status: (p: { status: OrderStatus; manual: boolean }) => (p.manual ? `${p.status} (manual)` : p.status),

  cli_export_takes_csv: () => 'export takes csv: paydesk export csv --out FILE.',
  cli_export_needs_out: () => 'export csv needs --out FILE.',
  cli_export_wrote: (p: { count: number; file: string }, f) => `Wrote ${f.count(p.count)} orders to ${p.file}.`,

  cli_receipt_needs_ref: () => 'receipt needs one order ref, for example: paydesk receipt PD-000123 --out receipt.html.',
  cli_receipt_needs_out: () => 'receipt needs --out FILE.html.',
  cli_receipt_layout: () => '--layout is a4 or roll80.',
  cli_receipt_wrote: (p: { ref: string; file: string }) => `Wrote the receipt for ${p.ref} to ${p.file}.`,

  cli_reconcile_needs_file: () => 'reconcile needs one statement file, for example: paydesk reconcile statement.csv.',
  cli_map_pair: (p: { pair: string }) =>
    `--map takes trx=COLUMN,amount=COLUMN,time=COLUMN (and optionally sender=, reference=), not “${p.pair}”.`,
  cli_map_twice: (p: { field: string }) => `--map names the ${p.field} column twice.`,
  cli_cannot_read: (p: { path: string; reason: string | null }) => `cannot read ${p.path}: ${p.reason ?? 'no such file'}.`,
  cli_statement_summary: (p: { file: string; lines: number; imported: number; from: string | null; to: string | null }, f) =>
    `${p.file}: ${f.count(p.lines)} lines, ${f.count(p.imported)} new` +
    (p.from && p.to ? `, covering ${f.dayLong(p.from)} to ${f.dayLong(p.to)}.` : '.'),
  cli_statement_verified: () => 'verified',
  cli_statement_amount_mismatch: () => 'amount mismatch',
  cli_statement_missing: () => 'missing from statement',
  cli_statement_unclaimed: () => 'unclaimed',
  cli_statement_already_known: () => 'already known',
  cli_statement_rejected: () => 'rejected',
  cli_statement_rejected_line: (p: { line: number; reason: string; text: string }, f) => `line ${f.count(p.line)}: ${p.reason}: ${p.text}`,
  cli_statement_more_rejected: (p: { count: number }, f) => `…and ${f.count(p.count)} more rejected lines.`,

  cli_return_takes_check: () => 'return takes check: paydesk return check [--json].',
  cli_report_day: () => '--day takes a day as YYYY-MM-DD, for example --day 2026-12-01.',
  cli_report_unexpected: (p: { word: string }) => `report does not take “${p.word}”: paydesk report [--day YYYY-MM-DD] [--json].`,
  cli_check_passed: () => 'ok',
  cli_check_failed: () => 'FAILED',
  /** url, dns, tcp, tls, heard: English scripts have always read these names. */
  cli_check_step: (p: { step: string }) => p.step,

  cli_port_invalid: (p: { option: string }) => `${p.option} must be a port number (0–65535).`,
  cli_sandbox_running: (p: { url: string; baseUrl: string }) => `sandbox gateway on ${p.url} (Base URL ${p.baseUrl})`,
  cli_listening: (p: { url: string }) => `listening on ${p.url}`,
  cli_order_changed: (p: { ref: string; status: OrderStatus; transactionId: string | null }) =>
    `${p.ref} ${p.status}${p.transactionId ? ` ${p.transactionId}` : ''}`,
} satisfies Phrasebook;
