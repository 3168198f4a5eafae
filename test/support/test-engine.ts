// Which engine this run keeps its order books on: SQLite files (the default) or, with PAYDESK_TEST_ENGINE=postgres
// (the second pass of `npm test`), a fresh PostgreSQL database per data folder on the run's server. The engine suite's
// files are the same on both; a test that must know the engine asks here. A data folder's database is its book for
// every core started over the folder and every CLI child pointed at it (PAYDESK_DATABASE_URL), as the file would be.
import type { BookChoice } from '../../electron/core/storage/book-choice';
import type { Engine } from '../../electron/core/storage/order-book';
import { adminQuery, databaseUrl, freshDatabase, testPostgres } from './postgres';

export const TEST_ENGINE: Engine = process.env.PAYDESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export const onPostgres = TEST_ENGINE === 'postgres';

/** A data folder's book on the run's engine: null on SQLite (the core opens the folder's file), else its database. */
export type TestBook = { book: BookChoice & { engine: 'postgres' }; url: string; name: string } | null;

const folders = new Map<string, Promise<TestBook>>();

/**
 * The book of `dataDir`, made on first use. With a test context its database is dropped when that test ends; without
 * one (a CLI child started before any core) it lasts as long as the run's server.
 */
export function folderBook(dataDir: string, t?: { after(fn: () => unknown): void }): Promise<TestBook> {
  if (!onPostgres) return Promise.resolve(null);
  let book = folders.get(dataDir);
  if (!book) {
    book = freshDatabase({
      after: (fn) => t?.after(fn),
      skip: (why) => {
        // A PostgreSQL run with no server must not quietly test SQLite instead.
        throw new Error(`PAYDESK_TEST_ENGINE=postgres, but ${why}`);
      },
    }).then((database) => ({ book: { engine: 'postgres', connection: database!.connection }, url: database!.url, name: database!.name }));
    folders.set(dataDir, book);
  }
  return book;
}

/** What a CLI child needs beside `--data-dir` to act on that folder's book. */
export async function cliEnvFor(dataDir: string): Promise<Record<string, string>> {
  const book = await folderBook(dataDir);
  return book ? { PAYDESK_DATABASE_URL: book.url } : {};
}

/** Makes `to`'s book a copy of `from`'s (whose cores have closed), as copying the folder copies its SQLite file. */
export async function copyFolderBook(from: string, to: string, t: { after(fn: () => unknown): void }): Promise<void> {
  const source = await folderBook(from, t);
  if (!source) return;
  const admin = (await testPostgres()).url!;
  const name = `${source.name}_copy`;
  await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${source.name}`);
  t.after(() => t.after(() => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  const url = databaseUrl(admin, name);
  folders.set(to, Promise.resolve({ book: { ...source.book, connection: { ...source.book.connection, database: name } }, url, name }));
}
