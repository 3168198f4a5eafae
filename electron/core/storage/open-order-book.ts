// Opens the order book a choice names. The one place that knows both engines exist.
import type { BookChoice } from './book-choice';
import type { OrderBook } from './order-book';
import { openPostgresBook } from './postgres/postgres-book';
import { openSqliteBook } from './sqlite/sqlite-book';

export type OpenBookOptions = {
  /** The data folder: the SQLite book's home, and where the log and this machine's choice live. */
  dataDir: string;
  /** A better-sqlite3 addon built for this runtime's ABI (Electron needs its own build). */
  nativeBinding?: string;
  /** The shop's IANA time zone (default: this process's). */
  timeZone?: string;
  /** This data folder's counter (counters/this-counter.ts): whose secrets and own settings the book hands out. */
  counterId: string;
};

export function openOrderBook(choice: BookChoice, options: OpenBookOptions): Promise<OrderBook> {
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return choice.engine === 'postgres'
    ? openPostgresBook(choice.connection, { timeZone, counterId: options.counterId })
    : openSqliteBook({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, counterId: options.counterId });
}
