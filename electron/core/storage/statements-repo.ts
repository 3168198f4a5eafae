// Imported statements and their lines, as the use-cases see them. An import is a run of short transactions, so
// the return listener keeps answering while a hundred thousand lines go in; stopped anywhere, the book holds whole
// chunks, and importing the same file again completes it (a line already in changes nothing).
import type { Message, StatementMapping } from '../../../shared/contract';
import type { ClaimOutcome, NewStatementOrder } from './orders-repo';

/** A statement line as reconciliation parsed it and the book stores it. */
export type StatementLineInput = {
  line: number;
  transactionId: string;
  /** The id's identity (transaction-id.ts): how lines are matched to orders and told apart. */
  key: string;
  amountMinor: number;
  /** UTC instant, ISO. */
  occurredAt: string;
  sender: string | null;
  reference: string | null;
  raw: string;
};

/** A line not imported: its number, its text and why (a message: whoever shows it picks the language). */
export type RejectedLine = { line: number; text: string; reason: Message };

/** A line as kept: what was imported (its raw text stays in the table), where from, and the order it proves. */
export type StoredStatementLine = Omit<StatementLineInput, 'raw'> & {
  id: number;
  profileId: number;
  statementId: number;
  fileName: string;
  orderId: number | null;
  orderRef: string | null;
};

export type StatementImport = {
  profileId: number;
  fileName: string;
  mapping: StatementMapping;
  rows: number;
  lines: StatementLineInput[];
  rejected: RejectedLine[];
};

export type ImportOutcome = {
  statementId: number;
  imported: number;
  alreadyKnown: number;
  /** The import's rejected lines: those that did not parse, and those contradicting a line imported before. */
  rejected: RejectedLine[];
  verified: number;
  amountMismatch: number;
  missing: number;
  unclaimed: number;
  /** The first and last payment the file shows (UTC instants). */
  coversFrom: string | null;
  coversTo: string | null;
};

export interface StatementsRepo {
  /** Resolves once the import is complete; rejects, whole chunks of it in the book, when the book refuses a write. */
  importStatement(input: StatementImport, at: string): Promise<ImportOutcome>;
  line(id: number): Promise<StoredStatementLine | null>;
  unclaimed(profileId: number, limit: number): Promise<StoredStatementLine[]>;
  /** Pays an unpaid order with an unclaimed line. */
  attach(lineId: number, orderId: number, at: string): Promise<ClaimOutcome>;
  /** Makes a paid order of an unclaimed line. */
  record(lineId: number, order: NewStatementOrder, at: string): Promise<ClaimOutcome>;
}
