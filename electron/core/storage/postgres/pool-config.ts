// From a PostgreSQL order book's connection (as Settings saves it, or as the CLI's --database-url spells it) to
// node-postgres's settings, and back to the one line a log or a screen may show.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type pg from 'pg';
import type { Message } from '../../../../shared/contract';
import { say } from '../../../../shared/messages/say';
import type { PostgresConnection } from '../book-choice';

/** The server, the sign-in and TLS as asked: `require` encrypts, `verify-full` also checks the certificate and its name. */
export function poolConfig(connection: PostgresConnection): pg.PoolConfig {
  const { host, port, database, user, password, tls, ca } = connection;
  return { host, port, database, user, password, ssl: sslOf(tls, host, ca) };
}

/**
 * The settings of one PayDesk's sessions: its origin (a random id made when it opens the book) as paydesk.origin,
 * which orders_notify puts in every change's notification so that PayDesk skips its own (book-changes.ts).
 */
export function sessionConfig(connection: PostgresConnection, origin: string): pg.PoolConfig {
  return { ...poolConfig(connection), options: `-c paydesk.origin=${origin}` };
}

function sslOf(tls: PostgresConnection['tls'], host: string, ca: string | null): pg.PoolConfig['ssl'] {
  if (tls === 'disable') return false;
  if (tls === 'require') return { rejectUnauthorized: false };
  // node-postgres checks the name against `host` itself; an IP address is never sent as a server name (RFC 6066).
  return { rejectUnauthorized: true, ...(ca === null ? {} : { ca }), ...(isIP(host) === 0 ? { servername: host } : {}) };
}

/** postgres://user@host:port/database: where the book is, never with its password. */
export function describePostgres({ user, host, port, database }: PostgresConnection): string {
  const shownHost = isIP(host) === 6 ? `[${host}]` : host;
  return `postgres://${encodeURIComponent(user)}@${shownHost}:${port}/${encodeURIComponent(database)}`;
}

export type ParsedDatabaseUrl = { ok: true; connection: PostgresConnection } | { ok: false; message: Message };

const refused = (message: Message): ParsedDatabaseUrl => ({ ok: false, message });

/**
 * `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=…&sslrootcert=FILE`, as libpq spells it, less what PayDesk does
 * not do: the modes that may quietly fall back to plain text (prefer, allow) or skip the name check (verify-ca), and
 * any other parameter, each refused with a sentence rather than ignored. No sslmode means `require`, as in Settings.
 */
export function parseDatabaseUrl(text: string): ParsedDatabaseUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refused(say('database_url_invalid'));
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return refused(say('database_url_invalid'));
  let user: string, password: string, database: string;
  try {
    [user, password, database] = [url.username, url.password, url.pathname.replace(/^\//, '')].map(decodeURIComponent) as [
      string,
      string,
      string,
    ];
  } catch {
    return refused(say('database_url_invalid'));
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return refused(say('database_url_missing', { part: 'host' }));
  if (user === '') return refused(say('database_url_missing', { part: 'user' }));
  if (database === '' || database.includes('/')) return refused(say('database_url_missing', { part: 'database' }));
  const port = url.port === '' ? 5432 : Number(url.port);
  if (port < 1) return refused(say('database_url_invalid'));

  for (const name of url.searchParams.keys()) {
    if (name !== 'sslmode' && name !== 'sslrootcert') return refused(say('database_url_parameter', { text: name }));
  }
  const mode = url.searchParams.get('sslmode') ?? 'require';
  if (mode === 'prefer' || mode === 'allow') return refused(say('database_url_sslmode_fallback', { text: mode }));
  if (mode === 'verify-ca') return refused(say('database_url_sslmode_verify_ca'));
  if (mode !== 'disable' && mode !== 'require' && mode !== 'verify-full')
    return refused(say('database_url_sslmode_unknown', { text: mode }));

  const rootCert = url.searchParams.get('sslrootcert');
  let ca: string | null = null;
  if (rootCert !== null && mode !== 'verify-full') return refused(say('database_url_rootcert_unused'));
  // libpq's `system` means the system's trusted CAs, which is what no file means here.
  if (rootCert !== null && rootCert !== 'system') {
    try {
      ca = readFileSync(rootCert, 'utf8');
    } catch (error) {
      return refused(say('database_url_rootcert_unreadable', { file: rootCert, code: (error as NodeJS.ErrnoException).code ?? 'EIO' }));
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) return refused(say('database_url_rootcert_not_pem', { file: rootCert }));
  }
  return { ok: true, connection: { host, port, database, user, password, tls: mode, ca } };
}
