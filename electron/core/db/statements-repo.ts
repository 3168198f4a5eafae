// Imported statements and their lines, and what they prove about orders. An import is one IMMEDIATE
// transaction of set-based statements (a hundred thousand lines against a million orders in a few seconds):
// the lines go in once per transaction ID and profile, unclaimed lines meet orders by transaction ID, and
// paid orders within the statement's time that it does not show become missing. Every order it changes gets
// its audit row in the same transaction.
import type { StatementMapping } from '../../../shared/contract';
import type { RejectedLine, StatementLineInput } from '../reconciliation/statement-lines';
import type { Db } from './database';
import { formatRef, SELECT_ORDERS, toOrder, type OrderRow, type StoredOrder } from './orders-repo';
import { createTransactionSearch } from './transaction-search';

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

/** What attaching or recording a line did: done, refused (another order holds its transaction ID), or nothing (the line or the order changed meanwhile). */
export type ClaimOutcome = { kind: 'done'; order: StoredOrder } | { kind: 'held'; ref: string } | { kind: 'stale' };

export type NewStatementOrder = { customerName: string | null; returnTokenHash: string; cancelTokenHash: string };

export interface StatementsRepo {
  importStatement(input: StatementImport, at: string): ImportOutcome;
  line(id: number): StoredStatementLine | null;
  unclaimed(profileId: number, limit: number): StoredStatementLine[];
  /** Pays an unpaid order with an unclaimed line. */
  attach(lineId: number, orderId: number, at: string): ClaimOutcome;
  /** Makes a paid order of an unclaimed line. */
  record(lineId: number, order: NewStatementOrder, at: string): ClaimOutcome;
}

type LineRow = {
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

const SELECT_LINES = `SELECT l.id, l.profile_id, l.statement_id, s.file_name, l.line_no, l.transaction_id, l.transaction_key,
    l.amount_minor, l.occurred_at, l.sender, l.reference, l.order_id, o.ref AS order_ref
  FROM statement_lines l JOIN statements s ON s.id = l.statement_id LEFT JOIN orders o ON o.id = l.order_id`;

const toLine = (row: LineRow): StoredStatementLine => ({
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

export function createStatementsRepo(db: Db): StatementsRepo {
  const insertStatement = db.prepare(
    `INSERT INTO statements (profile_id, file_name, imported_at, lines, imported, rejected, mapping)
     VALUES (?, ?, ?, ?, 0, 0, ?)`,
  );
  const finishStatement = db.prepare(
    `UPDATE statements SET imported = ?, rejected = ?, covers_from = ?, covers_to = ? WHERE id = ?`,
  );
  const insertReject = db.prepare(`INSERT INTO statement_rejects (statement_id, line_no, raw, reason) VALUES (?, ?, ?, ?)`);

  // The file's lines are staged in one statement (a JSON array read by SQLite itself) and go into
  // statement_lines in another, each already carrying its order: a line is written once, never revisited.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS statement_import (
    line_no INTEGER NOT NULL, transaction_key TEXT NOT NULL, transaction_id TEXT NOT NULL, amount_minor INTEGER NOT NULL,
    occurred_at TEXT NOT NULL, sender TEXT, reference TEXT, raw TEXT NOT NULL)`);
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS statement_matches (
    order_id INTEGER PRIMARY KEY, line_id INTEGER NOT NULL, amount_minor INTEGER NOT NULL, matched INTEGER NOT NULL)`);
  const clearTemp = () => db.exec(`DELETE FROM temp.statement_import; DELETE FROM temp.statement_matches;`);
  const stage = db.prepare(
    `INSERT INTO temp.statement_import
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7
     FROM json_each(?)`,
  );
  const known = db.prepare<[number], { line: number; transactionId: string; raw: string; amount: number; knownAmount: number }>(
    `SELECT i.line_no AS line, i.transaction_id AS transactionId, i.raw, i.amount_minor AS amount, l.amount_minor AS knownAmount
     FROM temp.statement_import i JOIN statement_lines l ON l.profile_id = ? AND l.transaction_key = i.transaction_key`,
  );
  const lastLineId = db.prepare<[], number>(`SELECT ifnull(max(id), 0) FROM statement_lines`).pluck();
  // Each new line meets the paid order holding its transaction ID's key (transaction-id.ts) through the unique
  // transaction_key index: the lines drive (LEFT and CROSS JOIN keep them outside).
  const insertLines = db.prepare(
    `INSERT INTO statement_lines (statement_id, profile_id, line_no, transaction_key, transaction_id, amount_minor,
       occurred_at, sender, reference, raw, order_id, resolved_by, resolved_at)
     SELECT @statementId, @profileId, i.line_no, i.transaction_key, i.transaction_id, i.amount_minor, i.occurred_at,
       i.sender, i.reference, i.raw, o.id, iif(o.id IS NULL, NULL, 'match'), iif(o.id IS NULL, NULL, @at)
     FROM temp.statement_import i LEFT JOIN orders o
       ON o.transaction_key = i.transaction_key AND o.profile_id = @profileId AND o.status = 'paid'
     WHERE true ORDER BY i.rowid
     ON CONFLICT (profile_id, transaction_key) DO NOTHING`,
  );
  const newMatches = db.prepare(
    `INSERT INTO temp.statement_matches (order_id, line_id, amount_minor, matched)
     SELECT l.order_id, l.id, l.amount_minor, o.amount_minor = l.amount_minor
     FROM statement_lines l JOIN orders o ON o.id = l.order_id WHERE l.id > @after AND l.order_id IS NOT NULL`,
  );
  // Lines of earlier statements still unclaimed whose order has been paid since (a late return).
  const earlierMatches = db.prepare(
    `INSERT INTO temp.statement_matches (order_id, line_id, amount_minor, matched)
     SELECT o.id, l.id, l.amount_minor, o.amount_minor = l.amount_minor
     FROM statement_lines l CROSS JOIN orders o ON o.transaction_key = l.transaction_key
     WHERE l.profile_id = @profileId AND l.order_id IS NULL AND o.profile_id = @profileId AND o.status = 'paid'`,
  );
  const claimEarlier = db.prepare(
    `UPDATE statement_lines SET order_id = m.order_id, resolved_by = 'match', resolved_at = @at
     FROM temp.statement_matches m WHERE statement_lines.id = m.line_id AND statement_lines.order_id IS NULL`,
  );
  const auditMatches = db.prepare(
    `INSERT INTO order_events (order_id, kind, detail, at)
     SELECT m.order_id, iif(m.matched, 'verified', 'amount_mismatch'),
       json_object('statement', s.file_name, 'line', l.line_no, 'transactionId', l.transaction_id,
         'statementAmountMinor', l.amount_minor, 'orderAmountMinor', o.amount_minor), @at
     FROM temp.statement_matches m JOIN orders o ON o.id = m.order_id JOIN statement_lines l ON l.id = m.line_id
       JOIN statements s ON s.id = l.statement_id
     ORDER BY m.order_id`,
  );
  const applyMatches = db.prepare(
    `UPDATE orders SET verification = iif(m.matched, 'verified', 'amount_mismatch'),
       statement_amount_minor = iif(m.matched, NULL, m.amount_minor), updated_at = @at
     FROM temp.statement_matches m WHERE orders.id = m.order_id`,
  );
  const countMatches = db.prepare<[], { verified: number; mismatched: number }>(
    `SELECT ifnull(sum(matched), 0) AS verified, count(*) - ifnull(sum(matched), 0) AS mismatched FROM temp.statement_matches`,
  );
  // Once every line has met its order, an order still unverified has no line at all.
  const auditMissing = db.prepare(
    `INSERT INTO order_events (order_id, kind, detail, at)
     SELECT id, 'missing_from_statement', json_object('statement', @fileName, 'transactionId', transaction_id), @at
     FROM orders WHERE profile_id = @profileId AND verification = 'unverified' AND paid_at BETWEEN @from AND @to
     ORDER BY id`,
  );
  const markMissing = db.prepare(
    `UPDATE orders SET verification = 'missing', updated_at = @at
     WHERE profile_id = @profileId AND verification = 'unverified' AND paid_at BETWEEN @from AND @to`,
  );
  const countUnclaimed = db
    .prepare<[number], number>(`SELECT count(*) FROM statement_lines WHERE id > ? AND order_id IS NULL`)
    .pluck();

  const lineById = db.prepare<[number], LineRow>(`${SELECT_LINES} WHERE l.id = ?`);
  const unclaimedLines = db.prepare<[number, number], LineRow>(
    `${SELECT_LINES} WHERE l.profile_id = ? AND l.order_id IS NULL ORDER BY l.occurred_at DESC, l.id DESC LIMIT ?`,
  );
  // A transaction ID held by any order: a line never gives an order someone else's payment.
  const holder = db.prepare<[string], string>(`SELECT ref FROM orders WHERE transaction_key = ?`).pluck();
  const orderById = db.prepare<[number], OrderRow>(`${SELECT_ORDERS} WHERE o.id = ?`);
  const payFromLine = db.prepare(
    `UPDATE orders SET status = 'paid', payment_source = 'gateway', payment_proof = 'statement', transaction_id = @transactionId,
       transaction_key = @transactionKey, paid_at = @paidAt, verification = 'reconciled_by_hand', statement_amount_minor = NULL, updated_at = @at
     WHERE id = @orderId AND status IN ('pending', 'expired', 'cancelled', 'failed') AND transaction_id IS NULL`,
  );
  const search = createTransactionSearch(db);
  const claimLine = db.prepare(
    `UPDATE statement_lines SET order_id = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND order_id IS NULL`,
  );
  const nextOrderId = db.prepare<[], number>(`SELECT ifnull(max(id), 0) + 1 FROM orders`).pluck();
  const insertOrder = db.prepare(
    `INSERT INTO orders (id, ref, profile_id, sandbox, amount_minor, currency, customer_name, status, return_token_hash,
       cancel_token_hash, created_at, updated_at, expires_at)
     VALUES (@id, @ref, @profileId, (SELECT mode = 'sandbox' FROM profiles WHERE id = @profileId), @amountMinor, 'BDT',
       @customerName, 'pending', @returnTokenHash, @cancelTokenHash, @createdAt, @at, @createdAt)`,
  );
  const insertEvent = db.prepare(`INSERT INTO order_events (order_id, kind, detail, at) VALUES (?, ?, ?, ?)`);
  const audit = (orderId: number, kind: string, detail: Record<string, unknown>, at: string) =>
    insertEvent.run(orderId, kind, JSON.stringify(detail), at);
  const lineDetail = (line: StoredStatementLine) => ({
    statement: line.fileName,
    line: line.line,
    transactionId: line.transactionId,
    statementAmountMinor: line.amountMinor,
  });
  const transaction = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = db.transaction(fn);
    return (...args: A): R => tx.immediate(...args);
  };

  return {
    importStatement: transaction((input: StatementImport, at: string): ImportOutcome => {
      const statementId = Number(
        insertStatement.run(input.profileId, input.fileName, at, input.rows, JSON.stringify(input.mapping)).lastInsertRowid,
      );
      const rejected = [...input.rejected];
      let coversFrom: string | null = null;
      let coversTo: string | null = null;
      const staged = input.lines.map((line) => {
        if (coversFrom === null || line.occurredAt < coversFrom) coversFrom = line.occurredAt;
        if (coversTo === null || line.occurredAt > coversTo) coversTo = line.occurredAt;
        return [line.line, line.key, line.transactionId, line.amountMinor, line.occurredAt, line.sender, line.reference, line.raw];
      });
      clearTemp();
      stage.run(JSON.stringify(staged));

      // A line imported before is known: the same amount changes nothing; another amount is reported, not taken.
      let alreadyKnown = 0;
      for (const line of known.all(input.profileId)) {
        if (line.amount === line.knownAmount) alreadyKnown++;
        else {
          rejected.push({
            line: line.line,
            text: line.raw,
            reason: `transaction ${line.transactionId} was imported before with another amount (${(line.knownAmount / 100).toFixed(2)} taka)`,
          });
        }
      }
      rejected.sort((a, b) => a.line - b.line);
      for (const r of rejected) insertReject.run(statementId, r.line, r.text, r.reason);

      earlierMatches.run({ profileId: input.profileId });
      claimEarlier.run({ at });
      const after = lastLineId.get()!;
      const imported = insertLines.run({ statementId, profileId: input.profileId, at }).changes;
      newMatches.run({ after });
      auditMatches.run({ at });
      applyMatches.run({ at });
      const { verified, mismatched } = countMatches.get()!;
      clearTemp();

      let missing = 0;
      if (coversFrom && coversTo) {
        const window = { profileId: input.profileId, from: coversFrom, to: coversTo, at, fileName: input.fileName };
        auditMissing.run(window);
        missing = markMissing.run(window).changes;
      }
      finishStatement.run(imported, rejected.length, coversFrom, coversTo, statementId);
      return {
        statementId,
        imported,
        alreadyKnown,
        rejected,
        verified,
        amountMismatch: mismatched,
        missing,
        unclaimed: countUnclaimed.get(after)!,
        coversFrom,
        coversTo,
      };
    }),

    line(id) {
      const row = lineById.get(id);
      return row ? toLine(row) : null;
    },

    unclaimed: (profileId, limit) => unclaimedLines.all(profileId, limit).map(toLine),

    attach: transaction((lineId: number, orderId: number, at: string): ClaimOutcome => {
      const row = lineById.get(lineId);
      const before = orderById.get(orderId);
      if (!row || row.order_id !== null || !before) return { kind: 'stale' };
      const held = holder.get(row.transaction_key);
      if (held) return { kind: 'held', ref: held };
      const line = toLine(row);
      const paid = payFromLine.run({ orderId, transactionId: line.transactionId, transactionKey: line.key, paidAt: line.occurredAt, at }).changes;
      if (!paid) return { kind: 'stale' };
      search.index(orderId);
      claimLine.run(orderId, 'attached', at, lineId);
      audit(orderId, 'attached_statement_line', { ...lineDetail(line), from: before.status }, at);
      return { kind: 'done', order: toOrder(orderById.get(orderId)!) };
    }),

    record: transaction((lineId: number, order: NewStatementOrder, at: string): ClaimOutcome => {
      const row = lineById.get(lineId);
      if (!row || row.order_id !== null) return { kind: 'stale' };
      const held = holder.get(row.transaction_key);
      if (held) return { kind: 'held', ref: held };
      const line = toLine(row);
      const id = nextOrderId.get()!;
      // The sale happened when the money moved: the order is dated by the line, its audit by now.
      insertOrder.run({
        id,
        ref: formatRef(id),
        profileId: line.profileId,
        amountMinor: line.amountMinor,
        customerName: order.customerName,
        returnTokenHash: order.returnTokenHash,
        cancelTokenHash: order.cancelTokenHash,
        createdAt: line.occurredAt,
        at,
      });
      audit(id, 'created', { amountMinor: line.amountMinor, from: 'statement' }, at);
      payFromLine.run({ orderId: id, transactionId: line.transactionId, transactionKey: line.key, paidAt: line.occurredAt, at });
      search.index(id);
      claimLine.run(id, 'recorded', at, lineId);
      audit(id, 'recorded_from_statement', lineDetail(line), at);
      return { kind: 'done', order: toOrder(orderById.get(id)!) };
    }),
  };
}
