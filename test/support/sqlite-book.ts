// The SQLite connection of a core's order book, for the tests that read or change the file with SQL of their own
// (a raw count, a TEMP trigger that refuses a write): the very connection the core writes through, not a second one.
import type { OrderBook } from '../../electron/core/storage/order-book';
import type { Db } from '../../electron/core/storage/sqlite/database';
import type { SqliteBook } from '../../electron/core/storage/sqlite/sqlite-book';

export function sqliteOf(book: OrderBook): Db {
  if (book.engine !== 'sqlite') throw new Error(`This test reads the SQLite file itself; the core opened a ${book.engine} book.`);
  return (book as SqliteBook).db;
}
