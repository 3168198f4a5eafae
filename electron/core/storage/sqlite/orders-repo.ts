// The order book on SQLite, and the only code that writes `orders` and `order_events`. Every state change and its
// audit row are written in one IMMEDIATE transaction (or the caller's, as a statement import's), so two processes
// (the app's listener and a CLI command) never interleave a read and a write. The writes are synchronous steps
// (better-sqlite3), which the SQLite statements repository also runs inside its own transactions; the repository
// the use-cases see runs each on the connection (connection.ts).
import type { TransactionId } from '../../values/transaction-id';
import type { Statement } from 'better-sqlite3';
import { recordedMessage, toOrder, type OrderRow } from '../order-rows';
import {
  formatRef,
  MAX_REFUSALS_PER_ORDER,
  type CancelOutcome,
  type ClaimOutcome,
  type CounterClaim,
  type LinkFailure,
  type NewOrder,
  type NewStatementOrder,
  type OrdersRepo,
  type ReturnOutcome,
  type StatementPayment,
  type StatementWindow,
} from '../orders-repo';
import { decideCancel, decideReturn } from '../return-decisions';
import { stepped, type SqliteConnection, type Steps } from './connection';
import type { Db } from './database';
import { createTransactionSearch } from './transaction-search';

/** The orders repository's writes and reads as synchronous steps, for the connection and other SQLite repositories. */
export type OrderWrites = Steps<Omit<OrdersRepo, 'atomically'>>;

export const SELECT_ORDERS = `
  SELECT o.id, o.ref, o.profile_id, p.name AS profile_name, p.base_url AS profile_base_url, o.sandbox, o.amount_minor,
         o.currency, o.customer_name, o.customer_email, o.note, o.status, o.payment_source, o.payment_proof, o.payment_url,
         o.transaction_id, o.transaction_key, o.failure,
         o.created_at, o.expires_at, o.paid_at, o.cancelled_at, o.verification, o.statement_amount_minor, c.name AS counter_name
  FROM orders o JOIN profiles p ON p.id = o.profile_id LEFT JOIN counters c ON c.id = o.counter_id`;

/** Audit details hold what an attacker sent; keep them bounded. */
const bounded = (text: string) => (text.length > 256 ? `${text.slice(0, 256)}…` : text);

const REFUSAL_KINDS = `('rejected_return', 'return_conflict', 'duplicate_transaction')`;

export function createOrdersRepo(connection: SqliteConnection, writes = createOrderWrites(connection.db, connection)): OrdersRepo {
  return { ...stepped<Omit<OrdersRepo, 'atomically'>>(connection, writes), atomically: connection.atomically };
}

/**
 * The writes, on `db`. With a connection, payments recorded inside its `atomically` are indexed for search as the
 * transaction commits (one statement for a burst of returns); without one (a test seeding a book), each at once.
 */
export function createOrderWrites(db: Db, connection?: SqliteConnection): OrderWrites {
  const byId = db.prepare<[number], OrderRow>(`${SELECT_ORDERS} WHERE o.id = ?`);
  const byRef = db.prepare<[string], OrderRow>(`${SELECT_ORDERS} WHERE o.ref = ?`);
  const byReturnToken = db.prepare<[string], OrderRow>(`${SELECT_ORDERS} WHERE o.return_token_hash = ?`);
  const byCancelToken = db.prepare<[string], OrderRow>(`${SELECT_ORDERS} WHERE o.cancel_token_hash = ?`);
  const byTransaction = db.prepare<[string], { ref: string }>(`SELECT ref FROM orders WHERE transaction_key = ?`);
  const nextId = db.prepare<[], { id: number }>(`SELECT ifnull(max(id), 0) + 1 AS id FROM orders`);
  const insertOrder = db.prepare(
    `INSERT INTO orders (id, ref, profile_id, counter_id, sandbox, amount_minor, currency, customer_name, customer_email, note,
       status, return_token_hash, cancel_token_hash, created_at, updated_at, expires_at)
     VALUES (@id, @ref, @profileId, @counterId, (SELECT mode = 'sandbox' FROM profiles WHERE id = @profileId), @amountMinor, 'BDT',
       @customerName, @customerEmail, @note, 'pending', @returnTokenHash, @cancelTokenHash, @createdAt, @at, @expiresAt)`,
  );
  /** Inserts a pending order under the next ref; its id. */
  const insertPending = (
    order: Omit<NewOrder, 'customerName' | 'customerEmail' | 'note'> & {
      customerName: string | null;
      customerEmail: string | null;
      note: string | null;
      createdAt: string;
      at: string;
    },
  ) => {
    const { id } = nextId.get()!;
    insertOrder.run({ id, ref: formatRef(id), ...order });
    return id;
  };
  const insertEvent = db.prepare(`INSERT INTO order_events (order_id, kind, detail, at) VALUES (?, ?, ?, ?)`);
  const statements = new Map<string, Statement<unknown[]>>();
  /** Prepared once, on first use: the payment path runs these thousands of times. */
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare<unknown[]>(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  const eventsOf = db.prepare<[number], { kind: string; detail: string | null; at: string }>(
    `SELECT kind, detail, at FROM order_events WHERE order_id = ? ORDER BY id`,
  );

  const audit = (orderId: number | null, kind: string, detail: Record<string, unknown> | null, at: string) => {
    insertEvent.run(orderId, kind, detail ? JSON.stringify(detail) : null, at);
  };
  const countRefusal = db.prepare(
    `INSERT INTO refused_requests (day, reason, count) VALUES (substr(?, 1, 10), ?, 1)
     ON CONFLICT DO UPDATE SET count = count + 1`,
  );
  const refusalsOf = db
    .prepare<[number, number], number>(
      `SELECT count(*) FROM (SELECT 1 FROM order_events WHERE order_id = ? AND kind IN ${REFUSAL_KINDS} LIMIT ?)`,
    )
    .pluck();
  /** A refused return in its order's timeline while the order has room for it; otherwise only counted. */
  const auditRefusal = (orderId: number, kind: string, detail: Record<string, unknown>, at: string) => {
    if (refusalsOf.get(orderId, MAX_REFUSALS_PER_ORDER)! < MAX_REFUSALS_PER_ORDER) audit(orderId, kind, detail, at);
    else countRefusal.run(at, `${kind}_over_cap`);
  };
  const load = (id: number) => toOrder(byId.get(id)!);
  /** Each call is one IMMEDIATE transaction, or part of the caller's when one is open. */
  const inTransaction = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = db.transaction(fn);
    return (...args: A): R => (db.inTransaction ? fn(...args) : tx.immediate(...args));
  };
  const search = createTransactionSearch(db);
  connection?.onTransactionEnd({ beforeCommit: search.flush, rolledBack: search.discard });
  const indexPayment = (id: number) => (connection?.inAtomically() ? search.defer(id) : search.index(id));

  const payFromLine = db.prepare(
    `UPDATE orders SET status = 'paid', payment_source = 'gateway', payment_proof = 'statement', transaction_id = @transactionId,
       transaction_key = @transactionKey, paid_at = @paidAt, verification = 'reconciled_by_hand', statement_amount_minor = NULL, updated_at = @at
     WHERE id = @orderId AND status IN ('pending', 'expired', 'cancelled', 'failed') AND transaction_id IS NULL`,
  );
  /** Pays an unpaid order with the line's payment, dated when the money moved; false when it was not unpaid. */
  const payWithLine = (orderId: number, line: StatementPayment, at: string) => {
    const paid =
      payFromLine.run({ orderId, transactionId: line.transactionId, transactionKey: line.key, paidAt: line.occurredAt, at }).changes > 0;
    if (paid) indexPayment(orderId);
    return paid;
  };
  const lineDetail = (line: StatementPayment) => ({
    statement: line.fileName,
    line: line.line,
    transactionId: line.transactionId,
    statementAmountMinor: line.amountMinor,
  });
  // An import's staged rows are few; `+` (in an UPDATE … FROM) and CROSS JOIN make them drive each statement:
  // knowing nothing of a TEMP table's size, SQLite would otherwise scan every order for them.
  const SETTLE_MATCHES = [
    `INSERT INTO order_events (order_id, kind, detail, at)
     SELECT m.order_id, iif(m.matched, 'verified', 'amount_mismatch'),
       json_object('statement', s.file_name, 'line', l.line_no, 'transactionId', l.transaction_id,
         'statementAmountMinor', l.amount_minor, 'orderAmountMinor', o.amount_minor), @at
     FROM temp.statement_matches m JOIN orders o ON o.id = m.order_id JOIN statement_lines l ON l.id = m.line_id
       JOIN statements s ON s.id = l.statement_id
     ORDER BY m.order_id`,
    `UPDATE orders SET verification = iif(m.matched, 'verified', 'amount_mismatch'),
       statement_amount_minor = iif(m.matched, NULL, m.amount_minor), updated_at = @at
     FROM temp.statement_matches m WHERE orders.id = +m.order_id`,
  ];
  const COUNT_MATCHES = `SELECT ifnull(sum(matched), 0) AS verified, count(*) - ifnull(sum(matched), 0) AS mismatched
    FROM temp.statement_matches`;
  // A chunk of the missing orders is picked once into a TEMP table (this connection's own), then audited and marked.
  const MISSING = {
    pick: `INSERT INTO temp.statement_missing
     SELECT id FROM orders WHERE profile_id = @profileId AND verification = 'unverified' AND paid_at BETWEEN @from AND @to
     LIMIT @limit`,
    audit: `INSERT INTO order_events (order_id, kind, detail, at)
     SELECT o.id, 'missing_from_statement', json_object('statement', @fileName, 'transactionId', o.transaction_id), @at
     FROM temp.statement_missing m CROSS JOIN orders o ON o.id = m.order_id
     ORDER BY m.order_id`,
    mark: `UPDATE orders SET verification = 'missing', updated_at = @at WHERE id IN (SELECT order_id FROM temp.statement_missing)`,
  };

  return {
    createPending: inTransaction((order: NewOrder, at: string) => {
      const id = insertPending({
        profileId: order.profileId,
        counterId: order.counterId,
        amountMinor: order.amountMinor,
        customerName: order.customerName ?? null,
        customerEmail: order.customerEmail ?? null,
        note: order.note ?? null,
        returnTokenHash: order.returnTokenHash,
        cancelTokenHash: order.cancelTokenHash,
        createdAt: at,
        expiresAt: order.expiresAt,
        at,
      });
      audit(id, 'created', { amountMinor: order.amountMinor }, at);
      return load(id);
    }),

    issueLink: inTransaction((id: number, paymentUrl: string, returnBase: string, at: string) => {
      statement(`UPDATE orders SET payment_url = ?, updated_at = ? WHERE id = ?`).run(paymentUrl, at, id);
      audit(id, 'link_issued', { returnBase }, at);
      return load(id);
    }),

    pendingReturningTo(returnBase, limit) {
      // Pending orders are few (links expire), so they drive; each is checked against its own audit rows.
      return (
        statement(
          `${SELECT_ORDERS} WHERE o.status = 'pending' AND EXISTS (SELECT 1 FROM order_events e
             WHERE e.order_id = o.id AND e.kind = 'link_issued' AND e.detail ->> 'returnBase' = ?)
           ORDER BY o.id LIMIT ?`,
        ).all(returnBase, limit) as OrderRow[]
      ).map(toOrder);
    },

    failLink: inTransaction((id: number, failure: LinkFailure, at: string) => {
      statement(`UPDATE orders SET status = 'failed', failure = ?, updated_at = ? WHERE id = ? AND status = 'pending'`).run(
        JSON.stringify(failure.message),
        at,
        id,
      );
      audit(id, 'link_failed', failure, at);
      return load(id);
    }),

    recordReturn: inTransaction((tokenHash: string, transactionId: TransactionId, at: string): ReturnOutcome => {
      const row = byReturnToken.get(tokenHash);
      if (!row) {
        countRefusal.run(at, 'unknown_return_token');
        return { kind: 'unknown_token' };
      }
      const order = toOrder(row);
      const heldBy = byTransaction.get(transactionId.key)?.ref ?? null;
      const decision = decideReturn(order, transactionId.key, heldBy === order.ref ? null : heldBy);
      switch (decision.action) {
        case 'repeat':
          return { kind: 'repeat', order };
        case 'record_transaction':
          statement(
            `UPDATE orders SET transaction_id = ?, transaction_key = ?, payment_proof = 'return', updated_at = ?
             WHERE id = ? AND transaction_id IS NULL`,
          ).run(transactionId.id, transactionId.key, at, order.id);
          indexPayment(order.id);
          // Paid by hand and through the gateway: the shopkeeper may owe the customer a refund, so it is said.
          audit(order.id, 'gateway_return_after_manual_payment', { transactionId: transactionId.id }, at);
          return { kind: 'identified', order: load(order.id) };
        case 'conflict':
          auditRefusal(order.id, 'return_conflict', { offered: transactionId.id, recorded: decision.recorded }, at);
          return { kind: 'conflict', order };
        case 'duplicate_transaction':
          auditRefusal(order.id, 'duplicate_transaction', { offered: transactionId.id, heldBy: decision.otherRef }, at);
          return { kind: 'duplicate_transaction', order };
        case 'mark_paid':
          statement(
            `UPDATE orders SET status = 'paid', payment_source = 'gateway', payment_proof = 'return', transaction_id = ?,
               transaction_key = ?, paid_at = ?, verification = 'unverified', updated_at = ? WHERE id = ?`,
          ).run(transactionId.id, transactionId.key, at, at, order.id);
          indexPayment(order.id);
          // A return after the link expired or was withdrawn still means the money moved: record it, say so.
          audit(order.id, 'paid', { transactionId: transactionId.id, from: decision.from, late: decision.from !== 'pending' }, at);
          return { kind: 'paid', order: load(order.id), from: decision.from };
      }
    }),

    recordCancel: inTransaction((tokenHash: string, at: string): CancelOutcome => {
      const row = byCancelToken.get(tokenHash);
      if (!row) {
        countRefusal.run(at, 'unknown_cancel_token');
        return { kind: 'unknown_token' };
      }
      const order = toOrder(row);
      if (decideCancel(order).action === 'none') return { kind: 'unchanged', order };
      statement(`UPDATE orders SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?`).run(at, at, order.id);
      audit(order.id, 'cancelled', { by: 'customer' }, at);
      return { kind: 'cancelled', order: load(order.id) };
    }),

    auditRejectedReturn: inTransaction((tokenHash: string, reason: string, detail: Record<string, unknown>, at: string) => {
      const row = byReturnToken.get(tokenHash) ?? byCancelToken.get(tokenHash);
      if (!row) {
        countRefusal.run(at, `unknown_token_${reason}`);
        return;
      }
      const safeDetail = Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, typeof v === 'string' ? bounded(v) : v]));
      auditRefusal(row.id, 'rejected_return', { reason, ...safeDetail }, at);
    }),

    findByRef(ref) {
      const row = byRef.get(ref);
      return row ? toOrder(row) : null;
    },

    expireDue: inTransaction((at: string, limit: number) => {
      const due = db
        .prepare<[string, number], { id: number }>(
          `SELECT id FROM orders WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at LIMIT ?`,
        )
        .all(at, limit);
      const expire = statement(`UPDATE orders SET status = 'expired', updated_at = ? WHERE id = ?`);
      return due.map(({ id }) => {
        expire.run(at, id);
        audit(id, 'expired', null, at);
        return load(id);
      });
    }),

    cancelByShopkeeper: inTransaction((id: number, at: string) => {
      const changed = statement(
        `UPDATE orders SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'`,
      ).run(at, at, id);
      if (changed.changes === 0) return null;
      audit(id, 'cancelled', { by: 'shopkeeper' }, at);
      return load(id);
    }),

    markPaidManually: inTransaction((id: number, reason: string, at: string) => {
      const changed = statement(
        `UPDATE orders SET status = 'paid', payment_source = 'manual', paid_at = ?, updated_at = ?,
             verification = 'reconciled_by_hand'
           WHERE id = ? AND status IN ('pending', 'expired', 'cancelled', 'failed')`,
      ).run(at, at, id);
      if (changed.changes === 0) return null;
      audit(id, 'paid_manually', { reason }, at);
      return load(id);
    }),

    claimAtCounter: inTransaction((id: number, transactionId: TransactionId, at: string): CounterClaim => {
      const heldBy = byTransaction.get(transactionId.key)?.ref;
      if (heldBy) return { kind: 'held', ref: heldBy };
      const changed = statement(
        `UPDATE orders SET status = 'paid', payment_source = 'gateway', payment_proof = 'counter', transaction_id = ?,
           transaction_key = ?, paid_at = ?, verification = 'unverified', updated_at = ?
         WHERE id = ? AND status IN ('pending', 'expired', 'cancelled', 'failed')`,
      ).run(transactionId.id, transactionId.key, at, at, id);
      if (changed.changes === 0) return { kind: 'already_paid' };
      indexPayment(id);
      audit(id, 'claimed_at_counter', { transactionId: transactionId.id }, at);
      return { kind: 'paid', order: load(id) };
    }),

    settleStatementMatches: inTransaction((at: string) => {
      for (const sql of SETTLE_MATCHES) statement(sql).run({ at });
      return statement(COUNT_MATCHES).get() as { verified: number; mismatched: number };
    }),

    markMissingFromStatement: inTransaction((window: StatementWindow, limit: number, at: string) => {
      db.exec(`CREATE TEMP TABLE IF NOT EXISTS statement_missing (order_id INTEGER PRIMARY KEY);
        DELETE FROM temp.statement_missing;`);
      const found = statement(MISSING.pick).run({ profileId: window.profileId, from: window.from, to: window.to, limit }).changes;
      statement(MISSING.audit).run({ fileName: window.fileName, at });
      statement(MISSING.mark).run({ at });
      db.exec(`DELETE FROM temp.statement_missing`);
      return found;
    }),

    payFromStatementLine: inTransaction((orderId: number, line: StatementPayment, at: string): ClaimOutcome => {
      const before = byId.get(orderId);
      if (!before) return { kind: 'stale' };
      const heldBy = byTransaction.get(line.key)?.ref;
      if (heldBy) return { kind: 'held', ref: heldBy };
      if (!payWithLine(orderId, line, at)) return { kind: 'stale' };
      audit(orderId, 'attached_statement_line', { ...lineDetail(line), from: before.status }, at);
      return { kind: 'done', order: load(orderId) };
    }),

    createFromStatementLine: inTransaction((order: NewStatementOrder, line: StatementPayment, at: string): ClaimOutcome => {
      const heldBy = byTransaction.get(line.key)?.ref;
      if (heldBy) return { kind: 'held', ref: heldBy };
      // The sale happened when the money moved: the order is dated by the line, its audit by now.
      const id = insertPending({
        profileId: line.profileId,
        counterId: order.counterId,
        amountMinor: line.amountMinor,
        customerName: order.customerName,
        customerEmail: null,
        note: null,
        returnTokenHash: order.returnTokenHash,
        cancelTokenHash: order.cancelTokenHash,
        createdAt: line.occurredAt,
        expiresAt: line.occurredAt,
        at,
      });
      audit(id, 'created', { amountMinor: line.amountMinor, from: 'statement' }, at);
      payWithLine(id, line, at);
      audit(id, 'recorded_from_statement', lineDetail(line), at);
      return { kind: 'done', order: load(id) };
    }),

    events(orderId) {
      return eventsOf.all(orderId).map((e) => {
        if (!e.detail) return { kind: e.kind, at: e.at, detail: null, message: null };
        const { message, ...detail } = JSON.parse(e.detail) as Record<string, unknown>;
        return { kind: e.kind, at: e.at, detail, message: message === undefined ? null : recordedMessage(message, message) };
      });
    },
  };
}
