// Copies a SQLite order book (the file of a data folder) into a PostgreSQL one, rows and ids as they are (refs are
// made of ids), then counts both and keeps the copy only when they agree. The file is opened read-only and never
// written (not even migrated). Everything written to PostgreSQL is one transaction: refused or failed anywhere,
// nothing of it stays. Run again it adds only what is missing; a database holding other rows under the same keys
// (another shop's book, or a copy made before the file changed) is refused, as rows are compared before they count.
// The file's counters and their own settings go along; its API keys become the copying counter's (their holder), as
// only that computer's key store can read them.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { ORDER_STATUSES, type CopyReport, type Message, type OrderStatus } from '../../../shared/contract';
import type { CopyFigure } from '../../../shared/messages/en/storage';
import { say } from '../../../shared/messages/say';
import type { PostgresConnection } from './book-choice';
import { createExecutor, openPool, PATIENT_QUERY_TIMEOUT_MS, type Executor } from './postgres/connection';
import { migrate } from './postgres/migrate';
import { describePostgres, poolConfig } from './postgres/pool-config';
import { serverRefusal } from './postgres/server-refusal';
import { storableJson, storableNullable } from './postgres/storable-text';
import { SCHEMA_VERSION } from './sqlite/migrations';

/** How a column is kept: SQLite's value becomes PostgreSQL's by its kind. */
type Kind = 'int' | 'text' | 'bool' | 'json' | 'instant' | 'bytes' | 'day';

type TableName =
  | 'profiles'
  | 'settings'
  | 'counters'
  | 'counter_settings'
  | 'secrets'
  | 'orders'
  | 'order_events'
  | 'refused_requests'
  | 'statements'
  | 'statement_lines'
  | 'statement_rejects';

/**
 * `from`: where the file's rows are read, when not its table of the same name (a column PostgreSQL has and the file
 * lacks is made there). `mine`: the condition that picks this book's rows among the server's, when other counters keep
 * rows of their own in that table, so only this book's are counted against the file's.
 */
type Table = { name: TableName; key: string[]; columns: Record<string, Kind>; from?: string; mine?: string };

/** Every table PostgreSQL's schema has (its per-day counters are kept by its own triggers), referenced ones first. */
const TABLES: Table[] = [
  {
    name: 'profiles',
    key: ['id'],
    columns: {
      id: 'int',
      name: 'text',
      mode: 'text',
      base_url: 'text',
      listen_host: 'text',
      listen_port: 'int',
      return_base_url: 'text',
      created_at: 'instant',
      removed_at: 'instant',
    },
  },
  { name: 'settings', key: ['key'], columns: { key: 'text', value: 'json' } },
  { name: 'counters', key: ['id'], columns: { id: 'text', name: 'text', created_at: 'instant' } },
  { name: 'counter_settings', key: ['counter_id', 'key'], columns: { counter_id: 'text', key: 'text', value: 'json' } },
  // API keys as the ciphertext this computer's key store made: no other computer can read them, so they are the
  // copying counter's (copying_counter(), a function of the copy's own on the file's connection).
  {
    name: 'secrets',
    key: ['holder', 'profile_id'],
    columns: { holder: 'text', profile_id: 'int', ciphertext: 'bytes', backend: 'text', origin: 'text', updated_at: 'instant' },
    from: `(SELECT copying_counter() AS holder, profile_id, ciphertext, backend, origin, updated_at FROM secrets)`,
    mine: 'holder = $1',
  },
  {
    name: 'orders',
    key: ['id'],
    columns: {
      id: 'int',
      ref: 'text',
      profile_id: 'int',
      counter_id: 'text',
      sandbox: 'bool',
      amount_minor: 'int',
      currency: 'text',
      customer_name: 'text',
      customer_email: 'text',
      note: 'text',
      status: 'text',
      payment_source: 'text',
      payment_proof: 'text',
      return_token_hash: 'text',
      cancel_token_hash: 'text',
      payment_url: 'text',
      transaction_id: 'text',
      transaction_key: 'text',
      failure: 'text',
      created_at: 'instant',
      updated_at: 'instant',
      expires_at: 'instant',
      paid_at: 'instant',
      cancelled_at: 'instant',
      verification: 'text',
      statement_amount_minor: 'int',
    },
  },
  { name: 'order_events', key: ['id'], columns: { id: 'int', order_id: 'int', kind: 'text', detail: 'json', at: 'instant' } },
  { name: 'refused_requests', key: ['day', 'reason'], columns: { day: 'day', reason: 'text', count: 'int' } },
  {
    name: 'statements',
    key: ['id'],
    columns: {
      id: 'int',
      profile_id: 'int',
      file_name: 'text',
      imported_at: 'instant',
      covers_from: 'instant',
      covers_to: 'instant',
      lines: 'int',
      imported: 'int',
      rejected: 'int',
      mapping: 'json',
    },
  },
  {
    name: 'statement_lines',
    key: ['id'],
    columns: {
      id: 'int',
      statement_id: 'int',
      profile_id: 'int',
      line_no: 'int',
      transaction_key: 'text',
      transaction_id: 'text',
      amount_minor: 'int',
      occurred_at: 'instant',
      sender: 'text',
      reference: 'text',
      raw: 'text',
      order_id: 'int',
      resolved_by: 'text',
      resolved_at: 'instant',
    },
  },
  { name: 'statement_rejects', key: ['id'], columns: { id: 'int', statement_id: 'int', line_no: 'int', raw: 'text', reason: 'text' } },
];

/** Rows per batch: one SELECT on each side and one INSERT (25 columns × 500 rows stays far below 65,535 params). */
const BATCH = 500;

/** pg_advisory_xact_lock's key for a copy ("PDcp"): two copies into one database queue rather than race. */
const COPY_LOCK = 0x50_44_63_70;

const KEY_TYPES: Partial<Record<Kind, string>> = { int: 'bigint', text: 'text', day: 'date' };

export type CopyProgress = { table: TableName; done: number; total: number };

export type CopyOptions = {
  /** The SQLite book's file. */
  from: string;
  to: PostgresConnection;
  /** The shop's IANA time zone: the new book's days (a book that exists keeps its own). */
  timeZone: string;
  /** The counter copying (counters/this-counter.ts): the file's API keys become its own. */
  counterId: string;
  /** A better-sqlite3 addon built for this runtime's ABI (Electron needs its own build). */
  nativeBinding?: string;
  progress?: (step: CopyProgress) => void;
};

/** The copy's figures, and what to tell the shopkeeper about the API keys it carried, if any. */
export type CopyOutcome = CopyReport & { notice: Message | null };

/**
 * The copy, verified; or why nothing was copied: the input (the file, or a database holding another book), or the
 * server (unreachable, or refusing the sign-in or the schema).
 */
export type Copied = { ok: true; value: CopyOutcome } | { ok: false; cause: 'input' | 'server'; message: Message };

const refusedBy = (cause: 'input' | 'server', message: Message): Copied & { ok: false } => ({ ok: false, cause, message });

/** A refusal raised inside the copy's transaction, so that it rolls back, and answered as an error value. */
class CopyRefused extends Error {
  constructor(readonly said: Message) {
    super(said.code);
  }
}

type Row = Record<string, unknown>;

/** What both books are counted by: each table's rows, orders also by status with their sums. */
type Figures = { rows: Record<TableName, number>; refusals: number; byStatus: Record<OrderStatus, { count: number; sumMinor: number }> };

export async function copyOrderBook(options: CopyOptions): Promise<Copied> {
  const source = openSource(options.from, options.nativeBinding);
  if (!source.ok) return source;
  const file = source.value;
  file.function('copying_counter', { deterministic: true }, () => options.counterId);
  const location = describePostgres(options.to);
  const pool = openPool({ ...poolConfig(options.to), timeZone: options.timeZone });
  pool.on('error', () => {});
  try {
    // Its checks read the whole book in one statement: no return waits on them, so they get all the time they need.
    const db = createExecutor(pool, { queryTimeoutMs: PATIENT_QUERY_TIMEOUT_MS });
    try {
      await migrate(db, { timeZone: options.timeZone });
    } catch (error) {
      return refusedBy('server', serverRefusal(error, options.to));
    }
    // One snapshot of the file for the whole copy, however the app writes to it meanwhile.
    file.exec('BEGIN');
    try {
      const copied = await db.atomically(async () => {
        await db.query('SELECT pg_advisory_xact_lock($1)', [COPY_LOCK]);
        const added = {} as Record<TableName, number>;
        for (const table of TABLES) added[table.name] = await copyTable(file, db, table, location, options.progress);
        const figures = await compared(file, db, options.counterId);
        await checkCounters(db);
        await moveSequences(db);
        return { added, figures };
      });
      return { ok: true, value: report(location, copied.added, copied.figures) };
    } catch (error) {
      return error instanceof CopyRefused ? refusedBy('input', error.said) : refusedBy('server', serverRefusal(error, options.to));
    } finally {
      file.exec('ROLLBACK');
    }
  } finally {
    file.close();
    await pool.end().catch(() => {});
  }
}

/** The file, opened read-only, when it is a PayDesk book of this version's schema. */
function openSource(path: string, nativeBinding: string | undefined): { ok: true; value: Database.Database } | (Copied & { ok: false }) {
  if (!existsSync(path)) return refusedBy('input', say('storage_copy_no_file', { file: path }));
  let file: Database.Database;
  try {
    file = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return refusedBy('input', say('storage_copy_no_file', { file: path }));
  }
  let version: number;
  try {
    version = file.pragma('user_version', { simple: true }) as number;
  } catch {
    file.close();
    return refusedBy('input', say('storage_copy_not_a_book', { file: path }));
  }
  // The app may be writing the file meanwhile: wait for it rather than fail.
  file.pragma('busy_timeout = 5000');
  // An older book would need its migrations, which write; the copy never writes the file.
  const refusal =
    version === 0
      ? 'storage_copy_not_a_book'
      : version < SCHEMA_VERSION
        ? 'storage_copy_book_older'
        : version > SCHEMA_VERSION
          ? 'storage_copy_book_newer'
          : null;
  if (refusal) {
    file.close();
    return refusedBy('input', say(refusal, { file: path }));
  }
  return { ok: true, value: file };
}

/** Copies the rows of `table` PostgreSQL lacks, batch by batch; the rows it has must be the file's. Returns how many it added. */
async function copyTable(
  file: Database.Database,
  db: Executor,
  table: Table,
  location: string,
  progress: CopyOptions['progress'],
): Promise<number> {
  const columns = Object.keys(table.columns);
  const keyList = table.key.map(quoted).join(', ');
  const from = sourceOf(table);
  const total = (file.prepare(`SELECT count(*) AS n FROM ${from}`).get() as { n: number }).n;
  const first = file.prepare(`SELECT ${columns.map(quoted).join(', ')} FROM ${from} ORDER BY ${keyList} LIMIT ${BATCH}`);
  const next = file.prepare(
    `SELECT ${columns.map(quoted).join(', ')} FROM ${from} WHERE (${keyList}) > (${table.key.map(() => '?').join(', ')}) ORDER BY ${keyList} LIMIT ${BATCH}`,
  );
  let added = 0;
  let done = 0;
  let last: unknown[] | null = null;
  for (;;) {
    const batch = (last === null ? first.all() : next.all(...last)) as Row[];
    if (batch.length === 0) break;
    last = table.key.map((column) => batch[batch.length - 1]![column]);
    const rows = batch.map((row) => storedRow(table, row));
    const there = await existing(db, table, rows);
    const missing = rows.filter((row) => {
      const held = there.get(keyOf(table, row));
      if (held === undefined) return true;
      if (!columns.every((column) => isDeepStrictEqual(readBack(table.columns[column]!, row[column]), held[column]))) {
        throw new CopyRefused(say('storage_copy_target_differs', { location, table: table.name, id: keyOf(table, row) }));
      }
      return false;
    });
    if (missing.length > 0) await insert(db, table, missing, location);
    added += missing.length;
    done += batch.length;
    progress?.({ table: table.name, done, total });
  }
  return added;
}

/** A SQLite row as PostgreSQL is given it: booleans for 0/1, storable text and JSON, instants checked to round-trip. */
function storedRow(table: Table, row: Row): Row {
  const stored: Row = {};
  for (const [column, kind] of Object.entries(table.columns)) {
    const value = row[column];
    const inexact = () => new CopyRefused(say('storage_copy_time_inexact', { table: table.name, id: keyOf(table, row), column }));
    if (value === null || value === undefined) stored[column] = null;
    else if (kind === 'bool') stored[column] = value === 1;
    else if (kind === 'text') stored[column] = storableNullable(value as string);
    else if (kind === 'json') stored[column] = storableJson(parsedJson(value as string, table, row));
    else if (kind === 'bytes') stored[column] = Buffer.from(value as Uint8Array);
    // An instant PostgreSQL would read back as another string (no milliseconds, another offset) is not copied exactly.
    else if (kind === 'instant' && !isExactInstant(value)) throw inexact();
    else if (kind === 'day' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) throw inexact();
    else stored[column] = value;
  }
  return stored;
}

const isExactInstant = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

function parsedJson(text: string, table: Table, row: Row): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CopyRefused(say('storage_copy_row_refused', { table: table.name, id: keyOf(table, row), code: null }));
  }
}

/** A stored value as PostgreSQL reads it back (connection.ts's parsers: ISO instants, days as text, jsonb parsed). */
const readBack = (kind: Kind, value: unknown) => (kind === 'json' && typeof value === 'string' ? JSON.parse(value) : value);

const sourceOf = (table: Table) => table.from ?? table.name;

const keyOf = (table: Table, row: Row) => table.key.map((column) => String(row[column])).join(' ');

const quoted = (column: string) => `"${column}"`;

/** The rows PostgreSQL holds under the batch's keys, by key. */
async function existing(db: Executor, table: Table, rows: Row[]): Promise<Map<string, Row>> {
  const columns = Object.keys(table.columns);
  const keys = table.key.map((column, i) => `$${i + 1}::${KEY_TYPES[table.columns[column]!]}[]`);
  const { rows: held } = await db.query(
    `SELECT ${columns.map((column) => `t.${quoted(column)}`).join(', ')} FROM ${table.name} t
     JOIN unnest(${keys.join(', ')}) AS k(${table.key.map(quoted).join(', ')})
       ON ${table.key.map((column) => `t.${quoted(column)} = k.${quoted(column)}`).join(' AND ')}`,
    table.key.map((column) => rows.map((row) => row[column])),
  );
  return new Map(held.map((row) => [keyOf(table, row), row]));
}

/**
 * Inserts the rows in one statement; when the server refuses it, row by row (each in a savepoint), to say which row
 * it refused. A unique key (a ref, a token, a transaction id) held by another row there is another book's.
 */
async function insert(db: Executor, table: Table, rows: Row[], location: string): Promise<void> {
  try {
    await db.atomically(() => insertRows(db, table, rows));
  } catch {
    for (const row of rows) {
      try {
        await db.atomically(() => insertRows(db, table, [row]));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const id = keyOf(table, row);
        if (code === '23505') throw new CopyRefused(say('storage_copy_target_differs', { location, table: table.name, id }));
        throw new CopyRefused(say('storage_copy_row_refused', { table: table.name, id, code: typeof code === 'string' ? code : null }));
      }
    }
  }
}

async function insertRows(db: Executor, table: Table, rows: Row[]): Promise<void> {
  const columns = Object.keys(table.columns);
  const values = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
  await db.query(
    `INSERT INTO ${table.name} (${columns.map(quoted).join(', ')}) VALUES ${values.join(', ')}
     ON CONFLICT (${table.key.map(quoted).join(', ')}) DO NOTHING`,
    rows.flatMap((row) => columns.map((column) => row[column])),
  );
}

/** Counts both books the same way (on the server, this counter's own rows); the first figure they disagree on refuses the copy. */
async function compared(file: Database.Database, db: Executor, counterId: string): Promise<Figures> {
  const here = figuresOf(
    Object.fromEntries(
      TABLES.map((table) => [table.name, (file.prepare(`SELECT count(*) AS n FROM ${sourceOf(table)}`).get() as { n: number }).n]),
    ),
    (file.prepare(`SELECT coalesce(sum(count), 0) AS n FROM refused_requests`).get() as { n: number }).n,
    file.prepare(BY_STATUS).all() as StatusRow[],
  );
  const counts = await db.query<{ name: TableName; n: number }>(
    TABLES.map(
      (table) => `SELECT '${table.name}' AS name, count(*) AS n FROM ${table.name}${table.mine ? ` WHERE ${table.mine}` : ''}`,
    ).join(' UNION ALL '),
    [counterId],
  );
  const refusals = await db.query<{ n: number }>(`SELECT coalesce(sum(count), 0) AS n FROM refused_requests`);
  const there = figuresOf(
    Object.fromEntries(counts.rows.map((row) => [row.name, row.n])),
    refusals.rows[0]!.n,
    (await db.query<StatusRow>(BY_STATUS)).rows,
  );
  const differ = (figure: CopyFigure, a: number, b: number, status: OrderStatus | null = null) => {
    if (a !== b) throw new CopyRefused(say('storage_copy_figures_differ', { figure, status, here: a, there: b }));
  };
  for (const status of ORDER_STATUSES) {
    differ('orders', here.byStatus[status].count, there.byStatus[status].count, status);
    differ('amount', here.byStatus[status].sumMinor, there.byStatus[status].sumMinor, status);
  }
  for (const [table, figure] of FIGURE_OF) differ(figure, here.rows[table], there.rows[table]);
  differ('refusals', here.refusals, there.refusals);
  return there;
}

/**
 * The figures compared. The counters and their settings are not: the server's book may hold other counters that joined
 * it since, and each of the file's rows was compared with the server's as it was copied.
 */
const FIGURE_OF: Array<[TableName, CopyFigure]> = [
  ['profiles', 'profiles'],
  ['settings', 'settings'],
  ['secrets', 'secrets'],
  ['orders', 'orders'],
  ['order_events', 'events'],
  ['statements', 'statements'],
  ['statement_lines', 'lines'],
  ['statement_rejects', 'rejects'],
];

type StatusRow = { status: OrderStatus; count: number; sum: number };
const BY_STATUS = `SELECT status, count(*) AS count, coalesce(sum(amount_minor), 0) AS sum FROM orders GROUP BY status`;

function figuresOf(rows: Record<string, number>, refusals: number, byStatus: StatusRow[]): Figures {
  const statuses = Object.fromEntries(ORDER_STATUSES.map((status) => [status, { count: 0, sumMinor: 0 }])) as Figures['byStatus'];
  for (const row of byStatus) statuses[row.status] = { count: row.count, sumMinor: row.sum };
  return { rows: rows as Figures['rows'], refusals, byStatus: statuses };
}

/**
 * The per-day counters the triggers kept as the orders went in must be what counting the orders gives (a counter
 * row left at zero by an order that changed status counts as no row).
 */
async function checkCounters(db: Executor): Promise<void> {
  const { rows } = await db.query<{ recounted: number; kept: number; differing: number }>(`
    WITH recount AS (
      SELECT profile_id, book_day(created_at) AS day, status AS what, count(*)::bigint AS orders, sum(amount_minor)::bigint AS amount_minor
        FROM orders GROUP BY 1, 2, 3
      UNION ALL
      SELECT profile_id, book_day(paid_at), 'paid_day', count(*), sum(amount_minor) FROM orders WHERE status = 'paid' GROUP BY 1, 2
      UNION ALL
      SELECT profile_id, book_day(created_at), 'verification:' || verification, count(*), sum(amount_minor)
        FROM orders WHERE verification IS NOT NULL GROUP BY 1, 2, 3),
    kept AS (
      SELECT profile_id, day, status AS what, orders, amount_minor FROM order_counts
      UNION ALL
      SELECT profile_id, day, 'paid_day', orders, amount_minor FROM paid_days
      UNION ALL
      SELECT profile_id, day, 'verification:' || verification, orders, amount_minor FROM verification_counts),
    live AS (SELECT * FROM kept WHERE NOT (orders = 0 AND amount_minor = 0))
    SELECT (SELECT count(*) FROM recount) AS recounted, (SELECT count(*) FROM live) AS kept,
      (SELECT count(*) FROM ((SELECT * FROM recount EXCEPT SELECT * FROM live) UNION ALL (SELECT * FROM live EXCEPT SELECT * FROM recount)) d) AS differing`);
  const { recounted, kept, differing } = rows[0]!;
  if (differing > 0)
    throw new CopyRefused(say('storage_copy_figures_differ', { figure: 'counters', status: null, here: recounted, there: kept }));
}

/** Each identity moves past the ids copied, so the next order made there gets a new ref; never back. */
async function moveSequences(db: Executor): Promise<void> {
  // A counter's id is its own (text), taken from no sequence.
  for (const table of TABLES.filter((t) => t.key.length === 1 && t.key[0] === 'id' && t.columns.id === 'int')) {
    await db.query(`
      SELECT setval(seq, top) FROM (
        SELECT pg_get_serial_sequence('${table.name}', 'id')::regclass AS seq, (SELECT max(id) FROM ${table.name}) AS top) s
      WHERE top IS NOT NULL AND top > coalesce(pg_sequence_last_value(seq), 0)`);
  }
}

function report(location: string, added: Record<TableName, number>, figures: Figures): CopyOutcome {
  const copied = (table: TableName) => ({ count: figures.rows[table], added: added[table] });
  return {
    to: location,
    profiles: copied('profiles'),
    orders: { ...copied('orders'), byStatus: figures.byStatus },
    events: copied('order_events'),
    statements: copied('statements'),
    lines: copied('statement_lines'),
    settings: copied('settings'),
    notice: figures.rows.secrets > 0 ? say('storage_copy_keys_this_computer') : null,
  };
}
