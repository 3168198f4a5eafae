// The two order books a reliability scenario or a benchmark runs on, each engine in the same run: the SQLite file in
// the data folder (the default) and a PostgreSQL database of its own on the run's server; and, for a listener another
// process runs over the book, the book made and seeded beforehand, and SQL of the test's own read from outside.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCore } from '../../electron/core/paydesk-core';
import { SQLITE_BOOK, type BookChoice } from '../../electron/core/storage/book-choice';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import type { Engine } from '../../electron/core/storage/order-book';
import { openPool } from '../../electron/core/storage/postgres/connection';
import { freshDatabase } from './postgres';
import { seedBookOrders, type SeededOrder } from './seed-orders';

export const ENGINES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

export type EngineBook = { engine: Engine; book: BookChoice; databaseUrl: string | null };

type TestContext = { after(fn: () => unknown): void; skip(message?: string): void };

/** The book a test opens on `engine`; null, with the test skipped, where there is no PostgreSQL to run on. */
export async function engineBook(t: TestContext, engine: Engine): Promise<EngineBook | null> {
  if (engine === 'sqlite') return { engine, book: SQLITE_BOOK, databaseUrl: null };
  const database = await freshDatabase(t);
  return database && { engine, book: { engine: 'postgres', connection: database.connection }, databaseUrl: database.url };
}

/** Makes the book (the sandbox profile, as on a first start) and seeds it, for a listener another process runs over it. */
export async function prepareBook(dataDir: string, { book }: EngineBook, count: number): Promise<SeededOrder[]> {
  const core = await startCore({ dataDir, book, keys: { env: {} }, listener: 'elsewhere', startSandbox: false });
  try {
    return await seedBookOrders(core, count);
  } finally {
    await core.close();
  }
}

/** Rows of SQL that reads alike on both engines; it takes no parameters (ids are numbers put in the text). */
export type BookReader = <R = Record<string, unknown>>(sql: string) => Promise<R[]>;

/**
 * A reading connection of the test's own to the book in `dataDir` or at the database URL, closed when the test ends;
 * PostgreSQL's values come back as the SQLite engine gives them (counts as numbers, instants as ISO strings).
 */
export function bookReader(t: { after(fn: () => unknown): void }, dataDir: string, { databaseUrl }: EngineBook): BookReader {
  if (databaseUrl) {
    const pool = openPool({ connectionString: databaseUrl, timeZone: 'UTC', max: 2 });
    t.after(() => pool.end());
    return async <R>(sql: string) => (await pool.query(sql)).rows as R[];
  }
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  t.after(() => db.close());
  return async <R>(sql: string) => db.prepare(sql).all() as R[];
}
