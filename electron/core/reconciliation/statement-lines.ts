// A statement table and its column mapping → the lines to import, and the rows that could not be, each with
// its line number, its text and the reason (a message, its params the line's own values). Nothing is dropped
// without a word.
import type { Message, StatementMapping } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import type { StatementTable } from './statement-file';
import { parseStatementAmount, parseStatementTime } from './statement-values';
import { foldTransactionId } from '../values/transaction-id';
import type { RejectedLine, StatementLineInput } from '../storage/statements-repo';

export type ParsedStatement = {
  /** Data rows in the file. */
  rows: number;
  lines: StatementLineInput[];
  rejected: RejectedLine[];
  /** Rows repeating an earlier row of the same file (same transaction ID and amount). */
  repeats: number;
};

const MAX_TRANSACTION_ID = 100;
const MAX_TEXT = 200;
const MAX_RAW = 2000;

/** The columns the mapping names that the file does not have, and the columns it has; null when all are there. */
export function missingColumns(headers: string[], mapping: StatementMapping): Message | null {
  const absent = (Object.entries(mapping) as Array<[keyof StatementMapping, string | undefined]>).filter(
    (entry): entry is [keyof StatementMapping, string] => entry[1] !== undefined && entry[1] !== '' && !headers.includes(entry[1]),
  );
  if (absent.length === 0) return null;
  return say('statement_columns_absent', {
    columns: absent.map(([, column]) => column),
    fields: absent.map(([field]) => field),
    headers,
  });
}

export function parseStatementLines(table: StatementTable, mapping: StatementMapping): ParsedStatement {
  const column = (name: string | undefined) => (name ? table.headers.indexOf(name) : -1);
  const trx = column(mapping.transactionId);
  const amount = column(mapping.amount);
  const time = column(mapping.time);
  const sender = column(mapping.sender);
  const reference = column(mapping.reference);
  const optional = (cells: string[], index: number) => {
    const text = index >= 0 ? (cells[index] ?? '').trim() : '';
    return text === '' ? null : text.slice(0, MAX_TEXT);
  };

  const lines: StatementLineInput[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Map<string, StatementLineInput>();
  let repeats = 0;
  for (const row of table.rows) {
    const raw = row.raw.length > MAX_RAW ? `${row.raw.slice(0, MAX_RAW)}…` : row.raw;
    const reject = (reason: Message) => void rejected.push({ line: row.line, text: raw, reason });
    const cell = (row.cells[trx] ?? '').trim();
    if (cell === '') {
      reject(say('line_no_transaction_id'));
      continue;
    }
    if (cell.length > MAX_TRANSACTION_ID) {
      reject(say('line_transaction_id_too_long', { max: MAX_TRANSACTION_ID }));
      continue;
    }
    const canonical = foldTransactionId(cell);
    if (!canonical) {
      reject(say('line_transaction_id_characters', { transactionId: cell }));
      continue;
    }
    const { id: transactionId, key } = canonical;
    const money = parseStatementAmount(row.cells[amount] ?? '');
    if (!money.ok) {
      reject(money.reason);
      continue;
    }
    const when = parseStatementTime(row.cells[time] ?? '');
    if (!when.ok) {
      reject(when.reason);
      continue;
    }
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.amountMinor === money.value) repeats++;
      else reject(say('line_repeated_other_amount', { transactionId, line: earlier.line }));
      continue;
    }
    const line: StatementLineInput = {
      line: row.line,
      transactionId,
      key,
      amountMinor: money.value,
      occurredAt: when.value,
      sender: optional(row.cells, sender),
      reference: optional(row.cells, reference),
      raw,
    };
    seen.set(key, line);
    lines.push(line);
  }
  return { rows: table.rows.length, lines, rejected, repeats };
}
