// The connections to a PostgreSQL order book: one pool, values read back as the SQLite engine gives them (counts and
// ids as numbers, instants as ISO strings in UTC), and transactions that follow the async work inside them: a query
// awaited inside `atomically` runs on that transaction's connection (AsyncLocalStorage), any other on the pool.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { asUnreachable, isUnreachable } from './unreachable';

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

/**
 * How long PayDesk waits on the server. A customer's return is answered once it is written (or journaled, when it
 * cannot be), so on a silently cut network, where no error ever comes, these bound how long the customer waits:
 * - a new connection (TCP, TLS, sign-in), or a free one of the pool's, comes within CONNECT_TIMEOUT_MS;
 * - each statement's answer comes within the executor's time limit (QUERY_TIMEOUT_MS): PayDesk's statements take
 *   milliseconds (a return ~3 ms, a page of a million orders < 250 ms, an import chunk is sized to ~50 ms), so 5 s is
 *   far beyond any of them and still a wait a customer bears. Work whose statements may be long (a migration, the copy
 *   of a book to the server) runs on a patient executor; a COPY export runs on a connection of its own (`connect`),
 *   which no time limit applies to, since its one statement lasts as long as the export;
 * - the server ends a session left idle inside a transaction after IDLE_IN_TRANSACTION_MS: a counter cut off mid-way
 *   would otherwise hold its locks (the order's row, and the day's counters every return moves) until the server's TCP
 *   gives up, hours later, and every other counter's returns would wait on them;
 * - TCP keepalive finds an idle connection to a server that vanished dead, rather than handing it to the next return.
 */
export const CONNECT_TIMEOUT_MS = 3_000;
export const QUERY_TIMEOUT_MS = 5_000;
/** For statements that may rightly run long: a migration's index build, the copy's checks over a whole book. */
export const PATIENT_QUERY_TIMEOUT_MS = 15 * 60_000;
export const IDLE_IN_TRANSACTION_MS = 15_000;

export function openPool({ timeZone, ...config }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    max: 8,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
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

export type ExecutorOptions = {
  /** Each statement's answer must come within this (client-side), or it fails as OrderBookUnreachable. */
  queryTimeoutMs?: number;
};

export function createExecutor(pool: pg.Pool, { queryTimeoutMs = QUERY_TIMEOUT_MS }: ExecutorOptions = {}): Executor {
  const store = new AsyncLocalStorage<Open>();
  /** The transaction this async context is in, if it is still open: a continuation that outlived one uses the pool. */
  const current = () => {
    const transaction = store.getStore();
    return transaction && !transaction.done ? transaction : undefined;
  };
  /** One statement within the time limit; an error that means the server is away becomes OrderBookUnreachable. */
  const run = async <R extends pg.QueryResultRow>(on: pg.Pool | pg.PoolClient, text: string, values?: unknown[]) => {
    const statement = { text, values, query_timeout: queryTimeoutMs } as pg.QueryConfig;
    try {
      return await (on as pg.Pool).query<R>(statement);
    } catch (error) {
      throw asUnreachable(error);
    }
  };
  const connect = async () => {
    try {
      return await checkOut(pool);
    } catch (error) {
      throw asUnreachable(error);
    }
  };
  const query: Query = (sql, params) => run(current()?.client ?? pool, sql, params);
  return {
    pool,
    query,
    inTransaction: () => current() !== undefined,
    connect,
    async atomically<T>(work: () => Promise<T>): Promise<T> {
      const outer = current();
      if (outer) {
        const savepoint = `nested_${outer.depth + 1}`;
        await run(outer.client, `SAVEPOINT ${savepoint}`);
        const nested: Open = { client: outer.client, depth: outer.depth + 1, done: false };
        try {
          const result = await store.run(nested, work);
          await run(outer.client, `RELEASE SAVEPOINT ${savepoint}`);
          return result;
        } catch (error) {
          // With the server away the whole transaction is lost: the outer one gives the connection up.
          if (!isUnreachable(error)) await run(outer.client, `ROLLBACK TO SAVEPOINT ${savepoint}`);
          throw asUnreachable(error);
        } finally {
          nested.done = true;
        }
      }
      const client = await connect();
      let broken: Error | undefined;
      const transaction: Open = { client, depth: 0, done: false };
      try {
        await run(client, 'BEGIN');
        const result = await store.run(transaction, work);
        await run(client, 'COMMIT');
        return result;
      } catch (error) {
        if (isUnreachable(error)) {
          // The server is away, or did not answer in time: a ROLLBACK would wait as long again. The connection is
          // closed instead; the server rolls back when it sees it go, or when the session has idled past its limit.
          broken = error as Error;
        } else {
          // A connection that failed mid-transaction (the server went away) is not handed back to the pool.
          try {
            await run(client, 'ROLLBACK');
          } catch (rollbackFailed) {
            broken = rollbackFailed as Error;
          }
        }
        throw asUnreachable(error);
      } finally {
        transaction.done = true;
        client.release(broken);
      }
    },
  };
}
