// A data folder holding the bench seeder's book (test/bench/seed-orders.ts), on the run's engine: on SQLite the file
// as seeded; on PostgreSQL that file copied into the folder's database by PayDesk's own copy (storage copy --to), so
// both engines hold the very same orders. The file stays open read-only for the test's expectations: what the book
// holds, read straight from the rows, whichever engine the core answers from.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { copyOrderBook } from '../../electron/core/storage/copy-order-book';
import { thisCounterId } from '../../electron/core/counters/this-counter';
import { seedOrders } from '../bench/seed-orders';
import { folderBook } from './test-engine';
import { tempDir } from './temp-dir';

export async function seededFolder(
  t: { after(fn: () => unknown): void },
  count: number,
  /** Changes made to the seeded file before the core opens the book (before the copy, on PostgreSQL). */
  change: (file: Database.Database) => void = () => {},
): Promise<{ dataDir: string; file: Database.Database }> {
  const dataDir = tempDir(t);
  await seedOrders(dataDir, count);
  const path = join(dataDir, DATABASE_FILE);
  const writable = new Database(path);
  try {
    change(writable);
  } finally {
    writable.close();
  }
  const book = await folderBook(dataDir, t);
  if (book) {
    const copied = await copyOrderBook({
      from: path,
      to: book.book.connection,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      counterId: await thisCounterId(dataDir),
    });
    if (!copied.ok) throw new Error(`The seeded book did not copy: ${copied.message.code}`);
  }
  const file = new Database(path, { readonly: true });
  t.after(() => file.close());
  return { dataDir, file };
}
