// The order book on a PostgreSQL server several counters share: one pool, its schema brought up to date, and the
// repositories over it. The book's own time zone (book.time_zone, written when the book was made) decides its days,
// whatever zone this computer is set to, so every counter's sessions reckon local days alike.
import type pg from 'pg';
import type { PostgresConnection } from '../book-choice';
import type { OrderBook } from '../order-book';
import { OrderBookRefused } from '../order-book-refused';
import { createClosingQueries } from './closing-queries';
import { createExecutor, openPool, type Executor } from './connection';
import { migrate } from './migrate';
import { createOrderQueries } from './order-queries';
import { createOrdersRepo } from './orders-repo';
import { createProfilesRepo } from './profiles-repo';
import { createSecretsRepo } from './secrets-repo';
import { createSettingsRepo } from './settings-repo';
import { createStatementsRepo } from './statements-repo';
import { describePostgres, poolConfig } from './pool-config';
import { serverRefusal } from './server-refusal';

export type PostgresBook = OrderBook & { engine: 'postgres'; db: Executor };

/** Rejects with OrderBookRefused, saying what to check, when the server cannot be reached or will not have PayDesk. */
export async function openPostgresBook(connection: PostgresConnection, { timeZone }: { timeZone: string }): Promise<PostgresBook> {
  const pool = await openMigrated(connection, timeZone);
  const db = createExecutor(pool);
  const orders = createOrdersRepo(db);
  const queries = createOrderQueries(db);
  return {
    engine: 'postgres',
    location: describePostgres(connection),
    db,
    orders,
    queries,
    statements: createStatementsRepo(db, orders),
    profiles: createProfilesRepo(db),
    secrets: createSecretsRepo(db),
    settings: createSettingsRepo(db),
    closing: createClosingQueries(db),
    // A count runs on the server, on a connection of its own: it never holds up this process's event loop, so unlike
    // SQLite's it needs no worker, and a newer `latest` need not supersede an older one.
    counter: { latest: (filter) => queries.totals(filter), totals: (filter) => queries.totals(filter) },
    // pool.end waits for the clients checked out (work in flight) to be released.
    close: () => pool.end(),
  };
}

/** A pool whose sessions' TimeZone is the book's, over a schema this PayDesk knows. */
async function openMigrated(connection: PostgresConnection, timeZone: string): Promise<pg.Pool> {
  let pool = poolIn(connection, timeZone);
  try {
    await migrate(createExecutor(pool), { timeZone });
    const { rows } = await pool.query<{ time_zone: string }>('SELECT time_zone FROM book');
    const bookZone = rows[0]?.time_zone ?? timeZone;
    if (bookZone !== timeZone) {
      await pool.end();
      pool = poolIn(connection, bookZone);
      await pool.query('SELECT 1');
    }
    return pool;
  } catch (error) {
    await pool.end().catch(() => {});
    throw error instanceof OrderBookRefused ? error : new OrderBookRefused(serverRefusal(error, connection));
  }
}

function poolIn(connection: PostgresConnection, timeZone: string): pg.Pool {
  const pool = openPool({ ...poolConfig(connection), timeZone });
  // An idle client whose server went away emits 'error' on the pool; unheard, it would end the process. The next
  // query gets a fresh connection, or its own error.
  pool.on('error', () => {});
  return pool;
}
