// Brings a PostgreSQL order book to the schema this PayDesk knows, in one transaction under an advisory lock: two
// PayDesks starting at once on one database queue on the lock, and the second finds the schema current. A book newer
// than this PayDesk is refused untouched. Upgrading an older one changes the shop's only copy, so the rule is: the
// check (connection-check.ts) reports such a book as 'older' with the pg_dump command that backs it up, and whoever
// opens it says so (migrate has no logger of its own) before calling migrate.
import { version as appVersion } from '../../../../package.json';
import type { Message } from '../../../../shared/contract';
import { say } from '../../../../shared/messages/say';
import { OrderBookRefused } from '../order-book-refused';
import type { Executor } from './connection';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

/** pg_advisory_xact_lock's key for PayDesk's migrations ("PayD" in ASCII); advisory locks are the database's own. */
export const MIGRATION_LOCK = 0x50_61_79_44;

export type SchemaState = 'none' | 'older' | 'current' | 'newer';

/** What a book at schema `found` is to a PayDesk that knows up to `known`. */
export function schemaState(found: number, known: number = SCHEMA_VERSION): SchemaState {
  if (found === 0) return 'none';
  if (found < known) return 'older';
  return found === known ? 'current' : 'newer';
}

/** The newest schema version applied to this database; 0 when PayDesk has never written there. */
export async function schemaVersion(db: Pick<Executor, 'query'>): Promise<number> {
  const { rows } = await db.query<{ table: string | null }>(`SELECT to_regclass('paydesk_schema')::text AS table`);
  if (rows[0]?.table == null) return 0;
  const found = await db.query<{ version: number | null }>(`SELECT max(version) AS version FROM paydesk_schema`);
  return found.rows[0]?.version ?? 0;
}

export async function migrate(db: Executor, { timeZone }: { timeZone: string }): Promise<void> {
  await db.atomically(async () => {
    await db.query(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK]);
    const current = await schemaVersion(db);
    if (schemaState(current) === 'newer') throw new OrderBookRefused(say('postgres_schema_newer', { schema: current }));
    if (current === SCHEMA_VERSION) return;
    const refusal = current > 0 ? await upgradeRefusal(db, current) : null;
    if (refusal) throw new OrderBookRefused(refusal);
    await db.query(`
      CREATE TABLE IF NOT EXISTS paydesk_schema (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now(),
        app_version text NOT NULL
      )`);
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      // No params: the simple query protocol runs a migration's many statements (and its $$ bodies) as one.
      await db.query(MIGRATIONS[version - 1]!);
      await db.query(`INSERT INTO paydesk_schema (version, app_version) VALUES ($1, $2)`, [version, appVersion]);
    }
    if (current === 0) await db.query(`INSERT INTO book (time_zone) VALUES ($1)`, [timeZone]);
  });
}

/**
 * Why this sign-in may not upgrade the book at schema `current`, or null when it may: only the owner of PayDesk's tables
 * can (ALTER needs ownership), so a counter signed in with a counter role (`paydesk storage setup-roles`) is told whom
 * to start PayDesk as, rather than the server's "must be owner".
 */
export async function upgradeRefusal(db: Pick<Executor, 'query'>, current: number): Promise<Message | null> {
  const { rows } = await db.query<{ user: string; owner: string; may: boolean }>(
    `SELECT current_user AS user, tableowner AS owner,
       pg_has_role(tableowner, 'USAGE') AND has_schema_privilege(current_schema(), 'CREATE') AS may
     FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'paydesk_schema'`,
  );
  const found = rows[0];
  return found && !found.may
    ? say('postgres_schema_needs_owner', { schema: current, known: SCHEMA_VERSION, user: found.user, owner: found.owner })
    : null;
}
