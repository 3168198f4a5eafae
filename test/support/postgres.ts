// The tests' PostgreSQL: the server `npm test` started for the run (PAYDESK_TEST_POSTGRES_URL), or, for a file run
// on its own with node --test, a server this process starts for itself and stops when it exits. Each test takes a
// database of its own there (freshDatabase), dropped when the test ends. Where PostgreSQL is not installed the
// PostgreSQL variants skip and say why; with PAYDESK_REQUIRE_POSTGRES=1 (CI) that is a failure instead.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresBin, startPostgres, type PostgresServer } from '../../scripts/postgres-server.js';
import type { PostgresConnection } from '../../electron/core/storage/book-choice';
import { parseDatabaseUrl } from '../../electron/core/storage/postgres/pool-config';

type TestContext = { after(fn: () => unknown): void; skip(message?: string): void };

export type TestPostgres = { url: string; skip: null } | { url: null; skip: string };

let ownServer: Promise<string> | null = null;

/** The superuser's URL of the tests' server, or null and the reason the PostgreSQL variants skip. */
export async function testPostgres(): Promise<TestPostgres> {
  const url = process.env.PAYDESK_TEST_POSTGRES_URL;
  if (url) return { url, skip: null };
  const bin = postgresBin();
  if (!bin) {
    const why = 'PostgreSQL is not installed (apt-get install postgresql, or set PAYDESK_PG_BIN)';
    if (process.env.PAYDESK_REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required here, but ${why}`);
    return { url: null, skip: why };
  }
  ownServer ??= startPostgres({ bin }).then((server) => {
    process.once('exit', () => server.stop());
    // Interrupted, the file still ends through 'exit', so its server never outlives it.
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const)
      process.once(signal, () => process.exit(code));
    return server.url();
  });
  return { url: await ownServer, skip: null };
}

export type FreshDatabase = { connection: PostgresConnection; url: string; name: string };

let databases = 0;

/**
 * A new, empty database on the tests' server, owned by its superuser and dropped (with any connection still left to
 * it) when the test ends, after everything else the test closes; null, with the test skipped, where there is no server.
 */
export async function freshDatabase(t: TestContext, server?: string): Promise<FreshDatabase | null> {
  const found: TestPostgres = server ? { url: server, skip: null } : await testPostgres();
  if (found.url === null) {
    t.skip(found.skip);
    return null;
  }
  const admin = found.url;
  const name = `paydesk_test_${process.pid}_${++databases}_${randomBytes(3).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  // Dropped after the test's other after-hooks (its pools and books closed first): a hook added while the hooks run
  // goes to the end of the line.
  t.after(() => t.after(() => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  const url = databaseUrl(admin, name);
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) throw new Error(`The tests' server URL does not parse: ${parsed.message.code}`);
  return { connection: parsed.connection, url, name };
}

/**
 * A server of the test's own, for a test that stops, restarts or crashes it, with one database `name` for the book;
 * stopped after everything else the test closes. Null, with the test skipped, where PostgreSQL is not installed.
 */
export async function serverOfItsOwn(
  t: TestContext,
  name: string,
): Promise<{ server: PostgresServer; url: string; connection: PostgresConnection } | null> {
  const bin = postgresBin();
  if (!bin) {
    const why = 'PostgreSQL is not installed (apt-get install postgresql, or set PAYDESK_PG_BIN)';
    if (process.env.PAYDESK_REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required here, but ${why}`);
    t.skip(why);
    return null;
  }
  const server = await startPostgres({ bin });
  t.after(() => t.after(() => server.stop()));
  await adminQuery(server.url(), `CREATE DATABASE ${name}`);
  const url = server.url(name);
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) throw new Error(`The test server's URL does not parse: ${parsed.message.code}`);
  return { server, url, connection: parsed.connection };
}

/** The same server and sign-in, another database. */
export function databaseUrl(admin: string, database: string): string {
  const url = new URL(admin);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.href;
}

/** One statement as the superuser, on a connection of its own. */
export async function adminQuery(admin: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}
