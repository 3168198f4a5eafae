// The order book in one SQLite file in the data folder: PayDesk's embedded default. Every repository shares one
// connection (connection.ts); the list's totals are counted by a worker thread on a read-only connection of its own.
import { join } from 'node:path';
import { DATABASE_FILE } from '../data-dir';
import type { OrderBook } from '../order-book';
import { createClosingQueries } from './closing-queries';
import { connect } from './connection';
import { openDatabase, type Db } from './database';
import { createOrderQueries } from './order-queries';
import { createOrderWrites, createOrdersRepo } from './orders-repo';
import { createProfilesRepo } from './profiles-repo';
import { createSecretsRepo } from './secrets-repo';
import { createSettingsRepo } from './settings-repo';
import { createStatementsRepo } from './statements-repo';
import { createTotalsCounter } from './totals-counter';

/** The SQLite book, and its connection for what only SQLite has (the tests' raw SQL on the very file). */
export type SqliteBook = OrderBook & { engine: 'sqlite'; db: Db };

export async function openSqliteBook(options: { dataDir: string; nativeBinding?: string }): Promise<SqliteBook> {
  const file = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(file, { nativeBinding: options.nativeBinding });
  const connection = connect(db);
  const writes = createOrderWrites(db, connection);
  const queries = createOrderQueries(connection);
  const counter = createTotalsCounter({ db, queries, nativeBinding: options.nativeBinding });
  return {
    engine: 'sqlite',
    location: file,
    db,
    orders: createOrdersRepo(connection, writes),
    queries,
    statements: createStatementsRepo(connection, writes),
    profiles: createProfilesRepo(connection),
    secrets: createSecretsRepo(connection),
    settings: createSettingsRepo(connection),
    closing: createClosingQueries(connection),
    counter,
    async close() {
      await counter.close();
      // What is in flight finishes first: a close waits its turn on the connection like any other call.
      await connection.run(() => db.close());
    },
  };
}
