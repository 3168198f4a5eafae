// What a PostgreSQL server that would not open a book means to the shopkeeper. The server's and node-postgres's own
// words are English, technical, and may name more than a screen should, so only their codes are read here.
import type { Message } from '../../../../shared/contract';
import { say } from '../../../../shared/messages/say';
import type { PostgresConnection } from '../book-choice';
import { OrderBookRefused } from '../order-book-refused';
import { OrderBookUnreachable } from '../order-book-unreachable';
import { describePostgres } from './pool-config';
import { isUnreachable } from './unreachable';

const NO_SUCH_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs: a refused password, a sign-in pg_hba.conf refuses, no such database, no right to create the tables. */
const INVALID_PASSWORD = '28P01';
const NOT_AUTHORIZED = '28000';
const NO_SUCH_DATABASE = '3D000';
const INSUFFICIENT_PRIVILEGE = '42501';

/** The system's or the server's code: on the error, or on the first of the addresses Node tried (AggregateError). */
function codeOf(error: unknown): string {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  return error instanceof AggregateError ? codeOf(error.errors[0]) : '';
}

export function serverRefusal(thrown: unknown, connection: PostgresConnection): Message {
  if (thrown instanceof OrderBookRefused) return thrown.said;
  // The executor's word for a server that is away; what it met says more (an unknown host, a time limit).
  const error = thrown instanceof OrderBookUnreachable ? thrown.cause : thrown;
  const location = describePostgres(connection);
  const code = codeOf(error);
  const text = error instanceof Error ? error.message : '';
  if (NO_SUCH_HOST.has(code)) return say('storage_server_unknown_host', { host: connection.host });
  // node-postgres's own time limits are errors with no code.
  if (isUnreachable(error) || /timeout|terminated unexpectedly/i.test(text)) return say('storage_server_unreachable', { location });
  // node-postgres refuses to start SCRAM with an empty password before the server is asked.
  if (connection.password === '' && (code === INVALID_PASSWORD || /password/i.test(text)))
    return say('storage_password_needed', { location });
  if (code === INVALID_PASSWORD || code === NOT_AUTHORIZED) return say('storage_sign_in_refused', { user: connection.user, location });
  if (code === NO_SUCH_DATABASE) return say('storage_database_missing', { database: connection.database, location });
  if (code === INSUFFICIENT_PRIVILEGE) return say('storage_not_allowed', { user: connection.user, location });
  if (/CERT|SSL|TLS/.test(code) || /\bSSL\b/.test(text)) return say('storage_tls_failed', { location });
  return say('storage_server_refused', { location, code: code || null });
}
