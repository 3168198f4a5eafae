// The connections to a PostgreSQL order book: one pool, values read back as the SQLite engine gives them (counts and
// ids as numbers, instants as ISO strings in UTC), and transactions that follow the async work inside them: a query
// awaited inside `atomically` runs on that transaction's connection (AsyncLocalStorage), any other on the pool.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** PostgreSQL's type ids of the values read differently from node-postgres's defaults. */
const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMPTZ = 1184;
const DATE = 1082;

/**
 * Counts, sums and ids fit in a double long before a shop could reach 2^53 poisha (90 trillion taka); instants are
 * handed around as the ISO strings `new Date().toISOString()` makes, so both engines give the core the same values.
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (text: string) => Number(text);
    if (oid === TIMESTAMPTZ) {
      const parseInstant = pg.types.getTypeParser(TIMESTAMPTZ) as (text: string) => Date;
      return (text: string) => parseInstant(text).toISOString();
    }
    // A local day stays the YYYY-MM-DD it is; a Date would put it at some zone's midnight.
    if (oid === DATE) return (text: string) => text;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

export type PoolOptions = Omit<pg.PoolConfig, 'types'> & {
  /** The shop's IANA time zone: the session's TimeZone, so local days in SQL are the shop's days. */
  timeZone: string;
};

export function openPool({ timeZone, ...config }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    max: 8,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'PayDesk',
    ...config,
    types: TYPES,
    // JIT compiling pays off for long analytic queries; on a page or a count it added 50-100 ms (measured at 1M orders).
    options: [config.options, `-c TimeZone=${timeZone}`, '-c jit=off'].filter(Boolean).join(' '),
  });
  // An idle connection the server dropped (a restart, a network cut) is an 'error' on the pool; unheard, it would be
  // an uncaught exception. The pool has already discarded it, and the next query opens a new one.
  pool.on('error', () => {});
  return pool;
}

/** A connection's query function, typed by the rows it reads. */
export type Query = <R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

export type Executor = {
  /** On the open transaction's connection when called inside `atomically`, otherwise on any of the pool's. */
  query: Query;
  /**
   * Runs `work` in one transaction (a savepoint when called inside another): committed when it resolves, rolled
   * back when it rejects.
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  /** True inside `atomically`. */
  inTransaction(): boolean;
  /** A connection of its own (a COPY stream, a LISTEN), released by the caller. */
  connect(): Promise<pg.PoolClient>;
  pool: pg.Pool;
};

/** An open transaction; `done` once it committed or rolled back, when work that outlived it must not use its client. */
type Open = { client: pg.PoolClient; depth: number; done: boolean };

/**
 * A connection of the pool's, heard while it is checked out: one the server drops then (a restart, mid-transaction)
 * emits 'error' with no query to take it, and unheard that would be an uncaught exception, the end of PayDesk. Its
 * work fails on its next query instead, and the pool discards it when it is released (it is no longer queryable).
 */
async function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  const heard = () => {};
  client.on('error', heard);
  const release = client.release;
  client.release = (error?: Error | boolean) => {
    client.off('error', heard);
    release(error);
  };
  return client;
}

export function createExecutor(pool: pg.Pool): Executor {
  const store = new AsyncLocalStorage<Open>();
  /** The transaction this async context is in, if it is still open: a continuation that outlived one uses the pool. */
  const current = () => {
    const transaction = store.getStore();
    return transaction && !transaction.done ? transaction : undefined;
  };
  const query: Query = (sql, params) => (current()?.client ?? pool).query(sql, params);
  return {
    pool,
    query,
    inTransaction: () => current() !== undefined,
    connect: () => checkOut(pool),
    async atomically<T>(work: () => Promise<T>): Promise<T> {
      const outer = current();
      if (outer) {
        const savepoint = `nested_${outer.depth + 1}`;
        await outer.client.query(`SAVEPOINT ${savepoint}`);
        const nested: Open = { client: outer.client, depth: outer.depth + 1, done: false };
        try {
          const result = await store.run(nested, work);
          await outer.client.query(`RELEASE SAVEPOINT ${savepoint}`);
          return result;
        } catch (error) {
          await outer.client.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
          throw error;
        } finally {
          nested.done = true;
        }
      }
      const client = await checkOut(pool);
      let broken: Error | undefined;
      const transaction: Open = { client, depth: 0, done: false };
      try {
        await client.query('BEGIN');
        const result = await store.run(transaction, work);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that failed mid-transaction (the server went away) is not handed back to the pool.
        try {
          await client.query('ROLLBACK');
        } catch (rollbackFailed) {
          broken = rollbackFailed as Error;
        }
        throw error;
      } finally {
        transaction.done = true;
        client.release(broken);
      }
    },
  };
}
