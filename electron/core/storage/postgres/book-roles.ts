// Least privilege for a shop's PostgreSQL order book (`paydesk storage setup-roles`): an owner role that owns the
// database, its public schema and PayDesk's tables, and alone upgrades them; and a counter role that every till signs
// in as, with only what PayDesk's queries need: reading the book, writing the tables it writes, deleting only where
// PayDesk deletes (a setting reset, an API key removed), taking ids from the sequences. It can create nothing in the
// schema, and alter or drop nothing (only an owner can). LISTEN/NOTIFY and advisory locks need no grant.
import type { Executor } from './connection';
import { migrate, schemaState, schemaVersion } from './migrate';

export type BookRoles = { owner: string; counter: string };

export const DEFAULT_ROLES: BookRoles = { owner: 'paydesk_owner', counter: 'paydesk_counter' };

/** A role name PayDesk writes into SQL as it is: lower case, so it never needs quoting to mean itself. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

type Write = 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * What the counters write, table by table (read from the repositories and the schema's triggers, which run as the
 * writer: the per-day counters are upserted, so INSERT and UPDATE). Every other table (book, paydesk_schema) is read
 * only. A table a newer schema adds gets SELECT, INSERT and UPDATE by default privileges; a DELETE there must be
 * granted here.
 */
export const COUNTER_WRITES: Record<string, readonly Write[]> = {
  profiles: ['INSERT', 'UPDATE'],
  settings: ['INSERT', 'UPDATE', 'DELETE'],
  counters: ['INSERT', 'UPDATE'],
  counter_settings: ['INSERT', 'UPDATE', 'DELETE'],
  secrets: ['INSERT', 'UPDATE', 'DELETE'],
  orders: ['INSERT', 'UPDATE'],
  order_events: ['INSERT'],
  refused_requests: ['INSERT', 'UPDATE'],
  order_counts: ['INSERT', 'UPDATE'],
  paid_days: ['INSERT', 'UPDATE'],
  verification_counts: ['INSERT', 'UPDATE'],
  statements: ['INSERT', 'UPDATE'],
  statement_lines: ['INSERT', 'UPDATE'],
  statement_rejects: ['INSERT'],
};

/**
 * The roles, and the database, its schema and whatever PayDesk made there before given to the owner: run by a
 * superuser (or a role that may create roles and owns the database) connected to the book's database. Safe to run
 * again. Roles are made without a password, which whoever runs it sets (psql's \password sends only its hash).
 */
export function rolesSql({ owner, counter }: BookRoles): string {
  return `-- PayDesk's roles for the order book in this database: ${owner} owns it and upgrades it, ${counter} is what
-- every counter signs in as. Set their passwords afterwards (psql: \\password ${owner}, \\password ${counter}).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${counter}') THEN CREATE ROLE ${counter} LOGIN; END IF;
  EXECUTE format('ALTER DATABASE %I OWNER TO ${owner}', current_database());
END $$;
ALTER SCHEMA public OWNER TO ${owner};
-- PostgreSQL 14 and older let every role create tables in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${counter};
-- Statement matching works in a temporary table.
DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${counter}', current_database()); END $$;
-- Tables, sequences, functions and types made before (the book made by another user) go to the owner, who alone
-- may alter them in an upgrade; an extension's own objects stay its own.
DO $$
DECLARE
  found record;
BEGIN
  FOR found IN
    SELECT format('ALTER TABLE %s OWNER TO ${owner}', c.oid::regclass) AS sql FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO ${owner}', p.oid::regprocedure) FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER TYPE %s OWNER TO ${owner}', t.oid::regtype) FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid
      WHERE t.typnamespace = 'public'::regnamespace AND c.relkind = 'c'
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE found.sql;
  END LOOP;
END $$;
`;
}

/**
 * The counter's rights on the tables PayDesk made (run once the book's schema is there), and on the tables and
 * sequences the owner makes in later upgrades.
 */
export function grantsSql({ owner, counter }: BookRoles): string {
  const writes = Object.entries(COUNTER_WRITES).map(([table, rights]) => `GRANT ${rights.join(', ')} ON ${table} TO ${counter};`);
  return `-- ${counter} reads the book, writes only where PayDesk writes, and takes ids from its sequences.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${counter};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${counter};
${writes.join('\n')}
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${counter};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO ${counter};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${counter};
`;
}

/**
 * Runs it all on the book's database, as the superuser `db` signs in as: the roles, the book brought to this PayDesk's
 * schema as the owner (so the tables the grants name exist, and are the owner's), then the counter's grants. One
 * transaction: a failure leaves the database as it was.
 */
export async function setUpRoles(db: Executor, roles: BookRoles, { timeZone }: { timeZone: string }): Promise<void> {
  await db.atomically(async () => {
    await db.query(rolesSql(roles));
    if (schemaState(await schemaVersion(db)) !== 'current') {
      await db.atomically(async () => {
        await db.query(`SET LOCAL ROLE ${roles.owner}`);
        await migrate(db, { timeZone });
        await db.query('RESET ROLE');
      });
    }
    await db.query(grantsSql(roles));
  });
}
