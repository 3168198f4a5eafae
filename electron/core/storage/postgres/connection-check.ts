// Check a PostgreSQL order book before PayDesk keeps its orders there, one layer at a time like the gateway's Check
// connection (gateway/connection-check.ts): the server answers (reach), encryption as asked (tls), the user signs
// in, the database is there, the server is new enough, and what PayDesk's schema there is and whether this user can
// create or upgrade it. It stops at the first layer that fails and says what to check. It only reads.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import pg from 'pg';
import type { Message, OrderBookCheck } from '../../../../shared/contract';
import { say } from '../../../../shared/messages/say';
import type { PostgresConnection } from '../book-choice';
import { schemaState, schemaVersion, type SchemaState } from './migrate';
import { SCHEMA_VERSION } from './migrations';
import { poolConfig } from './pool-config';

/** PostgreSQL 14: the oldest server PayDesk's schema is written for. */
export const OLDEST_SERVER = 140_000;

type Step = OrderBookCheck['steps'][number]['step'];

// The ladder, as the gateway's check keeps one (storage imports no feature module): each step passed with its line
// and value, or failed with its line and the report's one sentence.
type Outcome<T> = { ok: true; detail: Message; value: T } | { ok: false; detail: Message; message: Message };
const passed = <T>(detail: Message, value: T): Outcome<T> => ({ ok: true, detail, value });
const failed = (detail: Message, message: Message): Outcome<never> => ({ ok: false, detail, message });

export async function checkPostgres(
  connection: PostgresConnection,
  { timeoutMs = 8000 }: { timeoutMs?: number } = {},
): Promise<OrderBookCheck> {
  const steps: OrderBookCheck['steps'] = [];
  const record = <T>(step: Step, outcome: Outcome<T>): outcome is Extract<Outcome<T>, { ok: true }> => {
    steps.push({ step, ok: outcome.ok, detail: outcome.detail });
    return outcome.ok;
  };
  let schema: SchemaState | null = null;
  const done = (message: Message): OrderBookCheck => ({ ok: steps.every((step) => step.ok), steps, schema, message });

  const reached = await reach(connection, timeoutMs);
  if (!record('reach', reached)) return done(reached.message);

  const encrypted = connection.tls === 'disable' ? passed(say('pg_tls_off'), null) : await negotiateTls(connection, timeoutMs);
  if (!record('tls', encrypted)) return done(encrypted.message);

  const client = new pg.Client({ ...poolConfig(connection), connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // A server that goes away mid-check rejects the query in hand; the client's own error event must not crash the app.
  client.on('error', () => {});
  try {
    const signIn = await signInTo(client, connection, timeoutMs);
    if (!record('sign_in', signIn.signIn)) return done(signIn.signIn.message);
    if (!record('database', signIn.database)) return done(signIn.database.message);

    const server = await serverVersion(client, connection.database);
    if (!record('version', server)) return done(server.message);

    const found = await readSchema(client, connection);
    schema = found.state;
    if (!record('schema', found.outcome)) return done(found.outcome.message);
    return done(readyMessage(found.state!, connection));
  } finally {
    await client.end().catch(() => {});
  }
}

/** How the shop backs the book up before PayDesk upgrades it: a pg_dump in PostgreSQL's own (restorable) format. */
export function backupCommand({ host, port, user, database }: PostgresConnection): string {
  const arg = (value: string) => (/^[\w.@:/-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`);
  return `pg_dump -Fc -h ${arg(host)} -p ${port} -U ${arg(user)} ${arg(database)} > paydesk-before-upgrade.dump`;
}

function readyMessage(state: SchemaState, connection: PostgresConnection): Message {
  const { database } = connection;
  if (state === 'none') return say('pg_check_ready_new', { database });
  if (state === 'older') return say('pg_check_ready_older', { database, command: backupCommand(connection) });
  return say('pg_check_ready', { database });
}

// ---- reach ----

function reach({ host, port }: PostgresConnection, timeoutMs: number): Promise<Outcome<null>> {
  const place = { host, port };
  return new Promise((resolve) => {
    const socket = netConnect({ host, port });
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      socket.destroy();
      resolve(passed(say('pg_reach_ok', place), null));
    });
    socket.once('timeout', () => {
      socket.destroy();
      const timing = { ...place, seconds: seconds(timeoutMs) };
      resolve(failed(say('pg_reach_timeout_detail', timing), say('pg_reach_timeout', timing)));
    });
    socket.once('error', (error) => {
      const code = errorCode(error);
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        resolve(failed(say('pg_reach_no_name_detail', { host }), say('pg_reach_no_name', { host })));
      else if (code === 'ECONNREFUSED') resolve(failed(say('pg_reach_refused_detail', place), say('pg_reach_refused', place)));
      else resolve(failed(say('pg_reach_failed_detail', { ...place, code: code || error.message }), say('pg_reach_failed', place)));
    });
  });
}

// ---- tls ----

/** PostgreSQL's SSLRequest: length 8, then the code 1234.5679, asking the server to start TLS on this connection. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * Asks for TLS as node-postgres will, completes the handshake without rejecting the certificate, and judges it here,
 * so the sentence can say why it is not trusted. Nothing but the handshake is ever sent.
 */
function negotiateTls(connection: PostgresConnection, timeoutMs: number): Promise<Outcome<null>> {
  const { host, port } = connection;
  return new Promise((resolve) => {
    let secure: TLSSocket | null = null;
    const raw: Socket = netConnect({ host, port });
    const settle = (outcome: Outcome<null>) => {
      secure?.destroy();
      raw.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      const timing = { host, seconds: seconds(timeoutMs) };
      settle(failed(say('pg_tls_timeout_detail', timing), say('pg_tls_timeout', timing)));
    }, timeoutMs);
    const finish = (outcome: Outcome<null>) => {
      clearTimeout(timer);
      settle(outcome);
    };
    const handshakeFailed = (error: Error) =>
      finish(
        failed(
          say('pg_tls_failed_detail', { host, port, code: quote(errorCode(error) || error.message) }),
          say('pg_tls_failed', { host, port }),
        ),
      );
    raw.once('error', handshakeFailed);
    raw.once('connect', () => raw.write(SSL_REQUEST));
    raw.once('data', (answer) => {
      if (answer[0] !== 0x53 /* S */) {
        finish(failed(say('pg_tls_not_offered_detail', { host, port }), say('pg_tls_not_offered', { host, port })));
        return;
      }
      secure = tlsConnect({
        socket: raw,
        host,
        ...(isIP(host) === 0 ? { servername: host } : {}),
        ...(connection.ca === null ? {} : { ca: connection.ca }),
        rejectUnauthorized: false,
      });
      secure.once('error', handshakeFailed);
      secure.once('secureConnect', () => {
        const socket = secure!;
        const certificate = socket.getPeerCertificate();
        if (connection.tls === 'require') finish(passed(say('pg_tls_ok_unchecked', { host }), null));
        else if (socket.authorized)
          finish(passed(say('pg_tls_ok_verified', { host, issuer: issuerOf(certificate), validTo: instant(certificate.valid_to) }), null));
        else finish(untrusted(host, String(socket.authorizationError), certificate));
      });
    });
  });
}

const UNTRUSTED_ISSUER = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

function untrusted(host: string, code: string, certificate: PeerCertificate): Outcome<null> {
  if (code === 'CERT_HAS_EXPIRED') {
    const validTo = instant(certificate.valid_to);
    return failed(say('pg_tls_expired_detail', { host, validTo }), say('pg_tls_expired', { host, validTo }));
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = (certificate.subjectaltname ?? '')
      .split(',')
      .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
      .filter((name) => name !== '');
    const shown = { names: names.slice(0, 3).map(quote), more: Math.max(names.length - 3, 0) };
    return failed(say('pg_tls_wrong_name_detail', { host, ...shown }), say('pg_tls_wrong_name', { host, ...shown }));
  }
  if (UNTRUSTED_ISSUER.has(code)) {
    const issuer = issuerOf(certificate);
    return failed(say('pg_tls_untrusted_detail', { host, issuer }), say('pg_tls_untrusted', { host, issuer }));
  }
  return failed(say('pg_tls_unverified_detail', { host, code }), say('pg_tls_unverified', { host, code }));
}

/** The issuer's organisation or common name, as the certificate spells it; null when it names none. */
function issuerOf(certificate: PeerCertificate): string | null {
  const issuer = certificate.issuer as Record<string, string | string[] | undefined> | undefined;
  const name = [issuer?.O, issuer?.CN].map((value) => (Array.isArray(value) ? value[0] : value)).find((value) => value !== undefined);
  return name === undefined ? null : quote(name);
}

// ---- sign_in, database ----

/** PostgreSQL's error codes (SQLSTATE) for a refused sign-in and a database that is not there. */
const INVALID_PASSWORD = '28P01';
const NOT_AUTHORIZED = '28000';
const NO_SUCH_DATABASE = '3D000';

/** The server checks who signs in before it looks for the database, so "no such database" means the sign-in passed. */
async function signInTo(
  client: pg.Client,
  connection: PostgresConnection,
  timeoutMs: number,
): Promise<{ signIn: Outcome<null>; database: Outcome<null> }> {
  const { user, database } = connection;
  const signedIn = passed(say('pg_sign_in_ok', { user }), null);
  try {
    await client.connect();
    return { signIn: signedIn, database: passed(say('pg_database_ok', { database }), null) };
  } catch (error) {
    const code = errorCode(error);
    const reason = quote((error as Error).message);
    if (code === NO_SUCH_DATABASE) {
      const missing = say('pg_database_missing', { database, command: `createdb -O ${user} ${database}` });
      return { signIn: signedIn, database: failed(say('pg_database_missing_detail', { database }), missing) };
    }
    const refused = (() => {
      if (code === INVALID_PASSWORD) return failed(say('pg_sign_in_refused_detail', { user }), say('pg_sign_in_refused', { user }));
      if (code === NOT_AUTHORIZED)
        return failed(say('pg_sign_in_not_allowed_detail', { user, reason }), say('pg_sign_in_not_allowed', { user }));
      if (/timeout/i.test(reason)) {
        const timing = { seconds: seconds(timeoutMs) };
        return failed(say('pg_sign_in_timeout_detail', timing), say('pg_sign_in_timeout', timing));
      }
      return failed(say('pg_sign_in_failed_detail', { user, reason }), say('pg_sign_in_failed', { user, reason }));
    })();
    return { signIn: refused, database: refused };
  }
}

// ---- version ----

async function serverVersion(client: pg.Client, database: string): Promise<Outcome<null>> {
  let rows: Array<{ num: string; version: string }>;
  try {
    ({ rows } = await client.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`));
  } catch (error) {
    return queryFailed(database, error);
  }
  const serverVersion = quote(rows[0]!.version.split(' ')[0]!);
  if (Number(rows[0]!.num) < OLDEST_SERVER)
    return failed(say('pg_version_old_detail', { serverVersion }), say('pg_version_old', { serverVersion }));
  return passed(say('pg_version_ok', { serverVersion }), null);
}

// ---- schema ----

type Abilities = { trgm_available: boolean; trgm_installed: boolean; may_create_extension: boolean; may_create_tables: boolean };

/** What schema is there (null when it cannot be read), and whether this user can go on with it. */
async function readSchema(
  client: pg.Client,
  connection: PostgresConnection,
): Promise<{ state: SchemaState | null; outcome: Outcome<null> }> {
  const { database } = connection;
  let found: number;
  let can: Abilities;
  try {
    found = await schemaVersion({ query: (sql, params) => client.query(sql, params) });
    const { rows } = await client.query<Abilities>(`
      SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS trgm_available,
        EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm_installed,
        has_database_privilege(current_database(), 'CREATE') AS may_create_extension,
        coalesce(has_schema_privilege(current_schema(), 'CREATE'), false) AS may_create_tables`);
    can = rows[0]!;
  } catch (error) {
    return { state: null, outcome: queryFailed(database, error) };
  }
  const state = schemaState(found);
  return { state, outcome: canGoOn(state, found, can, connection) };
}

function canGoOn(state: SchemaState, found: number, can: Abilities, connection: PostgresConnection): Outcome<null> {
  const { user, database } = connection;
  if (state === 'newer') return failed(say('pg_schema_newer_detail', { schema: found }), say('postgres_schema_newer', { schema: found }));
  if (state === 'current') return passed(say('pg_schema_current', { schema: found }), null);

  // A new or older book is written now: the search extension, then the tables.
  if (!can.trgm_installed && !can.trgm_available) return failed(say('pg_trgm_missing_detail'), say('pg_trgm_missing'));
  const owner = `ALTER DATABASE ${database} OWNER TO ${user}`;
  if ((!can.trgm_installed && !can.may_create_extension) || !can.may_create_tables) {
    return failed(say('pg_cannot_create_detail', { user, database }), say('pg_cannot_create', { user, database, command: owner }));
  }
  if (state === 'none') return passed(say('pg_schema_none'), null);
  return passed(say('pg_schema_older', { schema: found, known: SCHEMA_VERSION, command: backupCommand(connection) }), null);
}

/** A question the server would not answer (no right to read it, or no answer in time). */
function queryFailed(database: string, error: unknown): Outcome<never> {
  const reason = quote((error as Error).message);
  return failed(say('pg_query_failed_detail', { reason }), say('pg_query_failed', { database, reason }));
}

// ---- params ----

/** The system's code of a network error (ECONNREFUSED), or PostgreSQL's SQLSTATE of a server's (28P01). */
const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

/** Text from a server, shortened for a sentence. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 100 ? `${flat.slice(0, 100)}…` : flat;
}

/** A time limit in seconds, to a tenth. */
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** A certificate date ("Jan  2 00:00:00 2020 GMT") as an ISO instant, for the catalog to write as a date. */
function instant(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}
