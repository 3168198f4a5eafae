// Where the order book is kept, when it is a PostgreSQL database: the database URL the command line reads, the
// check Settings › Order book runs step by step (as Check connection does for the gateway), and the schema PayDesk
// finds there.
import type { Phrasebook } from '../catalog';
import type { Formats } from '../formats';

type Place = { host: string; port: number };
/** A part of a database URL that must be there. */
export type UrlPart = 'user' | 'host' | 'database';

const URL_FORM = '`postgres://USER:PASSWORD@HOST:5432/DATABASE`';
const PART: Record<UrlPart, string> = { user: 'the user name', host: 'the server', database: 'the database' };
const seconds = (n: number, f: Formats) => `${f.count(n)} second${n === 1 ? '' : 's'}`;
const where = ({ host, port }: Place) => `${host} port ${port}`;
const issuer = (name: string | null) => (name === null ? 'an unnamed authority' : `“${name}”`);
const names = (list: readonly string[], more: number, f: Formats) =>
  list.length === 0 ? 'no name at all' : more > 0 ? `${list.join(', ')} and ${f.count(more)} more` : list.join(', ');

export const orderBook = {
  // ---- the database URL (--database-url, PAYDESK_DATABASE_URL) ----
  database_url_invalid: () => `That is not a database URL PayDesk can read: write it as ${URL_FORM}.`,
  database_url_missing: (p: { part: UrlPart }) => `The database URL does not name ${PART[p.part]}: write it as ${URL_FORM}.`,
  database_url_parameter: (p: { text: string }) =>
    `PayDesk does not use “${p.text}” in a database URL; it reads only sslmode and sslrootcert, so remove the rest.`,
  database_url_sslmode_fallback: (p: { text: string }) =>
    `sslmode=${p.text} may quietly connect without encryption: use sslmode=require to encrypt, sslmode=verify-full to check the server’s certificate too, or sslmode=disable only on a network you trust.`,
  database_url_sslmode_verify_ca: () =>
    'PayDesk checks the server’s name along with its certificate: use sslmode=verify-full (with sslrootcert=FILE for your own CA).',
  database_url_sslmode_unknown: (p: { text: string }) =>
    `sslmode=${p.text} is not a mode PayDesk knows: use disable, require or verify-full.`,
  database_url_rootcert_unused: () => 'sslrootcert is used only to check the server’s certificate: add sslmode=verify-full, or remove it.',
  database_url_rootcert_unreadable: (p: { file: string; code: string }) =>
    `PayDesk could not read the CA certificate ${p.file} (${p.code}): check the file’s path.`,
  database_url_rootcert_not_pem: (p: { file: string }) =>
    `${p.file} is not a CA certificate in PEM form (the text starting “-----BEGIN CERTIFICATE-----”): pick the CA file the server’s certificate was issued by.`,

  // ---- the check: reach ----
  pg_reach_ok: (p: Place) => `The database server at ${where(p)} answers.`,
  pg_reach_no_name_detail: (p: { host: string }) => `No computer named ${p.host} was found.`,
  pg_reach_no_name: (p: { host: string }) =>
    `PayDesk could not find the database server ${p.host}: check its name, and that this computer is on the network it is on.`,
  pg_reach_refused_detail: (p: Place) => `Nothing accepts connections at ${where(p)}.`,
  pg_reach_refused: (p: Place) =>
    `Nothing accepts connections at ${where(p)}: check the port (5432 unless it was changed), that PostgreSQL is running there, and that its listen_addresses setting includes this network.`,
  pg_reach_timeout_detail: (p: Place & { seconds: number }, f) => `${where(p)} did not answer within ${seconds(p.seconds, f)}.`,
  pg_reach_timeout: (p: Place & { seconds: number }, f) =>
    `${where(p)} did not answer within ${seconds(p.seconds, f)}: check the server’s address and port, and any firewall between this computer and the database server.`,
  pg_reach_failed_detail: (p: Place & { code: string }) => `Connecting to ${where(p)} failed (${p.code}).`,
  pg_reach_failed: (p: Place) => `PayDesk could not connect to ${where(p)}: check the server’s address and this computer’s network.`,

  // ---- tls ----
  pg_tls_off: () => 'Not encrypted, as chosen (TLS disable): use this only on a network you trust.',
  pg_tls_ok_unchecked: (p: { host: string }) =>
    `The connection to ${p.host} is encrypted; whose certificate it is is not checked (TLS require).`,
  pg_tls_ok_verified: (p: { host: string; issuer: string | null; validTo: string }, f) =>
    `The connection is encrypted and ${p.host}’s certificate checks out (issued by ${issuer(p.issuer)}, valid until ${f.date(p.validTo)}).`,
  pg_tls_not_offered_detail: (p: Place) => `The database server at ${where(p)} does not offer encryption.`,
  pg_tls_not_offered: (p: Place) =>
    `The database server at ${where(p)} does not offer encryption (TLS): turn on ssl in its postgresql.conf, or choose TLS disable only if this network is one you trust.`,
  pg_tls_timeout_detail: (p: { host: string; seconds: number }, f) =>
    `${p.host} did not set up encryption within ${seconds(p.seconds, f)}.`,
  pg_tls_timeout: (p: { host: string; seconds: number }, f) =>
    `${p.host} did not set up encryption within ${seconds(p.seconds, f)}: check that this is a PostgreSQL server’s port, and try again.`,
  pg_tls_failed_detail: (p: Place & { code: string }) => `Setting up encryption with ${where(p)} failed (${p.code}).`,
  pg_tls_failed: (p: Place) =>
    `PayDesk could not set up an encrypted connection with ${where(p)}: check that this is a PostgreSQL server’s port, and its ssl settings.`,
  pg_tls_expired_detail: (p: { host: string; validTo: string }, f) => `The certificate of ${p.host} expired on ${f.date(p.validTo)}.`,
  pg_tls_expired: (p: { host: string; validTo: string }, f) =>
    `The certificate of ${p.host} expired on ${f.date(p.validTo)}: check that this computer’s date is right, and if it is, ask whoever runs the database server to renew it.`,
  pg_tls_wrong_name_detail: (p: { host: string; names: string[]; more: number }, f) =>
    `The certificate is for ${names(p.names, p.more, f)}, not for ${p.host}.`,
  pg_tls_wrong_name: (p: { host: string; names: string[]; more: number }, f) =>
    `The certificate shown at ${p.host} is for ${names(p.names, p.more, f)}, not for ${p.host}: connect by the name on the certificate, or ask whoever runs the database server to fix it.`,
  pg_tls_untrusted_detail: (p: { host: string; issuer: string | null }) =>
    `The certificate of ${p.host} was issued by ${issuer(p.issuer)}, which is not trusted here.`,
  pg_tls_untrusted: (p: { host: string; issuer: string | null }) =>
    `The certificate of ${p.host} was issued by ${issuer(p.issuer)}, which neither the CA file given nor this computer trusts: pick the CA file that issued the server’s certificate.`,
  pg_tls_unverified_detail: (p: { host: string; code: string }) => `The certificate of ${p.host} could not be verified (${p.code}).`,
  pg_tls_unverified: (p: { host: string; code: string }) =>
    `The certificate of ${p.host} could not be verified (${p.code}): ask whoever runs the database server to check it.`,

  // ---- sign in ----
  pg_sign_in_ok: (p: { user: string }) => `Signed in as ${p.user}.`,
  pg_sign_in_refused_detail: (p: { user: string }) => `The server refused ${p.user} with that password.`,
  pg_sign_in_refused: (p: { user: string }) =>
    `The database server refused ${p.user} with that password: check the user name and the password.`,
  pg_sign_in_not_allowed_detail: (p: { user: string; reason: string }) =>
    `The server does not let ${p.user} sign in from here: ${p.reason}`,
  pg_sign_in_not_allowed: (p: { user: string }) =>
    `The database server does not let ${p.user} sign in from this computer: ask whoever runs it to allow it in pg_hba.conf.`,
  pg_sign_in_timeout_detail: (p: { seconds: number }, f) => `The server did not finish the sign-in within ${seconds(p.seconds, f)}.`,
  pg_sign_in_timeout: (p: { seconds: number }, f) =>
    `The database server did not finish the sign-in within ${seconds(p.seconds, f)}: try again in a minute, in case it is busy.`,
  pg_sign_in_failed_detail: (p: { user: string; reason: string }) => `Signing in as ${p.user} failed: ${p.reason}`,
  pg_sign_in_failed: (p: { user: string; reason: string }) =>
    `PayDesk could not sign in to the database server as ${p.user} (the server said: ${p.reason}): check the user name and the password.`,

  // ---- database ----
  pg_database_ok: (p: { database: string }) => `The database ${p.database} is there.`,
  pg_database_missing_detail: (p: { database: string }) => `There is no database named ${p.database}.`,
  pg_database_missing: (p: { database: string; command: string }) =>
    `The database server has no database named ${p.database}: check its name, or create it (${p.command}).`,

  // ---- version ----
  pg_version_ok: (p: { serverVersion: string }) => `PostgreSQL ${p.serverVersion}.`,
  pg_version_old_detail: (p: { serverVersion: string }) => `PostgreSQL ${p.serverVersion} is older than 14.`,
  pg_version_old: (p: { serverVersion: string }) =>
    `The database server runs PostgreSQL ${p.serverVersion}, and PayDesk needs 14 or newer: ask whoever runs it to upgrade it.`,

  // ---- schema ----
  pg_schema_none: () => 'No PayDesk order book is here yet; PayDesk will make one.',
  pg_schema_current: (p: { schema: number }, f) => `PayDesk’s order book is here (schema ${f.count(p.schema)}).`,
  pg_schema_older: (p: { schema: number; known: number; command: string }, f) =>
    `An order book of an older PayDesk is here (schema ${f.count(p.schema)}); PayDesk will upgrade it to schema ${f.count(p.known)}. Back it up first: ${p.command}`,
  pg_schema_newer_detail: (p: { schema: number }, f) => `The order book here was written by a newer PayDesk (schema ${f.count(p.schema)}).`,
  postgres_schema_newer: (p: { schema: number }, f) =>
    `The order book in this PostgreSQL database was written by a newer PayDesk (schema ${f.count(p.schema)}); update PayDesk to use it. Nothing in it was changed.`,
  postgres_schema_needs_owner: (p: { schema: number; known: number; user: string; owner: string }, f) =>
    `The order book in this PostgreSQL database is from an older PayDesk (schema ${f.count(p.schema)}; this PayDesk needs schema ${f.count(p.known)}), and ${p.user} may not upgrade it. Start PayDesk once signed in as ${p.owner}, the book’s owner, then start this counter again. Nothing in it was changed.`,
  pg_trgm_missing_detail: () => 'The server does not have the pg_trgm extension.',
  pg_trgm_missing: () =>
    'The database server does not have the pg_trgm extension, which PayDesk’s search needs: ask whoever runs it to install PostgreSQL’s contrib package (postgresql-contrib).',
  pg_cannot_create_detail: (p: { user: string; database: string }) => `${p.user} may not create tables in ${p.database}.`,
  pg_cannot_create: (p: { user: string; database: string; command: string }) =>
    `${p.user} may not create PayDesk’s tables in ${p.database}: make ${p.user} the database’s owner (${p.command}).`,
  pg_query_failed_detail: (p: { reason: string }) => `The server would not answer: ${p.reason}`,
  pg_query_failed: (p: { database: string; reason: string }) =>
    `PayDesk could not read what is in ${p.database} (the server said: ${p.reason}): check that this user may use the database.`,

  // ---- the check's one sentence ----
  pg_check_ready_new: (p: { database: string }) =>
    `PayDesk can keep its order book in ${p.database}; it makes it there the first time it opens it.`,
  pg_check_ready: (p: { database: string }) => `PayDesk’s order book in ${p.database} is ready.`,
  pg_check_ready_older: (p: { database: string; command: string }) =>
    `PayDesk can use ${p.database}, and upgrades the older order book there when it opens it: back it up first with ${p.command}`,
} satisfies Phrasebook;
