// The PostgreSQL order book's write side, and the only code of this engine that writes `orders` and `order_events`.
// Every state change and its audit row are one transaction (or part of the caller's). Several PayDesks may write
// at once, so what SQLite's single writer decides by reading first is held here by the database itself: a return,
// a cancel or a claim locks the order row it decides on, refs come from the identity sequence, and the unique index
// on transaction_key settles two orders paid with one id at once (caught in a savepoint, answered as SQLite would).
// Search needs nothing from this side: the GIN indexes over search_doc and transaction_id are kept by PostgreSQL in
// the writing transaction, so the SQLite engine's deferred transaction_search has no counterpart here.
import type pg from 'pg';
import { decideCancel, decideReturn } from '../return-decisions';
import { recordedMessage, toOrder, type OrderRow } from '../order-rows';
import {
  formatRef,
  MAX_REFUSALS_PER_ORDER,
  type CancelOutcome,
  type ClaimOutcome,
  type CounterClaim,
  type NewOrder,
  type OrdersRepo,
  type ReturnOutcome,
  type StatementPayment,
  type StoredOrder,
} from '../orders-repo';
import type { TransactionId } from '../../values/transaction-id';
import type { Executor } from './connection';
import { ORDER_COLUMNS, SELECT_ORDERS } from './order-select';
import { storableJson, storableNullable, storableText } from './storable-text';

/**
 * Where a statement import stages its matches for `settleStatementMatches`: a table of the transaction's own
 * connection, made once per connection and emptied at every commit, so imports at once never see each other's.
 */
export const STATEMENT_MATCHES_TABLE = `CREATE TEMP TABLE IF NOT EXISTS statement_matches (
  order_id bigint PRIMARY KEY, line_id bigint NOT NULL, amount_minor bigint NOT NULL, matched boolean NOT NULL
) ON COMMIT DELETE ROWS`;

/** Audit details hold what an attacker sent; keep them bounded. */
const bounded = (text: string) => (text.length > 256 ? `${text.slice(0, 256)}…` : text);

const REFUSAL_KINDS = `('rejected_return', 'return_conflict', 'duplicate_transaction')`;
const UNPAID = `('pending', 'expired', 'cancelled', 'failed')`;

/** Another writer's order took the transaction key first. */
const TAKEN = Symbol('transaction key taken');

const isKeyTaken = (error: unknown) =>
  (error as { code?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'orders_transaction_key';

export function createOrdersRepo(db: Executor): OrdersRepo {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => (await db.query<R>(sql, params)).rows;
  const first = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => (await rows<R>(sql, params))[0];
  /** Each call is one transaction, or part of the caller's when one is open. */
  const atomic = <T>(work: () => Promise<T>) => (db.inTransaction() ? work() : db.atomically(work));
  /**
   * Runs `write`, which gives an order a transaction key, in a savepoint: when another writer's order took the key
   * since it was checked, the unique index refuses the write, the savepoint is undone and the transaction goes on.
   */
  const keyed = async <T>(write: () => Promise<T>): Promise<T | typeof TAKEN> => {
    try {
      return await db.atomically(write);
    } catch (error) {
      if (isKeyTaken(error)) return TAKEN;
      throw error;
    }
  };

  const load = async (id: number) => toOrder((await first<OrderRow>(`${SELECT_ORDERS} WHERE o.id = $1`, [id]))!);
  /** Changes one order (`set` and `where` over `o`) and reads it back as changed; null when `where` did not match. */
  const update = async (id: number, set: string, where: string, params: unknown[]) => {
    const row = await first<OrderRow>(
      `UPDATE orders o SET ${set} FROM profiles p WHERE p.id = o.profile_id AND o.id = $1 ${where} RETURNING ${ORDER_COLUMNS}`,
      [id, ...params],
    );
    return row ? toOrder(row) : null;
  };
  const holderOf = async (key: string) =>
    (await first<{ ref: string }>(`SELECT ref FROM orders WHERE transaction_key = $1`, [key]))?.ref ?? null;

  const audit = async (orderId: number, kind: string, detail: Record<string, unknown> | null, at: string) => {
    await db.query(`INSERT INTO order_events (order_id, kind, detail, at) VALUES ($1, $2, $3::jsonb, $4)`, [
      orderId,
      kind,
      detail ? storableJson(detail) : null,
      at,
    ]);
  };
  /** Counted per UTC day of `at` (the SQLite engine's substr(at, 1, 10)) and reason. */
  const countRefusal = async (at: string, reason: string) => {
    await db.query(
      `INSERT INTO refused_requests (day, reason, count) VALUES (($1::timestamptz AT TIME ZONE 'UTC')::date, $2, 1)
       ON CONFLICT (day, reason) DO UPDATE SET count = refused_requests.count + 1`,
      [at, reason],
    );
  };
  /**
   * A refused return in its order's timeline while the order has room for it; otherwise only counted. The caller
   * holds the order's row lock, so two writers cannot both take the last place.
   */
  const auditRefusal = async (orderId: number, kind: string, detail: Record<string, unknown>, at: string) => {
    const kept = await db.query(
      `INSERT INTO order_events (order_id, kind, detail, at) SELECT $1::bigint, $2::text, $3::jsonb, $4::timestamptz
       WHERE (SELECT count(*) FROM (SELECT 1 FROM order_events WHERE order_id = $1 AND kind IN ${REFUSAL_KINDS} LIMIT $5) r) < $5`,
      [orderId, kind, storableJson(detail), at, MAX_REFUSALS_PER_ORDER],
    );
    if (kept.rowCount === 0) await countRefusal(at, `${kind}_over_cap`);
  };

  /** Inserts a pending order under the ref of its id, taken from the sequence so two writers never share one. */
  const insertPending = async (
    order: Omit<NewOrder, 'customerName' | 'customerEmail' | 'note'> & {
      customerName: string | null;
      customerEmail: string | null;
      note: string | null;
      createdAt: string;
      at: string;
    },
  ) => {
    const { id } = (await first<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('orders', 'id')) AS id`, []))!;
    await db.query(
      `INSERT INTO orders (id, ref, profile_id, counter_id, sandbox, amount_minor, currency, customer_name, customer_email, note,
         status, return_token_hash, cancel_token_hash, created_at, updated_at, expires_at)
       VALUES ($1, $2, $3, $13, (SELECT mode = 'sandbox' FROM profiles WHERE id = $3), $4, 'BDT', $5, $6, $7, 'pending', $8, $9, $10, $11, $12)`,
      [
        id,
        formatRef(id),
        order.profileId,
        order.amountMinor,
        storableNullable(order.customerName),
        storableNullable(order.customerEmail),
        storableNullable(order.note),
        order.returnTokenHash,
        order.cancelTokenHash,
        order.createdAt,
        order.at,
        order.expiresAt,
        order.counterId,
      ],
    );
    return id;
  };

  /** Pays an unpaid order with the line's payment, dated when the money moved; false when it was not unpaid. */
  const payWithLine = async (orderId: number, line: StatementPayment, at: string) => {
    const paid = await db.query(
      `UPDATE orders SET status = 'paid', payment_source = 'gateway', payment_proof = 'statement', transaction_id = $2,
         transaction_key = $3, paid_at = $4, verification = 'reconciled_by_hand', statement_amount_minor = NULL, updated_at = $5
       WHERE id = $1 AND status IN ${UNPAID} AND transaction_id IS NULL`,
      [orderId, line.transactionId, line.key, line.occurredAt, at],
    );
    return paid.rowCount! > 0;
  };
  const lineDetail = (line: StatementPayment) => ({
    statement: line.fileName,
    line: line.line,
    transactionId: line.transactionId,
    statementAmountMinor: line.amountMinor,
  });

  /** What a return does to `order` (its row locked) when the order `heldBy` holds the offered id, as SQLite decides it. */
  const settleReturn = async (
    order: StoredOrder,
    transactionId: TransactionId,
    at: string,
    heldBy: string | null,
  ): Promise<ReturnOutcome> => {
    const decision = decideReturn(order, transactionId.key, heldBy === order.ref ? null : heldBy);
    // Decided again with the order that took the key meanwhile: a duplicate, which writes no key.
    const taken = async () => settleReturn(order, transactionId, at, await holderOf(transactionId.key));
    switch (decision.action) {
      case 'repeat':
        return { kind: 'repeat', order };
      case 'record_transaction': {
        const identified = await keyed(async () => {
          const changed = await update(
            order.id,
            `transaction_id = $2, transaction_key = $3, payment_proof = 'return', updated_at = $4`,
            `AND o.transaction_id IS NULL`,
            [transactionId.id, transactionId.key, at],
          );
          // Paid by hand and through the gateway: the shopkeeper may owe the customer a refund, so it is said.
          await audit(order.id, 'gateway_return_after_manual_payment', { transactionId: transactionId.id }, at);
          return changed ?? (await load(order.id));
        });
        return identified === TAKEN ? taken() : { kind: 'identified', order: identified };
      }
      case 'conflict':
        await auditRefusal(order.id, 'return_conflict', { offered: transactionId.id, recorded: decision.recorded }, at);
        return { kind: 'conflict', order };
      case 'duplicate_transaction':
        await auditRefusal(order.id, 'duplicate_transaction', { offered: transactionId.id, heldBy: decision.otherRef }, at);
        return { kind: 'duplicate_transaction', order };
      case 'mark_paid': {
        const paid = await keyed(async () => {
          const changed = await update(
            order.id,
            `status = 'paid', payment_source = 'gateway', payment_proof = 'return', transaction_id = $2, transaction_key = $3,
             paid_at = $4, verification = 'unverified', updated_at = $4`,
            '',
            [transactionId.id, transactionId.key, at],
          );
          // A return after the link expired or was withdrawn still means the money moved: record it, say so.
          await audit(order.id, 'paid', { transactionId: transactionId.id, from: decision.from, late: decision.from !== 'pending' }, at);
          return changed!;
        });
        return paid === TAKEN ? taken() : { kind: 'paid', order: paid, from: decision.from };
      }
    }
  };

  return {
    // Payments recorded in it are searchable once it commits: the GIN indexes are written with the rows.
    atomically: (work) => db.atomically(work),

    createPending: (order, at) =>
      atomic(async () => {
        const id = await insertPending({
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
        await audit(id, 'created', { amountMinor: order.amountMinor }, at);
        return load(id);
      }),

    issueLink: (id, paymentUrl, returnBase, at) =>
      atomic(async () => {
        const changed = await update(id, `payment_url = $2, updated_at = $3`, '', [storableText(paymentUrl), at]);
        await audit(id, 'link_issued', { returnBase }, at);
        return changed!;
      }),

    async pendingReturningTo(returnBase, limit) {
      // Pending orders are few (links expire), so they drive; each is checked against its own audit rows.
      const found = await rows<OrderRow>(
        `${SELECT_ORDERS} WHERE o.status = 'pending' AND EXISTS (SELECT 1 FROM order_events e
           WHERE e.order_id = o.id AND e.kind = 'link_issued' AND e.detail ->> 'returnBase' = $1)
         ORDER BY o.id LIMIT $2`,
        [returnBase, limit],
      );
      return found.map(toOrder);
    },

    failLink: (id, failure, at) =>
      atomic(async () => {
        await db.query(`UPDATE orders SET status = 'failed', failure = $2, updated_at = $3 WHERE id = $1 AND status = 'pending'`, [
          id,
          storableJson(failure.message),
          at,
        ]);
        await audit(id, 'link_failed', failure, at);
        return load(id);
      }),

    recordReturn: (tokenHash, transactionId, at) =>
      atomic(async (): Promise<ReturnOutcome> => {
        // The holder is read with the lock, in one round trip: when the lock was waited for, it is as of before the
        // wait, and an order that took the key since is caught by the unique index (keyed) all the same.
        const row = await first<OrderRow & { held_by: string | null }>(
          `SELECT ${ORDER_COLUMNS}, (SELECT ref FROM orders h WHERE h.transaction_key = $2) AS held_by
           FROM orders o JOIN profiles p ON p.id = o.profile_id WHERE o.return_token_hash = $1 FOR UPDATE OF o`,
          [tokenHash, transactionId.key],
        );
        if (!row) {
          await countRefusal(at, 'unknown_return_token');
          return { kind: 'unknown_token' };
        }
        return settleReturn(toOrder(row), transactionId, at, row.held_by);
      }),

    recordCancel: (tokenHash, at) =>
      atomic(async (): Promise<CancelOutcome> => {
        // Locked until the transaction ends, so a return and a cancel at once decide on the order in turn.
        const row = await first<OrderRow>(`${SELECT_ORDERS} WHERE o.cancel_token_hash = $1 FOR UPDATE OF o`, [tokenHash]);
        const order = row ? toOrder(row) : null;
        if (!order) {
          await countRefusal(at, 'unknown_cancel_token');
          return { kind: 'unknown_token' };
        }
        if (decideCancel(order).action === 'none') return { kind: 'unchanged', order };
        const cancelled = await update(order.id, `status = 'cancelled', cancelled_at = $2, updated_at = $2`, '', [at]);
        await audit(order.id, 'cancelled', { by: 'customer' }, at);
        return { kind: 'cancelled', order: cancelled! };
      }),

    auditRejectedReturn: (tokenHash, reason, detail, at) =>
      atomic(async () => {
        const row = await first<{ id: number }>(
          `SELECT id FROM orders WHERE return_token_hash = $1 OR cancel_token_hash = $1 LIMIT 1 FOR UPDATE`,
          [tokenHash],
        );
        if (!row) {
          await countRefusal(at, `unknown_token_${reason}`);
          return;
        }
        const safeDetail = Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, typeof v === 'string' ? bounded(v) : v]));
        await auditRefusal(row.id, 'rejected_return', { reason, ...safeDetail }, at);
      }),

    async findByRef(ref) {
      const row = await first<OrderRow>(`${SELECT_ORDERS} WHERE o.ref = $1`, [ref]);
      return row ? toOrder(row) : null;
    },

    expireDue: (at, limit) =>
      atomic(async () => {
        // Links another writer is deciding on right now are left to the next round rather than waited for.
        const due = await rows<{ id: number }>(
          `SELECT id FROM orders WHERE status = 'pending' AND expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [at, limit],
        );
        const expired: StoredOrder[] = [];
        for (const { id } of due) {
          expired.push((await update(id, `status = 'expired', updated_at = $2`, '', [at]))!);
          await audit(id, 'expired', null, at);
        }
        return expired;
      }),

    cancelByShopkeeper: (id, at) =>
      atomic(async () => {
        const cancelled = await update(id, `status = 'cancelled', cancelled_at = $2, updated_at = $2`, `AND o.status = 'pending'`, [at]);
        if (cancelled) await audit(id, 'cancelled', { by: 'shopkeeper' }, at);
        return cancelled;
      }),

    markPaidManually: (id, reason, at) =>
      atomic(async () => {
        const paid = await update(
          id,
          `status = 'paid', payment_source = 'manual', paid_at = $2, updated_at = $2, verification = 'reconciled_by_hand'`,
          `AND o.status IN ${UNPAID}`,
          [at],
        );
        if (paid) await audit(id, 'paid_manually', { reason }, at);
        return paid;
      }),

    claimAtCounter: (id, transactionId, at) =>
      atomic(async (): Promise<CounterClaim> => {
        // Locked first, so a claim waiting on another for this order then finds the id held, as SQLite would say.
        await db.query(`SELECT 1 FROM orders WHERE id = $1 FOR UPDATE`, [id]);
        const heldBy = await holderOf(transactionId.key);
        if (heldBy) return { kind: 'held', ref: heldBy };
        const claimed = await keyed(async () => {
          const paid = await update(
            id,
            `status = 'paid', payment_source = 'gateway', payment_proof = 'counter', transaction_id = $2, transaction_key = $3,
             paid_at = $4, verification = 'unverified', updated_at = $4`,
            `AND o.status IN ${UNPAID}`,
            [transactionId.id, transactionId.key, at],
          );
          if (paid) await audit(id, 'claimed_at_counter', { transactionId: transactionId.id }, at);
          return paid;
        });
        if (claimed === TAKEN) return { kind: 'held', ref: (await holderOf(transactionId.key))! };
        return claimed ? { kind: 'paid', order: claimed } : { kind: 'already_paid' };
      }),

    settleStatementMatches: (at) =>
      atomic(async () => {
        // The staged rows are taken out as they are settled, so a second settle in one transaction finds none.
        const counts = await first<{ verified: number; mismatched: number }>(
          `WITH m AS (DELETE FROM statement_matches RETURNING order_id, line_id, amount_minor, matched),
           audited AS (
             INSERT INTO order_events (order_id, kind, detail, at)
             SELECT m.order_id, CASE WHEN m.matched THEN 'verified' ELSE 'amount_mismatch' END,
               jsonb_build_object('statement', s.file_name, 'line', l.line_no, 'transactionId', l.transaction_id,
                 'statementAmountMinor', l.amount_minor, 'orderAmountMinor', o.amount_minor), $1::timestamptz
             FROM m JOIN orders o ON o.id = m.order_id JOIN statement_lines l ON l.id = m.line_id
               JOIN statements s ON s.id = l.statement_id
             ORDER BY m.order_id),
           settled AS (
             UPDATE orders SET verification = CASE WHEN m.matched THEN 'verified' ELSE 'amount_mismatch' END,
               statement_amount_minor = CASE WHEN m.matched THEN NULL ELSE m.amount_minor END, updated_at = $1
             FROM m WHERE orders.id = m.order_id)
           SELECT count(*) FILTER (WHERE matched) AS verified, count(*) FILTER (WHERE NOT matched) AS mismatched FROM m`,
          [at],
        );
        return counts!;
      }),

    markMissingFromStatement: (window, limit, at) =>
      atomic(async () => {
        // Verified meanwhile by another writer's import: the outer condition is checked again on the row it waited for.
        const marked = await db.query(
          `WITH marked AS (
             UPDATE orders SET verification = 'missing', updated_at = $5
             WHERE id IN (SELECT id FROM orders
                          WHERE profile_id = $1 AND verification = 'unverified' AND paid_at BETWEEN $2 AND $3 LIMIT $4)
               AND verification = 'unverified'
             RETURNING id, transaction_id)
           INSERT INTO order_events (order_id, kind, detail, at)
           SELECT id, 'missing_from_statement', jsonb_build_object('statement', $6::text, 'transactionId', transaction_id), $5::timestamptz
           FROM marked ORDER BY id`,
          [window.profileId, window.from, window.to, limit, at, storableText(window.fileName)],
        );
        return marked.rowCount!;
      }),

    payFromStatementLine: (orderId, line, at) =>
      atomic(async (): Promise<ClaimOutcome> => {
        const before = await first<{ status: string }>(`SELECT status FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
        if (!before) return { kind: 'stale' };
        const heldBy = await holderOf(line.key);
        if (heldBy) return { kind: 'held', ref: heldBy };
        const paid = await keyed(async () => {
          if (!(await payWithLine(orderId, line, at))) return false;
          await audit(orderId, 'attached_statement_line', { ...lineDetail(line), from: before.status }, at);
          return true;
        });
        if (paid === TAKEN) return { kind: 'held', ref: (await holderOf(line.key))! };
        return paid ? { kind: 'done', order: await load(orderId) } : { kind: 'stale' };
      }),

    createFromStatementLine: (order, line, at) =>
      atomic(async (): Promise<ClaimOutcome> => {
        const heldBy = await holderOf(line.key);
        if (heldBy) return { kind: 'held', ref: heldBy };
        // Made and paid in one savepoint: when another order takes the id meanwhile, no unpaid order is left behind.
        const id = await keyed(async () => {
          // The sale happened when the money moved: the order is dated by the line, its audit by now.
          const made = await insertPending({
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
          await audit(made, 'created', { amountMinor: line.amountMinor, from: 'statement' }, at);
          await payWithLine(made, line, at);
          await audit(made, 'recorded_from_statement', lineDetail(line), at);
          return made;
        });
        if (id === TAKEN) return { kind: 'held', ref: (await holderOf(line.key))! };
        return { kind: 'done', order: await load(id) };
      }),

    async events(orderId) {
      // jsonb comes back parsed.
      const found = await rows<{ kind: string; detail: Record<string, unknown> | null; at: string }>(
        `SELECT kind, detail, at FROM order_events WHERE order_id = $1 ORDER BY id`,
        [orderId],
      );
      return found.map((e) => {
        if (!e.detail) return { kind: e.kind, at: e.at, detail: null, message: null };
        const { message, ...detail } = e.detail;
        return { kind: e.kind, at: e.at, detail, message: message === undefined ? null : recordedMessage(message, message) };
      });
    },
  };
}
