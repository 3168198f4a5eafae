// Imported statements and their lines on PostgreSQL, and what they prove about orders: the SQLite engine's import
// in this engine's terms. An import is a run of short transactions with the event loop turning between them, so
// neither this process's return listener nor another counter's returns wait long on the orders a chunk settles: a
// chunk of lines goes in with one statement, each new line meeting the paid order holding its transaction ID; once
// every line is in, lines still unclaimed meet orders paid since (a late return, or one that came during the import),
// and paid orders within the statement's time that no statement shows become missing, a chunk at a time. The orders
// repository changes the orders, with their audit rows, inside each of these transactions, from the matches staged
// in the transaction connection's statement_matches; this one writes only statements and their lines. Stopped
// anywhere, the book holds whole chunks, and importing the same file again completes it: a line already in changes
// nothing (the unique (profile_id, transaction_key) decides, whichever counter imports it).
import type pg from 'pg';
import { say } from '../../../../shared/messages/say';
import type { ClaimOutcome, NewStatementOrder, OrdersRepo } from '../orders-repo';
import type { RejectedLine, StatementLineInput, StatementsRepo } from '../statements-repo';
import { SELECT_LINES, toLine, type LineRow } from '../statement-line-rows';
import type { Executor } from './connection';
import { STATEMENT_MATCHES_TABLE } from './orders-repo';
import { storableJson, storableText } from './storable-text';

/**
 * About how long one of an import's transactions holds the rows it settles. Each is sized from the pace of the one
 * before: a line costs more against a million orders than on a small book, and servers differ.
 */
const CHUNK_MS = 50;
const CHUNK_SIZES = { first: 200, least: 50, most: 20_000 };

/** Where the scan of unclaimed lines has got to: past this line, in the index's (time, id) order. */
type LateCursor = { occurredAt: string; id: number };

// A chunk's lines arrive as one JSON array of arrays (read by PostgreSQL itself) and go into statement_lines in
// file order, each already carrying its order: a line is written once, never revisited. The new lines that met an
// order are staged for the orders repository in the same statement. Each line's order is found by its key alone
// (the unique index) and judged after: a planner short of statistics (a book just copied in) cannot then trade
// that index for a scan of the profile's paid orders.
const INSERT_LINES = `
  WITH i AS (
    SELECT (v ->> 0)::int AS line_no, v ->> 1 AS transaction_key, v ->> 2 AS transaction_id, (v ->> 3)::bigint AS amount_minor,
      (v ->> 4)::timestamptz AS occurred_at, v ->> 5 AS sender, v ->> 6 AS reference, v ->> 7 AS raw, n
    FROM json_array_elements($3::json) WITH ORDINALITY AS e(v, n)),
  matched AS (
    SELECT i.*, CASE WHEN o.profile_id = $2 AND o.status = 'paid' THEN o.id END AS order_id
    FROM i LEFT JOIN orders o ON o.transaction_key = i.transaction_key),
  inserted AS (
    INSERT INTO statement_lines (statement_id, profile_id, line_no, transaction_key, transaction_id, amount_minor,
      occurred_at, sender, reference, raw, order_id, resolved_by, resolved_at)
    SELECT $1::bigint, $2::bigint, line_no, transaction_key, transaction_id, amount_minor, occurred_at, sender, reference, raw,
      order_id, CASE WHEN order_id IS NULL THEN NULL ELSE 'match' END, CASE WHEN order_id IS NULL THEN NULL ELSE $4::timestamptz END
    FROM matched ORDER BY n
    ON CONFLICT (profile_id, transaction_key) DO NOTHING
    RETURNING id, order_id, amount_minor),
  staged AS (
    INSERT INTO statement_matches (order_id, line_id, amount_minor, matched)
    SELECT l.order_id, l.id, l.amount_minor, o.amount_minor = l.amount_minor FROM inserted l JOIN orders o ON o.id = l.order_id)
  SELECT count(*) AS imported, min(id) AS first_id, max(id) AS last_id FROM inserted`;

// Lines still unclaimed whose order has been paid since: the profile's unclaimed lines are scanned a chunk at a
// time in their index's order; those claimed here (not by another writer meanwhile) are staged. As above, the
// orders are found by key (MATERIALIZED keeps the profile and status out of that lookup).
const MATCH_LATE = `
  WITH c AS (
    SELECT id, occurred_at, transaction_key, amount_minor FROM statement_lines
    WHERE profile_id = $1 AND order_id IS NULL AND (occurred_at, id) > ($2::timestamptz, $3::bigint)
    ORDER BY occurred_at, id LIMIT $4),
  found AS MATERIALIZED (
    SELECT o.id AS order_id, o.profile_id, o.status, o.amount_minor AS order_amount, c.id AS line_id, c.amount_minor
    FROM c JOIN orders o ON o.transaction_key = c.transaction_key),
  claimed AS (
    UPDATE statement_lines l SET order_id = f.order_id, resolved_by = 'match', resolved_at = $5
    FROM found f WHERE l.id = f.line_id AND l.order_id IS NULL AND f.profile_id = $1 AND f.status = 'paid'
    RETURNING f.order_id, f.line_id, f.amount_minor, f.order_amount = f.amount_minor AS matched),
  staged AS (INSERT INTO statement_matches (order_id, line_id, amount_minor, matched) SELECT * FROM claimed)
  SELECT occurred_at, id, count(*) OVER () AS scanned FROM c ORDER BY occurred_at DESC, id DESC LIMIT 1`;

/**
 * Lets the event loop run what came meanwhile. Twice: a return that arrived during a chunk queues its own
 * setImmediate only after this one was queued, so one turn would run the next chunk before it.
 */
const turnEventLoop = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Runs `step` (one transaction over at most `size` items, true while more remain) until it is done, letting the
 * event loop turn before each, each sized to take about CHUNK_MS at the pace of the one before.
 */
async function inChunks(step: (size: number) => Promise<boolean>): Promise<void> {
  let size = CHUNK_SIZES.first;
  for (let more = true; more;) {
    await turnEventLoop();
    const started = performance.now();
    more = await step(size);
    const fitting = (size * CHUNK_MS) / Math.max(performance.now() - started, 1);
    size = Math.round(Math.min(CHUNK_SIZES.most, Math.max(CHUNK_SIZES.least, (size + fitting) / 2)));
  }
}

export function createStatementsRepo(db: Executor, orders: OrdersRepo): StatementsRepo {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => (await db.query<R>(sql, params)).rows;
  const first = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => (await rows<R>(sql, params))[0];
  /** Each call is one transaction, or part of the caller's when one is open. */
  const atomic = <T>(work: () => Promise<T>) => (db.inTransaction() ? work() : db.atomically(work));

  /** One chunk: its lines in (each with its order, if paid), their matches settled, and its rejected lines kept. */
  const importChunk = (statementId: number, profileId: number, lines: StatementLineInput[], parseRejected: RejectedLine[], at: string) =>
    atomic(async () => {
      await db.query(STATEMENT_MATCHES_TABLE);
      // A line imported before is known: the same amount changes nothing; another amount is reported, not taken.
      const knownAmounts = new Map(
        (
          await rows<{ transaction_key: string; amount_minor: number }>(
            `SELECT transaction_key, amount_minor FROM statement_lines WHERE profile_id = $1 AND transaction_key = ANY($2::text[])`,
            [profileId, lines.map((l) => l.key)],
          )
        ).map((known) => [known.transaction_key, known.amount_minor]),
      );
      const rejected = [...parseRejected];
      let alreadyKnown = 0;
      for (const line of lines) {
        const knownAmount = knownAmounts.get(line.key);
        if (knownAmount === undefined) continue;
        if (line.amountMinor === knownAmount) alreadyKnown++;
        else {
          rejected.push({
            line: line.line,
            text: line.raw,
            reason: say('line_imported_before_other_amount', { transactionId: line.transactionId, amountMinor: knownAmount }),
          });
        }
      }
      rejected.sort((a, b) => a.line - b.line);
      if (rejected.length > 0) {
        // The reason is kept as its message (JSON of code and params), so it reads in any language later.
        await db.query(
          `INSERT INTO statement_rejects (statement_id, line_no, raw, reason)
           SELECT $1::bigint, (v ->> 0)::int, v ->> 1, v ->> 2 FROM json_array_elements($2::json) WITH ORDINALITY AS e(v, n) ORDER BY n`,
          [statementId, storableJson(rejected.map((r) => [r.line, r.text, JSON.stringify(r.reason)]))],
        );
      }
      const staged = lines.map((l) => [l.line, l.key, l.transactionId, l.amountMinor, l.occurredAt, l.sender, l.reference, l.raw]);
      const inserted = (await first<{ imported: number; first_id: number | null; last_id: number | null }>(INSERT_LINES, [
        statementId,
        profileId,
        storableJson(staged),
        at,
      ]))!;
      const { verified, mismatched } = await orders.settleStatementMatches(at);
      // The statement's row always counts what is in, so an import stopped midway says how far it got.
      await db.query(`UPDATE statements SET imported = imported + $1, rejected = rejected + $2 WHERE id = $3`, [
        inserted.imported,
        rejected.length,
        statementId,
      ]);
      return {
        imported: inserted.imported,
        alreadyKnown,
        rejected,
        verified,
        mismatched,
        firstId: inserted.first_id,
        lastId: inserted.last_id,
      };
    });

  /** The next chunk of unclaimed lines after `cursor` meets the orders paid since; null past the last line. */
  const matchLate = (profileId: number, cursor: LateCursor, size: number, at: string) =>
    atomic(async () => {
      await db.query(STATEMENT_MATCHES_TABLE);
      const end = await first<{ occurred_at: string; id: number; scanned: number }>(MATCH_LATE, [
        profileId,
        cursor.occurredAt,
        cursor.id,
        size,
        at,
      ]);
      const counts = await orders.settleStatementMatches(at);
      return { ...counts, next: end && end.scanned === size ? { occurredAt: end.occurred_at, id: end.id } : null };
    });

  const lineById = async (id: number, lock = '') => first<LineRow>(`${SELECT_LINES} WHERE l.id = $1 ${lock}`, [id]);
  const claimLine = (lineId: number, orderId: number, by: 'attached' | 'recorded', at: string) =>
    db.query(`UPDATE statement_lines SET order_id = $1, resolved_by = $2, resolved_at = $3 WHERE id = $4 AND order_id IS NULL`, [
      orderId,
      by,
      at,
      lineId,
    ]);

  return {
    async importStatement(input, at) {
      const { profileId, fileName, lines } = input;
      let coversFrom: string | null = null;
      let coversTo: string | null = null;
      for (const line of lines) {
        if (coversFrom === null || line.occurredAt < coversFrom) coversFrom = line.occurredAt;
        if (coversTo === null || line.occurredAt > coversTo) coversTo = line.occurredAt;
      }
      const { id: statementId } = (await first<{ id: number }>(
        `INSERT INTO statements (profile_id, file_name, imported_at, lines, imported, rejected, mapping)
         VALUES ($1, $2, $3, $4, 0, 0, $5::jsonb) RETURNING id`,
        [profileId, storableText(fileName), at, input.rows, storableJson(input.mapping)],
      ))!;
      // The ids this import's lines took (another counter's import may take ids in between: the statement tells).
      let firstId: number | null = null;
      let lastId: number | null = null;
      let imported = 0;
      let alreadyKnown = 0;
      let verified = 0;
      let mismatched = 0;
      const rejected: RejectedLine[] = [];
      let from = 0;
      await inChunks(async (size) => {
        const chunk = await importChunk(
          statementId,
          profileId,
          lines.slice(from, from + size),
          input.rejected.slice(from, from + size),
          at,
        );
        imported += chunk.imported;
        alreadyKnown += chunk.alreadyKnown;
        verified += chunk.verified;
        mismatched += chunk.mismatched;
        rejected.push(...chunk.rejected);
        firstId ??= chunk.firstId;
        lastId = chunk.lastId ?? lastId;
        from += size;
        return from < Math.max(lines.length, input.rejected.length);
      });
      let cursor: LateCursor = { occurredAt: '-infinity', id: 0 };
      await inChunks(async (size) => {
        const late = await matchLate(profileId, cursor, size, at);
        verified += late.verified;
        mismatched += late.mismatched;
        if (late.next) cursor = late.next;
        return late.next !== null;
      });
      let missing = 0;
      if (coversFrom && coversTo) {
        const window = { profileId, from: coversFrom, to: coversTo, fileName };
        await inChunks(async (size) => {
          const found = await orders.markMissingFromStatement(window, size, at);
          missing += found;
          return found === size;
        });
      }
      // The window marks the statement complete: every line in and every order it covers settled.
      await db.query(`UPDATE statements SET covers_from = $1, covers_to = $2 WHERE id = $3`, [coversFrom, coversTo, statementId]);
      const unclaimed =
        firstId === null
          ? 0
          : (await first<{ count: number }>(
              `SELECT count(*) FROM statement_lines WHERE id BETWEEN $1 AND $2 AND statement_id = $3 AND order_id IS NULL`,
              [firstId, lastId, statementId],
            ))!.count;
      rejected.sort((a, b) => a.line - b.line);
      return {
        statementId,
        imported,
        alreadyKnown,
        rejected,
        verified,
        amountMismatch: mismatched,
        missing,
        unclaimed,
        coversFrom,
        coversTo,
      };
    },

    async line(id) {
      const row = await lineById(id);
      return row ? toLine(row) : null;
    },

    async unclaimed(profileId, limit) {
      const found = await rows<LineRow>(
        `${SELECT_LINES} WHERE l.profile_id = $1 AND l.order_id IS NULL ORDER BY l.occurred_at DESC, l.id DESC LIMIT $2`,
        [profileId, limit],
      );
      return found.map(toLine);
    },

    // The line's row is locked while it is decided on, so two counters attaching one line pay one order.
    attach: (lineId, orderId, at) =>
      atomic(async (): Promise<ClaimOutcome> => {
        const row = await lineById(lineId, 'FOR UPDATE OF l');
        if (!row || row.order_id !== null) return { kind: 'stale' };
        const outcome = await orders.payFromStatementLine(orderId, toLine(row), at);
        if (outcome.kind === 'done') await claimLine(lineId, orderId, 'attached', at);
        return outcome;
      }),

    record: (lineId: number, order: NewStatementOrder, at: string) =>
      atomic(async (): Promise<ClaimOutcome> => {
        const row = await lineById(lineId, 'FOR UPDATE OF l');
        if (!row || row.order_id !== null) return { kind: 'stale' };
        const outcome = await orders.createFromStatementLine(order, toLine(row), at);
        if (outcome.kind === 'done') await claimLine(lineId, outcome.order.id, 'recorded', at);
        return outcome;
      }),
  };
}
