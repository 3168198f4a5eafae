// The SQLite connection of a core's order book, for the tests that read or change the file with SQL of their own
// (a raw count, a TEMP trigger that refuses a write): the very connection the core writes through, not a second one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderBook } from '../../electron/core/storage/order-book';
import type { Db } from '../../electron/core/storage/sqlite/database';
import { openSqliteBook, type SqliteBook } from '../../electron/core/storage/sqlite/sqlite-book';

export function sqliteOf(book: OrderBook): Db {
  if (book.engine !== 'sqlite') throw new Error(`This test reads the SQLite file itself; the core opened a ${book.engine} book.`);
  return (book as SqliteBook).db;
}

/**
 * A SQLite book of its own in a temp folder, removed when the test ends, with one sandbox profile ("Shop") and this
 * counter enrolled as "Counter 1": the SQLite side of the tests that compare the two engines' repositories.
 */
export async function shopSqliteBook(
  t: { after(fn: () => unknown): void },
  counterId: string,
): Promise<{ book: SqliteBook; profileId: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-book-'));
  const book = await openSqliteBook({ dataDir: dir, counterId });
  t.after(async () => {
    await book.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const profile = await book.profiles.add({
    name: 'Shop',
    mode: 'sandbox',
    baseUrl: 'https://sandbox.example',
    listenHost: '127.0.0.1',
    listenPort: 0,
    returnBaseUrl: null,
  });
  await book.counters.enroll(counterId, ['Counter 1'], new Date().toISOString());
  return { book, profileId: profile.id };
}
