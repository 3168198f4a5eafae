// Imported statements and their lines, and what they prove about orders. An import is a run of short IMMEDIATE
// transactions of set-based statements with the event loop turning between them, so the return listener, on the
// same thread, keeps answering customers while a hundred thousand lines go in: a chunk of lines at a time is
// written once per transaction ID and profile, each new line meeting the paid order holding its transaction ID;
// once every line is in, lines still unclaimed meet orders paid since (a late return, or one that came during the
// import), and paid orders within the statement's time that no statement shows become missing, a chunk at a time.
// The orders repository changes the orders, with their audit rows, inside each of these transactions; this one
// writes only statements and their lines. Stopped anywhere (a crash, a refused write), the book holds whole chunks,
// and importing the same file again completes it: a line already in changes nothing.
import { say } from '../../../../shared/messages/say';
import type { ClaimOutcome, NewStatementOrder } from '../orders-repo';
import type { RejectedLine, StatementImport, StatementLineInput, StatementsRepo } from '../statements-repo';
import { SELECT_LINES, toLine, type LineRow } from '../statement-line-rows';
import type { SqliteConnection } from './connection';
import type { OrderWrites } from './orders-repo';

/**
 * About how long one of an import's transactions holds the main thread. Each is sized from the pace of the one
 * before: a line costs several times more against a million orders than on a small book, and machines differ.
 */
const CHUNK_MS = 15;
export const CHUNK_SIZES = { first: 200, least: 50, most: 20_000 };

/** Where the scan of unclaimed lines has got to: past this line, in the index's (time, id) order. */
type LateCursor = { occurredAt: string; id: number };

/**
 * Lets the event loop run what came meanwhile. Twice: a return that arrived during a chunk queues its own
 * setImmediate only after this one was queued, so one turn would run the next chunk before it.
 */
const turnEventLoop = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Runs `step` (one transaction over at most `size` items, true while more remain) on the connection until it is
 * done, letting the event loop turn before each, each sized to take about CHUNK_MS at the pace of the one before
 * (timed as it runs, not while it waited for the connection).
 */
async function inChunks(run: SqliteConnection['run'], step: (size: number) => boolean): Promise<void> {
  let size = CHUNK_SIZES.first;
  for (let more = true; more;) {
    await turnEventLoop();
    const chunk = await run(() => {
      const started = performance.now();
      return { more: step(size), ms: performance.now() - started };
    });
    more = chunk.more;
    const fitting = (size * CHUNK_MS) / Math.max(chunk.ms, 1);
    size = Math.round(Math.min(CHUNK_SIZES.most, Math.max(CHUNK_SIZES.least, (size + fitting) / 2)));
  }
}

/** `orders` are the orders repository's steps on the same connection: a chunk's orders change in its transaction. */
export function createStatementsRepo(connection: SqliteConnection, orders: OrderWrites): StatementsRepo {
  const { db, run } = connection;
  const insertStatement = db.prepare(
    `INSERT INTO statements (profile_id, file_name, imported_at, lines, imported, rejected, mapping)
     VALUES (?, ?, ?, ?, 0, 0, ?)`,
  );
  // The statement's row always counts what is in, so an import stopped midway says how far it got.
  const countInStatement = db.prepare(`UPDATE statements SET imported = imported + ?, rejected = rejected + ? WHERE id = ?`);
  const finishStatement = db.prepare(`UPDATE statements SET covers_from = ?, covers_to = ? WHERE id = ?`);
  // The reason is kept as its message (JSON of code and params), so it reads in any language later.
  const insertReject = db.prepare(`INSERT INTO statement_rejects (statement_id, line_no, raw, reason) VALUES (?, ?, ?, ?)`);

  // A chunk's lines are staged in one statement (a JSON array read by SQLite itself) and go into statement_lines
  // in another, each already carrying its order: a line is written once, never revisited. The TEMP tables hold
  // only what one transaction works on, so imports running at once never see each other's.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS statement_import (
    line_no INTEGER NOT NULL, transaction_key TEXT NOT NULL, transaction_id TEXT NOT NULL, amount_minor INTEGER NOT NULL,
    occurred_at TEXT NOT NULL, sender TEXT, reference TEXT, raw TEXT NOT NULL)`);
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS statement_matches (
    order_id INTEGER PRIMARY KEY, line_id INTEGER NOT NULL, amount_minor INTEGER NOT NULL, matched INTEGER NOT NULL)`);
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS statement_scan (
    line_id INTEGER NOT NULL, occurred_at TEXT NOT NULL, transaction_key TEXT NOT NULL, amount_minor INTEGER NOT NULL)`);
  const clearTemp = () =>
    db.exec(`DELETE FROM temp.statement_import; DELETE FROM temp.statement_matches; DELETE FROM temp.statement_scan;`);
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
  // Lines still unclaimed whose order has been paid since (a late return, or one that came during this import for
  // a line of an earlier chunk): the profile's unclaimed lines are scanned a chunk at a time, in their index's order.
  const scanUnclaimed = db.prepare(
    `INSERT INTO temp.statement_scan (line_id, occurred_at, transaction_key, amount_minor)
     SELECT id, occurred_at, transaction_key, amount_minor FROM statement_lines
     WHERE profile_id = @profileId AND order_id IS NULL AND (occurred_at, id) > (@occurredAt, @id)
     ORDER BY occurred_at, id LIMIT @limit`,
  );
  const scanEnd = db.prepare<[], LateCursor>(
    `SELECT occurred_at AS occurredAt, line_id AS id FROM temp.statement_scan ORDER BY rowid DESC LIMIT 1`,
  );
  const lateMatches = db.prepare(
    `INSERT INTO temp.statement_matches (order_id, line_id, amount_minor, matched)
     SELECT o.id, c.line_id, c.amount_minor, o.amount_minor = c.amount_minor
     FROM temp.statement_scan c CROSS JOIN orders o ON o.transaction_key = c.transaction_key
     WHERE o.profile_id = @profileId AND o.status = 'paid'`,
  );
  // `+` (in an UPDATE … FROM) makes the TEMP table's few rows drive: knowing nothing of its size, SQLite would
  // otherwise scan every line for them.
  const claimLate = db.prepare(
    `UPDATE statement_lines SET order_id = m.order_id, resolved_by = 'match', resolved_at = @at
     FROM temp.statement_matches m WHERE statement_lines.id = +m.line_id AND statement_lines.order_id IS NULL`,
  );
  const countUnclaimed = db
    .prepare<[number, number, number], number>(
      `SELECT count(*) FROM statement_lines WHERE id BETWEEN ? AND ? AND statement_id = ? AND order_id IS NULL`,
    )
    .pluck();

  const lineById = db.prepare<[number], LineRow>(`${SELECT_LINES} WHERE l.id = ?`);
  const unclaimedLines = db.prepare<[number, number], LineRow>(
    `${SELECT_LINES} WHERE l.profile_id = ? AND l.order_id IS NULL ORDER BY l.occurred_at DESC, l.id DESC LIMIT ?`,
  );
  const claimLine = db.prepare(
    `UPDATE statement_lines SET order_id = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND order_id IS NULL`,
  );
  const transaction = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = db.transaction(fn);
    return (...args: A): R => tx.immediate(...args);
  };

  const openStatement = transaction((input: StatementImport, at: string) =>
    Number(insertStatement.run(input.profileId, input.fileName, at, input.rows, JSON.stringify(input.mapping)).lastInsertRowid),
  );

  /** One chunk: its lines in (each with its order, if paid), and its rejected lines kept. */
  const importChunk = transaction(
    (statementId: number, profileId: number, lines: StatementLineInput[], parseRejected: RejectedLine[], at: string) => {
      clearTemp();
      stage.run(
        JSON.stringify(lines.map((l) => [l.line, l.key, l.transactionId, l.amountMinor, l.occurredAt, l.sender, l.reference, l.raw])),
      );
      // A line imported before is known: the same amount changes nothing; another amount is reported, not taken.
      const rejected = [...parseRejected];
      let alreadyKnown = 0;
      for (const line of known.all(profileId)) {
        if (line.amount === line.knownAmount) alreadyKnown++;
        else {
          rejected.push({
            line: line.line,
            text: line.raw,
            reason: say('line_imported_before_other_amount', { transactionId: line.transactionId, amountMinor: line.knownAmount }),
          });
        }
      }
      rejected.sort((a, b) => a.line - b.line);
      for (const r of rejected) insertReject.run(statementId, r.line, r.text, JSON.stringify(r.reason));
      const after = lastLineId.get()!;
      const imported = insertLines.run({ statementId, profileId, at }).changes;
      newMatches.run({ after });
      const { verified, mismatched } = orders.settleStatementMatches(at);
      countInStatement.run(imported, rejected.length, statementId);
      clearTemp();
      return { imported, alreadyKnown, rejected, verified, mismatched, lastId: lastLineId.get()! };
    },
  );

  /** The next chunk of unclaimed lines after `cursor` meets the orders paid since; null past the last line. */
  const matchLate = transaction((profileId: number, cursor: LateCursor, size: number, at: string) => {
    clearTemp();
    const scanned = scanUnclaimed.run({ profileId, ...cursor, limit: size }).changes;
    const end = scanEnd.get();
    lateMatches.run({ profileId });
    claimLate.run({ at });
    const counts = orders.settleStatementMatches(at);
    clearTemp();
    return { ...counts, next: scanned === size ? end! : null };
  });

  const attach = transaction((lineId: number, orderId: number, at: string): ClaimOutcome => {
    const row = lineById.get(lineId);
    if (!row || row.order_id !== null) return { kind: 'stale' };
    const outcome = orders.payFromStatementLine(orderId, toLine(row), at);
    if (outcome.kind === 'done') claimLine.run(orderId, 'attached', at, lineId);
    return outcome;
  });

  const record = transaction((lineId: number, order: NewStatementOrder, at: string): ClaimOutcome => {
    const row = lineById.get(lineId);
    if (!row || row.order_id !== null) return { kind: 'stale' };
    const outcome = orders.createFromStatementLine(order, toLine(row), at);
    if (outcome.kind === 'done') claimLine.run(outcome.order.id, 'recorded', at, lineId);
    return outcome;
  });

  return {
    async importStatement(input, at) {
      const { profileId, fileName, lines } = input;
      let coversFrom: string | null = null;
      let coversTo: string | null = null;
      for (const line of lines) {
        if (coversFrom === null || line.occurredAt < coversFrom) coversFrom = line.occurredAt;
        if (coversTo === null || line.occurredAt > coversTo) coversTo = line.occurredAt;
      }
      const { statementId, firstId } = await run(() => ({ statementId: openStatement(input, at), firstId: lastLineId.get()! + 1 }));
      let lastId = firstId - 1;
      let imported = 0;
      let alreadyKnown = 0;
      let verified = 0;
      let mismatched = 0;
      const rejected: RejectedLine[] = [];
      let from = 0;
      await inChunks(run, (size) => {
        const chunk = importChunk(statementId, profileId, lines.slice(from, from + size), input.rejected.slice(from, from + size), at);
        imported += chunk.imported;
        alreadyKnown += chunk.alreadyKnown;
        verified += chunk.verified;
        mismatched += chunk.mismatched;
        rejected.push(...chunk.rejected);
        lastId = chunk.lastId;
        from += size;
        return from < Math.max(lines.length, input.rejected.length);
      });
      let cursor: LateCursor = { occurredAt: '', id: 0 };
      await inChunks(run, (size) => {
        const late = matchLate(profileId, cursor, size, at);
        verified += late.verified;
        mismatched += late.mismatched;
        if (late.next) cursor = late.next;
        return late.next !== null;
      });
      let missing = 0;
      if (coversFrom && coversTo) {
        const window = { profileId, from: coversFrom, to: coversTo, fileName };
        await inChunks(run, (size) => {
          const found = orders.markMissingFromStatement(window, size, at);
          missing += found;
          return found === size;
        });
      }
      // The window marks the statement complete: every line in and every order it covers settled.
      const unclaimed = await run(() => {
        finishStatement.run(coversFrom, coversTo, statementId);
        return countUnclaimed.get(firstId, lastId, statementId)!;
      });
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

    line: (id) =>
      run(() => {
        const row = lineById.get(id);
        return row ? toLine(row) : null;
      }),

    unclaimed: (profileId, limit) => run(() => unclaimedLines.all(profileId, limit).map(toLine)),

    attach: (lineId, orderId, at) => run(() => attach(lineId, orderId, at)),
    record: (lineId, order, at) => run(() => record(lineId, order, at)),
  };
}
