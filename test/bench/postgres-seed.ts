// The benchmarks' PostgreSQL order book: the same orders as the SQLite bench book (seed-orders.ts), copied into a
// freshly migrated PostgreSQL database, so both engines' figures are of one book. Orders go in by COPY with the
// secondary indexes dropped and the counter trigger off, then the indexes are built again and the per-day counters
// counted from the orders once, as the trigger would have kept them (a million orders in well under two minutes,
// where a million trigger calls and index updates take several).
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from '../../electron/core/storage/postgres/connection';

const COLUMNS = [
  'id',
  'ref',
  'profile_id',
  'sandbox',
  'amount_minor',
  'currency',
  'customer_name',
  'customer_email',
  'note',
  'status',
  'payment_source',
  'payment_proof',
  'return_token_hash',
  'cancel_token_hash',
  'payment_url',
  'transaction_id',
  'transaction_key',
  'failure',
  'created_at',
  'updated_at',
  'expires_at',
  'paid_at',
  'cancelled_at',
  'verification',
  'statement_amount_minor',
] as const;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value in COPY's text format. */
const copyText = (value: unknown) => (value === null ? '\\N' : String(value).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!));

/** Lines of COPY text, a few thousand orders at a time, read from the SQLite book in id order. */
function* copyLines(sqlite: Database.Database): Generator<string> {
  const rows = sqlite
    .prepare(`SELECT ${COLUMNS.join(', ')} FROM orders ORDER BY id`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  const sandbox = COLUMNS.indexOf('sandbox');
  let lines: string[] = [];
  for (const row of rows) {
    row[sandbox] = row[sandbox] ? 't' : 'f';
    lines.push(row.map(copyText).join('\t'));
    if (lines.length === 5000) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}

/** Copies the profiles and orders of the SQLite book in `sqliteFile` into the empty, migrated book `db`. */
export async function copyBenchBook(
  db: Executor,
  sqliteFile: string,
  log: (line: string) => void = () => {},
): Promise<{ seconds: number }> {
  const began = performance.now();
  const elapsed = () => `${((performance.now() - began) / 1000).toFixed(1)} s`;
  const sqlite = new Database(sqliteFile, { readonly: true });
  try {
    for (const p of sqlite.prepare('SELECT * FROM profiles').all() as Array<Record<string, unknown>>) {
      await db.query(
        `INSERT INTO profiles (id, name, mode, base_url, listen_host, listen_port, return_base_url, created_at, removed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [p.id, p.name, p.mode, p.base_url, p.listen_host, p.listen_port, p.return_base_url, p.created_at, p.removed_at],
      );
    }
    // Indexes not behind a constraint are dropped for the load and built again after it.
    const indexes = await db.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
       WHERE i.indrelid = 'orders'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    );
    for (const index of indexes.rows) await db.query(`DROP INDEX ${index.name}`);
    await db.query('ALTER TABLE orders DISABLE TRIGGER orders_counted_insert');
    const client = await db.connect();
    try {
      await pipeline(copyLines(sqlite), client.query(copyFrom(`COPY orders (${COLUMNS.join(', ')}) FROM STDIN`)));
    } finally {
      client.release();
    }
    log(
      `copied ${(sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n.toLocaleString('en')} orders (${elapsed()})`,
    );
    for (const index of indexes.rows) await db.query(index.definition);
    log(`built ${indexes.rows.length} indexes (${elapsed()})`);
    await db.query('ALTER TABLE orders ENABLE TRIGGER orders_counted_insert');
    const zone = `(SELECT time_zone FROM book)`;
    await db.query(
      `INSERT INTO order_counts SELECT profile_id, (created_at AT TIME ZONE ${zone})::date, status, count(*), sum(amount_minor)
       FROM orders GROUP BY 1, 2, 3`,
    );
    await db.query(
      `INSERT INTO paid_days SELECT profile_id, (paid_at AT TIME ZONE ${zone})::date, count(*), sum(amount_minor)
       FROM orders WHERE status = 'paid' GROUP BY 1, 2`,
    );
    await db.query(
      `INSERT INTO verification_counts SELECT profile_id, (created_at AT TIME ZONE ${zone})::date, verification, count(*), sum(amount_minor)
       FROM orders WHERE verification IS NOT NULL GROUP BY 1, 2, 3`,
    );
    for (const table of ['profiles', 'orders']) {
      await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    await db.query('VACUUM ANALYZE orders');
    log(`counted the per-day counters and analysed (${elapsed()})`);
    return { seconds: (performance.now() - began) / 1000 };
  } finally {
    sqlite.close();
  }
}
