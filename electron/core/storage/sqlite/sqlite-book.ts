// The order book in one SQLite file in the data folder: PayDesk's embedded default. Every repository shares one
// connection (connection.ts); the list's totals are counted by a worker thread on a read-only connection of its own.
import { join } from 'node:path';
import { DATABASE_FILE } from '../data-dir';
import type { OrderBook } from '../order-book';
import { createClosingQueries } from './closing-queries';
import { connect } from './connection';
import { createCounterSettingsSteps, createCountersRepo } from './counters-repo';
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

export async function openSqliteBook(options: { dataDir: string; nativeBinding?: string; counterId: string }): Promise<SqliteBook> {
  const file = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(file, { nativeBinding: options.nativeBinding });
  const connection = connect(db);
  const writes = createOrderWrites(db, connection);
  const queries = createOrderQueries(connection);
  const totals = createTotalsCounter({ db, queries, nativeBinding: options.nativeBinding });
  const counters = createCountersRepo(connection);
  return {
    engine: 'sqlite',
    location: file,
    db,
    orders: createOrdersRepo(connection, writes),
    queries,
    statements: createStatementsRepo(connection, writes),
    profiles: createProfilesRepo(connection, createCounterSettingsSteps(db, options.counterId)),
    secrets: createSecretsRepo(connection),
    settings: createSettingsRepo(connection),
    counters,
    counterSettings: counters.settingsOf(options.counterId),
    // One process writes the file at a time, and the app and the CLI of a folder need not hear each other's orders.
    changes: null,
    closing: createClosingQueries(connection),
    totals,
    async close() {
      await totals.close();
      // What is in flight finishes first: a close waits its turn on the connection like any other call.
      await connection.run(() => db.close());
    },
  };
}
