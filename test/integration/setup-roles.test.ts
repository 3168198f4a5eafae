// `paydesk storage setup-roles` on the tests' PostgreSQL server: the owner makes and upgrades the book, and a counter
// signed in with the counter role does all a shop does (links, returns, the list, a CSV export, a statement) and
// nothing more: it can neither create, alter nor drop. PostgreSQL only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { StatementMapping } from '../../shared/contract';
import { inEnglish } from '../../shared/messages/say';
import { startCore } from '../../electron/core/paydesk-core';
import { grantsSql, rolesSql, type BookRoles } from '../../electron/core/storage/postgres/book-roles';
import { createExecutor, openPool } from '../../electron/core/storage/postgres/connection';
import { upgradeRefusal } from '../../electron/core/storage/postgres/migrate';
import { parseDatabaseUrl } from '../../electron/core/storage/postgres/pool-config';
import { paydesk } from '../support/cli';
import { call, startTestCore } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { adminQuery, freshDatabase, testPostgres, type FreshDatabase } from '../support/postgres';
import { csvBytes, dayFirst } from '../support/statements';
import { tempDir } from '../support/temp-dir';

type TestContext = { after(fn: () => unknown): void; skip(message?: string): void };

/** Roles of this test's own (roles are the whole server's), dropped after its database. */
function testRoles(t: TestContext, admin: string): BookRoles {
  const tag = randomBytes(3).toString('hex');
  const roles = { owner: `paydesk_owner_${tag}`, counter: `paydesk_counter_${tag}` };
  // After freshDatabase's own drop, which owned what the roles own.
  t.after(() => t.after(() => t.after(() => adminQuery(admin, `DROP ROLE IF EXISTS ${roles.owner}, ${roles.counter}`))));
  return roles;
}

/** Gives `role` a password, and the database's URL signed in as it. */
async function signInAs(admin: string, database: FreshDatabase, role: string): Promise<string> {
  const password = randomBytes(12).toString('hex');
  await adminQuery(admin, `ALTER ROLE ${role} PASSWORD '${password}'`);
  const url = new URL(database.url);
  url.username = role;
  url.password = password;
  return url.href;
}

const connectionOf = (url: string) => {
  const parsed = parseDatabaseUrl(url);
  assert.ok(parsed.ok);
  return parsed.connection;
};

/** Starts PayDesk once on the book at `url` (as the app would), so it makes or upgrades the book, and stops it. */
async function startOnce(t: TestContext, url: string): Promise<void> {
  const core = await startCore({
    dataDir: tempDir(t),
    book: { engine: 'postgres', connection: connectionOf(url) },
    keys: { env: {} },
    listener: 'elsewhere',
    startSandbox: false,
  });
  await core.close();
}

/** What a server refused, as its SQLSTATE. */
async function refusedCode(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
    return 'done';
  } catch (error) {
    return (error as { code: string }).code;
  } finally {
    await client.end();
  }
}

/** A shop's day at a counter signed in as `url`'s role: a link, its return, the list, a CSV export, a statement. */
async function shopDay(t: TestContext, url: string): Promise<void> {
  const core = await startTestCore(t, { book: { engine: 'postgres', connection: connectionOf(url) } });
  const order = await call(core, 'createPaymentLink', { amount: '150.50' });
  const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
  assert.equal(landing.status, 200, 'the customer is thanked');
  const transactionId = new URL(landing.url).searchParams.get('transaction_id')!;

  const { orders } = await call(core, 'listOrders', {});
  assert.deepEqual(
    orders.map((o) => [o.ref, o.status]),
    [[order.ref, 'paid']],
  );

  const file = join(tempDir(t), 'orders.csv');
  const exported = await core.exports.exportCsv({ allProfiles: false }, file);
  assert.ok(exported.ok, JSON.stringify(exported));
  assert.match(readFileSync(file, 'utf8'), new RegExp(order.ref));

  const paidAt = new Date((await core.service.findOrder(order.ref))!.paidAt!);
  core.platform.choices.statement = {
    name: 'bkash.csv',
    bytes: csvBytes(['Date,Trx ID,Amount', `${dayFirst(paidAt)},${transactionId},150.50`, `${dayFirst(paidAt)},WALKIN77,99.00`]),
  };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  const report = await call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
  assert.equal(report.verified, 1, 'the paid order is verified');
  assert.equal(report.unclaimed, 1);
  assert.equal((await core.service.findOrder(order.ref))!.verification, 'verified');
}

/** DDL the counter role is refused, each with the server's "insufficient privilege". */
async function assertNoDdl(url: string): Promise<void> {
  for (const sql of [
    'CREATE TABLE counter_notes (id integer)',
    'DROP TABLE orders',
    'ALTER TABLE orders ADD COLUMN tip bigint',
    'CREATE INDEX orders_note ON orders (note)',
    'TRUNCATE orders',
    'DELETE FROM orders',
    'DROP FUNCTION orders_notify()',
  ]) {
    assert.equal(await refusedCode(url, sql), '42501', `the counter role is refused: ${sql}`);
  }
}

test('the printed roles SQL, the book made by the owner and the grants after it, lets a counter role run the shop and nothing more', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const admin = (await testPostgres()).url!;
  const roles = testRoles(t, admin);

  const printed = await paydesk(['storage', 'setup-roles', '--owner', roles.owner, '--counter', roles.counter]);
  assert.equal(printed.code, 0, printed.stderr);
  assert.equal(printed.stdout, `${rolesSql(roles)}\n${grantsSql(roles)}\n`, 'the SQL goes to stdout, for psql');
  assert.match(printed.stderr, new RegExp(`\\\\password ${roles.counter}`), 'what to do with it goes to stderr');

  await adminQuery(database.url, rolesSql(roles));
  const ownerUrl = await signInAs(admin, database, roles.owner);
  const counterUrl = await signInAs(admin, database, roles.counter);
  await startOnce(t, ownerUrl);
  await adminQuery(database.url, grantsSql(roles));

  await shopDay(t, counterUrl);
  await assertNoDdl(counterUrl);
  assert.equal(await refusedCode(counterUrl, 'LISTEN paydesk_orders'), 'done', 'LISTEN needs no grant');
});

test('setup-roles --run makes the roles and the book as its owner in one go, and running it again changes nothing', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const admin = (await testPostgres()).url!;
  const roles = testRoles(t, admin);
  const args = ['storage', 'setup-roles', '--run', '--owner', roles.owner, '--counter', roles.counter, '--database-url', database.url];

  const run = await paydesk(args);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`${roles.owner} owns PayDesk’s tables`));
  assert.doesNotMatch(run.stdout, /PASSWORD|:[^@/]+@/, 'no password is printed');
  const owners = await adminQuery(database.url, `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`);
  assert.deepEqual(
    owners.rows.map((row) => row.tableowner),
    [roles.owner],
    'every table of the book is the owner’s',
  );

  const again = await paydesk(args);
  assert.equal(again.code, 0, again.stderr);
  const counterUrl = await signInAs(admin, database, roles.counter);
  await shopDay(t, counterUrl);
  await assertNoDdl(counterUrl);
});

test('a counter role is told to start PayDesk once as the owner when the book needs an upgrade, and the owner is not', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const admin = (await testPostgres()).url!;
  const roles = testRoles(t, admin);
  const run = await paydesk([
    'storage',
    'setup-roles',
    '--run',
    '--owner',
    roles.owner,
    '--counter',
    roles.counter,
    '--database-url',
    database.url,
  ]);
  assert.equal(run.code, 0, run.stderr);

  const asRole = async (url: string) => {
    const pool = openPool({ connectionString: url, timeZone: 'UTC', max: 1 });
    t.after(() => pool.end());
    return upgradeRefusal(createExecutor(pool), 1);
  };
  const refusal = await asRole(await signInAs(admin, database, roles.counter));
  assert.ok(refusal);
  assert.equal(refusal.code, 'postgres_schema_needs_owner');
  assert.match(inEnglish(refusal), new RegExp(`Start PayDesk once signed in as ${roles.owner}`));
  assert.equal(await asRole(await signInAs(admin, database, roles.owner)), null);
});

test('setup-roles refuses role names it would have to quote, one role for both, and --run without a database', async (t) => {
  const quoted = await paydesk(['storage', 'setup-roles', '--owner', 'Shop Owner']);
  assert.equal(quoted.code, 2);
  assert.match(quoted.stderr, /--owner takes a role name/);
  const same = await paydesk(['storage', 'setup-roles', '--owner', 'till', '--counter', 'till']);
  assert.equal(same.code, 2);
  assert.match(same.stderr, /two different roles/);
  const nowhere = await paydesk(['--data-dir', tempDir(t), 'storage', 'setup-roles', '--run'], { PAYDESK_DATABASE_URL: '' });
  assert.equal(nowhere.code, 2, nowhere.stderr);
  assert.match(nowhere.stderr, /--run needs --database-url/);
});
