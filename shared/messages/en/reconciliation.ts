import type { AmountRefusal } from '../../money';
import type { Phrasebook } from '../catalog';
import type { Formats } from '../formats';

/** A field of a statement mapping (StatementMapping's keys; named here so the catalog needs nothing of the contract). */
type Field = 'transactionId' | 'amount' | 'time' | 'sender' | 'reference';

/** What each field of a mapping holds, as a sentence names it. */
const FIELDS: Record<Field, string> = {
  transactionId: 'transaction ID',
  amount: 'amount',
  time: 'date or time',
  sender: 'sender',
  reference: 'reference',
};

/** Why parseAmount refused a statement's amount, said of a cell in a file rather than of what was typed. */
const AMOUNT_REFUSALS: Record<Exclude<AmountRefusal, 'amount_empty' | 'amount_zero'>, string> = {
  amount_not_number: 'it is not written as a number of taka, for example 150.50',
  amount_commas: 'its commas are not where thousands go, for example 1,500.50',
  amount_decimals: 'taka amounts have at most two decimals (poisha), for example 150.50',
  amount_too_large: 'it is too large',
};

const mb = (bytes: number, f: Formats) => `${f.count(Math.round(bytes / 1024 / 1024))} MB`;
const shorter = 'export a shorter period from the statement page';
const saveAgain = 'save it again as .xlsx or .csv';

/**
 * Reconciliation: why a statement file was refused (its caps are params), why a line of it was not imported
 * (lower case, no full stop: a reason beside the line's number and text), and why an unclaimed payment could
 * not be settled.
 */
export const reconciliation = {
  // The file as a whole
  statement_too_large: (p: { file: string; maxBytes: number }, f) => `${p.file} is larger than ${mb(p.maxBytes, f)}; ${shorter}.`,
  statement_not_xlsx: (p: { file: string }) => `${p.file} is not an Excel (.xlsx) workbook; ${saveAgain}.`,
  statement_old_xls: (p: { file: string }) => `${p.file} is an old Excel (.xls) file; save it as .xlsx or .csv and import that.`,
  statement_xlsx_unreadable: (p: { file: string }) => `${p.file} could not be read as an Excel workbook; ${saveAgain}.`,
  statement_empty: (p: { file: string }) => `${p.file} is empty.`,
  statement_too_many_lines: (p: { file: string; max: number }, f) => `${p.file} has more than ${f.count(p.max)} lines; ${shorter}.`,
  statement_too_many_columns: (p: { file: string; line: number; max: number }, f) =>
    `Line ${f.count(p.line)} of ${p.file} has more than ${f.count(p.max)} columns; a statement has a few, so this is not one PayDesk can read.`,
  statement_cell_too_long: (p: { file: string; line: number; max: number }, f) =>
    `Line ${f.count(p.line)} of ${p.file} has a cell longer than ${f.count(p.max)} characters; a statement’s cells are short, so this is not one PayDesk can read.`,
  statement_quote_unclosed: (p: { file: string; line: number }, f) =>
    `${p.file} has a quote (") on line ${f.count(p.line)} that is never closed.`,
  statement_xlsx_damaged: (p: { file: string }) => `${p.file} is damaged (its list of contents cannot be read); ${saveAgain}.`,
  statement_xlsx_too_many_parts: (p: { file: string; max: number }, f) =>
    `${p.file} holds more than ${f.count(p.max)} parts; a spreadsheet holds a few dozen, so PayDesk did not open it.`,
  statement_xlsx_part_too_large: (p: { file: string; maxBytes: number }, f) =>
    `${p.file} holds a part that would unpack to more than ${mb(p.maxBytes, f)}; export a shorter period, or save it as CSV.`,
  statement_xlsx_too_large: (p: { file: string; maxBytes: number }, f) =>
    `${p.file} would unpack to more than ${mb(p.maxBytes, f)}; export a shorter period, or save it as CSV.`,
  statement_xlsx_packed_tightly: (p: { file: string; ratio: number }, f) =>
    `${p.file} is packed far more tightly than any spreadsheet (a part unpacks to over ${f.count(p.ratio)} times its size), so PayDesk did not open it.`,
  statement_xlsx_lies: (p: { file: string }) =>
    `${p.file} unpacks to more than its own list of contents says: it is damaged or made to harm, so PayDesk did not open it.`,
  statement_xlsx_compression: (p: { file: string }) => `${p.file} is compressed in a way Excel does not write; ${saveAgain}.`,
  statement_read_too_slow: (p: { file: string; seconds: number }, f) =>
    `${p.file} is too large or damaged to read (reading it took longer than ${f.count(p.seconds)} seconds); export a shorter period, or save it again as .csv.`,
  statement_read_out_of_memory: (p: { file: string }) =>
    `${p.file} is too large or damaged to read (it needs more memory than a statement may); export a shorter period, or save it again as .csv.`,
  statement_read_failed: (p: { file: string }) =>
    `${p.file} is too large or damaged to read (reading it failed); export a shorter period, or save it again as .csv.`,
  statement_read_stopped: (p: { file: string }) =>
    `${p.file} is too large or damaged to read (reading it stopped before the end); export a shorter period, or save it again as .csv.`,

  // Its columns
  statement_columns_absent: (p: { columns: string[]; fields: Field[]; headers: string[] }) =>
    `The statement has no column ${p.columns.map((column, i) => `“${column}” (${FIELDS[p.fields[i]!]})`).join(', ')}; ` +
    `its columns are: ${p.headers.join(', ')}.`,
  statement_columns_unknown: (p: { fields: Field[]; headers: string[] }) =>
    `Could not tell which column holds the ${p.fields.map((field) => FIELDS[field]).join(' and the ')}; ` +
    `the columns found are: ${p.headers.join(', ')}.`,

  // The import
  statement_no_profile: () => 'No merchant profile is set up yet. Add one in Settings, or use the sandbox.',
  statement_closed: () => 'That statement is no longer open; choose the file again.',
  statement_profile_changed: () => 'The profile changed while the statement was open; choose the file again.',
  statement_import_stopped: (p: { file: string }) =>
    `The order book refused a write while ${p.file} was imported, so it may be only partly in. ` +
    'Import the same file again to finish it: the lines already in are recognised and not counted twice.',

  // A line not imported
  line_no_transaction_id: () => 'there is no transaction ID',
  line_transaction_id_too_long: (p: { max: number }, f) => `the transaction ID is longer than ${f.count(p.max)} characters`,
  line_transaction_id_characters: (p: { transactionId: string }) =>
    `the transaction ID “${p.transactionId}” has characters a transaction ID never has (only letters A–Z, digits and . _ - are)`,
  line_amount_empty: () => 'the amount is empty',
  line_amount_negative: (p: { amount: string }) => `the amount “${p.amount}” is negative: a refund or a charge, not a payment received`,
  line_amount_zero: () => 'the amount is zero',
  line_amount_unreadable: (p: { amount: string; refusal: keyof typeof AMOUNT_REFUSALS }) =>
    `the amount “${p.amount}” is not a taka amount (${AMOUNT_REFUSALS[p.refusal]})`,
  line_date_empty: () => 'the date is empty',
  line_date_unreadable: (p: { date: string }) =>
    `the date “${p.date}” is not a date PayDesk can read (for example 20/11/2026 14:30 or 2026-11-20 14:30:00)`,
  line_repeated_other_amount: (p: { transactionId: string; line: number }, f) =>
    `transaction ${p.transactionId} already appears on line ${f.count(p.line)} with another amount`,
  line_imported_before_other_amount: (p: { transactionId: string; amountMinor: number }, f) =>
    `transaction ${p.transactionId} was imported before with another amount (${f.money(p.amountMinor)})`,

  // Settling an unclaimed payment
  unclaimed_line_not_found: () => 'That statement line is not among this profile’s unclaimed payments.',
  unclaimed_line_settled: (p: { transactionId: string; ref: string }) =>
    `Transaction ${p.transactionId} is already settled with order ${p.ref}.`,
  unclaimed_transaction_held: (p: { transactionId: string; ref: string }) =>
    `Transaction ${p.transactionId} already belongs to order ${p.ref}.`,
  unclaimed_changed_meanwhile: () => 'That order or statement line changed meanwhile; look at it again and retry.',
  unclaimed_order_other_profile: (p: { ref: string }) => `Order ${p.ref} belongs to another profile than this statement.`,
  unclaimed_order_paid: (p: { ref: string }) =>
    `Order ${p.ref} is already paid; attach the payment to an unpaid order, or record it as a new one.`,
  unclaimed_amount_differs: (p: { transactionId: string; lineAmountMinor: number; ref: string; orderAmountMinor: number }, f) =>
    `Transaction ${p.transactionId} brought ${f.money(p.lineAmountMinor)} but order ${p.ref} is for ${f.money(p.orderAmountMinor)}; ` +
    'attach it to an order of the same amount, or record it as a new order.',
  unclaimed_profile_removed: () => 'This profile was removed; its orders can no longer be changed.',
} satisfies Phrasebook;
