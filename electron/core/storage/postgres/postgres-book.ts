// The order book on a PostgreSQL server several counters share: one pool, its schema brought up to date, and the
// repositories over it. The book's own time zone (book.time_zone, written when the book was made) decides its days,
// whatever zone this computer is set to, so every counter's sessions reckon local days alike.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PostgresConnection } from '../book-choice';
import type { OrderBook } from '../order-book';
import { OrderBookRefused } from '../order-book-refused';
import { createBookChanges } from './book-changes';
import { createClosingQueries } from './closing-queries';
import { createExecutor, openPool, PATIENT_QUERY_TIMEOUT_MS, type Executor } from './connection';
import { createCountersRepo } from './counters-repo';
import { migrate } from './migrate';
import { createOrderQueries } from './order-queries';
import { createOrdersRepo } from './orders-repo';
import { createProfilesRepo } from './profiles-repo';
import { createSecretsRepo } from './secrets-repo';
import { createSettingsRepo } from './settings-repo';
import { createStatementsRepo } from './statements-repo';
import { describePostgres, sessionConfig } from './pool-config';
import { serverRefusal } from './server-refusal';

export type PostgresBook = OrderBook & { engine: 'postgres'; db: Executor };

/** Rejects with OrderBookRefused, saying what to check, when the server cannot be reached or will not have PayDesk. */
export async function openPostgresBook(
  connection: PostgresConnection,
  { timeZone, counterId }: { timeZone: string; counterId: string },
): Promise<PostgresBook> {
  // Names this process's writes in the notifications they raise (pool-config.ts sessionConfig).
  const origin = randomUUID();
  const pool = await openMigrated(connection, timeZone, origin);
  const db = createExecutor(pool);
  const orders = createOrdersRepo(db);
  const queries = createOrderQueries(db);
  const counters = createCountersRepo(db);
  const counterSettings = counters.settingsOf(counterId);
  return {
    engine: 'postgres',
    location: describePostgres(connection),
    db,
    orders,
    queries,
    statements: createStatementsRepo(db, orders),
    profiles: createProfilesRepo(db, counterSettings),
    secrets: createSecretsRepo(db, counterId),
    settings: createSettingsRepo(db),
    counters,
    counterSettings,
    changes: createBookChanges({ client: { ...sessionConfig(connection, origin), application_name: 'PayDesk' }, db, origin }),
    closing: createClosingQueries(db),
    // A count runs on the server, on a connection of its own: it never holds up this process's event loop, so unlike
    // SQLite's it needs no worker, and a newer `latest` need not supersede an older one.
    totals: { latest: (filter) => queries.totals(filter), totals: (filter) => queries.totals(filter) },
    // pool.end waits for the clients checked out (work in flight) to be released.
    close: () => pool.end(),
  };
}

/** A pool whose sessions' TimeZone is the book's, over a schema this PayDesk knows. */
async function openMigrated(connection: PostgresConnection, timeZone: string, origin: string): Promise<pg.Pool> {
  let pool = poolIn(connection, timeZone, origin);
  try {
    // A migration may build indexes over a whole book: its statements may rightly outlast a return's time limit.
    await migrate(createExecutor(pool, { queryTimeoutMs: PATIENT_QUERY_TIMEOUT_MS }), { timeZone });
    const { rows } = await pool.query<{ time_zone: string }>('SELECT time_zone FROM book');
    const bookZone = rows[0]?.time_zone ?? timeZone;
    if (bookZone !== timeZone) {
      await pool.end();
      pool = poolIn(connection, bookZone, origin);
      await pool.query('SELECT 1');
    }
    return pool;
  } catch (error) {
    await pool.end().catch(() => {});
    throw error instanceof OrderBookRefused ? error : new OrderBookRefused(serverRefusal(error, connection));
  }
}

function poolIn(connection: PostgresConnection, timeZone: string, origin: string): pg.Pool {
  const pool = openPool({ ...sessionConfig(connection, origin), timeZone });
  // An idle client whose server went away emits 'error' on the pool; unheard, it would end the process. The next
  // query gets a fresh connection, or its own error.
  pool.on('error', () => {});
  return pool;
}
