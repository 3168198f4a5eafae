// A statement line's row as both engines read it (the same SELECT on each), and the line the core holds made of it.
import type { StoredStatementLine } from './statements-repo';

export type LineRow = {
  id: number;
  profile_id: number;
  statement_id: number;
  file_name: string;
  line_no: number;
  transaction_id: string;
  transaction_key: string;
  amount_minor: number;
  occurred_at: string;
  sender: string | null;
  reference: string | null;
  order_id: number | null;
  order_ref: string | null;
};

export const SELECT_LINES = `SELECT l.id, l.profile_id, l.statement_id, s.file_name, l.line_no, l.transaction_id, l.transaction_key,
    l.amount_minor, l.occurred_at, l.sender, l.reference, l.order_id, o.ref AS order_ref
  FROM statement_lines l JOIN statements s ON s.id = l.statement_id LEFT JOIN orders o ON o.id = l.order_id`;

export const toLine = (row: LineRow): StoredStatementLine => ({
  id: row.id,
  profileId: row.profile_id,
  statementId: row.statement_id,
  fileName: row.file_name,
  line: row.line_no,
  transactionId: row.transaction_id,
  key: row.transaction_key,
  amountMinor: row.amount_minor,
  occurredAt: row.occurred_at,
  sender: row.sender,
  reference: row.reference,
  orderId: row.order_id,
  orderRef: row.order_ref,
});
