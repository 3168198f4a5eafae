// The PostgreSQL engine's platform on a real server the tests started: the migration (two PayDesks at once, a newer
// book refused), the profiles, settings and secrets repositories, the database URL, and the step-by-step check,
// TLS included (a server of its own with a test certificate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { version as appVersion } from '../../package.json';
import type { OrderBookCheck } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import type { PostgresConnection } from '../../electron/core/storage/book-choice';
import { OrderBookRefused } from '../../electron/core/storage/order-book-refused';
import { backupCommand, checkPostgres } from '../../electron/core/storage/postgres/connection-check';
import { createExecutor, openPool, type Executor } from '../../electron/core/storage/postgres/connection';
import { migrate, schemaState } from '../../electron/core/storage/postgres/migrate';
import { SCHEMA_VERSION } from '../../electron/core/storage/postgres/migrations';
import { describePostgres, parseDatabaseUrl, poolConfig } from '../../electron/core/storage/postgres/pool-config';
import { createCountersRepo } from '../../electron/core/storage/postgres/counters-repo';
import { createProfilesRepo } from '../../electron/core/storage/postgres/profiles-repo';
import { createSecretsRepo } from '../../electron/core/storage/postgres/secrets-repo';
import { createSettingsRepo } from '../../electron/core/storage/postgres/settings-repo';
import type { NewProfile } from '../../electron/core/storage/profiles-repo';
import { startPostgres } from '../../scripts/postgres-server.js';
import { freePort } from '../support/free-port';
import { adminQuery, freshDatabase, testPostgres } from '../support/postgres';
import { canMakeCertificates, makeCertificate } from '../support/self-signed';
import { tempDir } from '../support/temp-dir';

const TIME_ZONE = 'Asia/Dhaka';

function executorFor(t: { after(fn: () => unknown): void }, connection: PostgresConnection): Executor {
  const pool = openPool({ timeZone: TIME_ZONE, ...poolConfig(connection) });
  t.after(() => pool.end());
  return createExecutor(pool);
}

async function migratedBook(t: Parameters<typeof freshDatabase>[0]) {
  const fresh = await freshDatabase(t);
  if (!fresh) return null;
  const db = executorFor(t, fresh.connection);
  await migrate(db, { timeZone: TIME_ZONE });
  // The counter whose own settings and keys the repositories here keep.
  await createCountersRepo(db).enroll(COUNTER, ['Counter 1'], new Date().toISOString());
  return { ...fresh, db };
}

const COUNTER = 'counter-a';
const profilesOf = (db: Executor) => createProfilesRepo(db, createCountersRepo(db).settingsOf(COUNTER));

const steps = (check: OrderBookCheck) => check.steps.map(({ step, ok }) => `${step}:${ok ? 'ok' : 'failed'}`);

const PROFILE: NewProfile = {
  name: 'Gulshan',
  mode: 'live',
  baseUrl: 'https://pay.example.com/api',
  listenHost: '127.0.0.1',
  listenPort: 47400,
  returnBaseUrl: null,
};

// ---- migrate ----

test('two PayDesks migrating one empty database at once both succeed, and the schema is made once', async (t) => {
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const [first, second] = [executorFor(t, fresh.connection), executorFor(t, fresh.connection)];
  await Promise.all([migrate(first, { timeZone: TIME_ZONE }), migrate(second, { timeZone: TIME_ZONE })]);
  const { rows: versions } = await first.query(`SELECT version, app_version FROM paydesk_schema`);
  assert.deepEqual(versions, [{ version: SCHEMA_VERSION, app_version: appVersion }]);
  const { rows: book } = await first.query(`SELECT time_zone FROM book`);
  assert.deepEqual(book, [{ time_zone: TIME_ZONE }]);
  // And a third start later finds it current and changes nothing.
  await migrate(first, { timeZone: 'UTC' });
  assert.deepEqual((await first.query(`SELECT time_zone FROM book`)).rows, [{ time_zone: TIME_ZONE }]);
});

test('a PostgreSQL book written by a newer PayDesk is refused with its schema number, and nothing in it changes', async (t) => {
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const db = executorFor(t, fresh.connection);
  const schema = SCHEMA_VERSION + 1;
  await db.query(`CREATE TABLE paydesk_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL, app_version text NOT NULL)`);
  await db.query(`INSERT INTO paydesk_schema VALUES ($1, now(), '9.9.9')`, [schema]);
  await assert.rejects(migrate(db, { timeZone: TIME_ZONE }), (error) => {
    assert.ok(error instanceof OrderBookRefused);
    assert.deepEqual(error.said, { code: 'postgres_schema_newer', params: { schema } });
    assert.match(error.message, /written by a newer PayDesk \(schema 2\); update PayDesk/);
    assert.match(render(error.said, 'bn'), /PayDesk হালনাগাদ করুন/);
    return true;
  });
  const { rows } = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
  assert.deepEqual(rows, [{ table_name: 'paydesk_schema' }]);

  const check = await checkPostgres(fresh.connection);
  assert.equal(check.ok, false);
  assert.equal(check.schema, 'newer');
  assert.deepEqual(check.message, { code: 'postgres_schema_newer', params: { schema } });
});

test('a book older than the app counts as older, and the sentence before its upgrade names the pg_dump that backs it up', () => {
  assert.deepEqual(
    [0, 1, 2, 3].map((found) => schemaState(found, 2)),
    ['none', 'older', 'current', 'newer'],
  );
  const connection: PostgresConnection = {
    host: 'db.shop.example',
    port: 5433,
    database: 'paydesk',
    user: "o'neil",
    password: 'secret',
    tls: 'require',
    ca: null,
  };
  const command = backupCommand(connection);
  assert.equal(command, `pg_dump -Fc -h db.shop.example -p 5433 -U 'o'\\''neil' paydesk > paydesk-before-upgrade.dump`);
  assert.ok(!command.includes('secret'), 'the password is never in the command');
});

// ---- repositories ----

test('profiles on PostgreSQL: names unique in any letter case among those not removed, a removed name free again, the mode fixed', async (t) => {
  const book = await migratedBook(t);
  if (!book) return;
  const profiles = profilesOf(book.db);
  const gulshan = await profiles.add(PROFILE);
  assert.deepEqual(gulshan, { ...PROFILE, id: gulshan.id, removed: false });
  assert.deepEqual(await profiles.get(gulshan.id), gulshan);
  assert.deepEqual(await profiles.findByName('gULSHAN'), gulshan);

  await assert.rejects(profiles.add({ ...PROFILE, name: 'GULSHAN', mode: 'sandbox' }), { code: '23505', constraint: 'profiles_name' });
  const banani = await profiles.add({ ...PROFILE, name: 'banani', mode: 'sandbox', listenPort: 47401 });
  assert.deepEqual(
    (await profiles.list()).map((p) => p.name),
    ['banani', 'Gulshan'],
  );

  const moved = await profiles.update(gulshan.id, { baseUrl: 'https://pay2.example.com/api', returnBaseUrl: 'https://shop.example' });
  assert.equal(moved.baseUrl, 'https://pay2.example.com/api');
  assert.equal(moved.mode, 'live');
  await assert.rejects(book.db.query(`UPDATE profiles SET mode = 'sandbox' WHERE id = $1`, [gulshan.id]), /a profile keeps its mode/);

  await profiles.setActive(gulshan.id);
  assert.equal((await profiles.active())?.id, gulshan.id);
  await profiles.remove(gulshan.id);
  assert.equal(await profiles.active(), null, 'a removed profile is active no more');
  assert.equal(await profiles.findByName('Gulshan'), null);
  await assert.rejects(profiles.update(gulshan.id, { name: 'Old' }), /was removed and cannot be changed/);
  await assert.rejects(profiles.setActive(gulshan.id), /was removed and cannot be made active/);
  await assert.rejects(profiles.get(999), /No profile with id 999/);

  const again = await profiles.add({ ...PROFILE, name: 'gulshan' });
  assert.notEqual(again.id, gulshan.id);
  assert.deepEqual(
    (await profiles.list({ includeRemoved: true })).map((p) => `${p.name}${p.removed ? ' (removed)' : ''}`),
    ['banani', 'gulshan', 'Gulshan (removed)'],
  );
  assert.deepEqual(
    (await profiles.list()).map((p) => p.id),
    [banani.id, again.id],
  );
});

test('settings on PostgreSQL keep JSON values of every kind, and delete them', async (t) => {
  const book = await migratedBook(t);
  if (!book) return;
  const settings = createSettingsRepo(book.db);
  assert.equal(await settings.get('missing'), null);
  const values: Record<string, unknown> = {
    text: 'বাংলা "quoted"',
    number: 50_000,
    flag: false,
    list: [1, 'two'],
    mapping: { amount: 'জমা (৳)' },
  };
  for (const [key, value] of Object.entries(values)) await settings.set(key, value);
  for (const [key, value] of Object.entries(values)) assert.deepEqual(await settings.get(key), value);
  await settings.set('number', 75_000);
  assert.equal(await settings.get('number'), 75_000);
  await settings.delete('number');
  assert.equal(await settings.get('number'), null);
});

test('secrets on PostgreSQL: upserted by profile, bound to an origin once, removed in a transaction, and scrubbed by VACUUM', async (t) => {
  const book = await migratedBook(t);
  if (!book) return;
  const profile = await profilesOf(book.db).add(PROFILE);
  const secrets = createSecretsRepo(book.db, COUNTER);
  const first = Buffer.from('first-ciphertext-0123456789');
  await secrets.put(
    { profileId: profile.id, ciphertext: first, backend: 'keychain', origin: 'https://pay.example.com' },
    new Date().toISOString(),
  );
  const second = Buffer.from([0, 1, 2, 250, 255]);
  await secrets.put(
    { profileId: profile.id, ciphertext: second, backend: 'dpapi', origin: 'https://pay.example.com' },
    new Date().toISOString(),
  );
  assert.deepEqual(await secrets.get(profile.id), {
    profileId: profile.id,
    ciphertext: second,
    backend: 'dpapi',
    origin: 'https://pay.example.com',
  });
  assert.equal((await secrets.all()).length, 1);

  await book.db.query(`UPDATE secrets SET origin = NULL`);
  await secrets.bindOrigin(profile.id, 'https://a.example');
  await secrets.bindOrigin(profile.id, 'https://b.example');
  assert.equal((await secrets.get(profile.id))?.origin, 'https://a.example', 'only a key with no origin is bound');

  await assert.rejects(
    secrets.atomically(async () => {
      await secrets.remove(profile.id);
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );
  assert.ok(await secrets.get(profile.id), 'the removal was rolled back');

  // Another profile's key keeps the table's page, which the test reads as the server keeps it on disk.
  const other = await profilesOf(book.db).add({ ...PROFILE, name: 'Banani' });
  await secrets.put(
    { profileId: other.id, ciphertext: Buffer.from('kept'), backend: 'keychain', origin: 'https://x.example' },
    new Date().toISOString(),
  );
  await secrets.remove(profile.id);
  await book.db.query(`CREATE EXTENSION pageinspect`);
  const items = async () =>
    (
      await book.db.query<{ kind: number; items: number }>(
        `SELECT lp_flags AS kind, count(*)::int AS items FROM heap_page_items(get_raw_page('secrets', 0)) GROUP BY 1 ORDER BY 1`,
      )
    ).rows;
  const normal = async () => (await items()).find(({ kind }) => kind === 1)?.items ?? 0;
  assert.ok((await normal()) > 1, 'before the scrub, the replaced and removed keys are rows still in the table');
  await secrets.scrub();
  assert.equal(await normal(), 1, 'after it, only the live key is');
  assert.equal(await secrets.get(profile.id), null);
});

// ---- the database URL ----

test('a database URL gives its user, password (percent-decoded), server, port, database and TLS mode', (t) => {
  const caFile = join(tempDir(t), 'ca.pem');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  assert.deepEqual(
    parseDatabaseUrl(
      `postgresql://till%40gulshan:p%40ss%2Fw%C3%B6rd@db.shop.example:6543/pay%20desk?sslmode=verify-full&sslrootcert=${caFile}`,
    ),
    {
      ok: true,
      connection: {
        host: 'db.shop.example',
        port: 6543,
        database: 'pay desk',
        user: 'till@gulshan',
        password: 'p@ss/wörd',
        tls: 'verify-full',
        ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      },
    },
  );
  const plain = parseDatabaseUrl('postgres://shop@[::1]/paydesk');
  assert.deepEqual(plain, {
    ok: true,
    connection: { host: '::1', port: 5432, database: 'paydesk', user: 'shop', password: '', tls: 'require', ca: null },
  });
  assert.ok(plain.ok);
  assert.equal(describePostgres(plain.connection), 'postgres://shop@[::1]:5432/paydesk');
  const secret = parseDatabaseUrl('postgres://shop:hunter2@127.0.0.1:5433/paydesk?sslmode=disable');
  assert.ok(secret.ok);
  assert.equal(describePostgres(secret.connection), 'postgres://shop@127.0.0.1:5433/paydesk', 'never the password');
  assert.deepEqual(parseDatabaseUrl('postgres://shop@db/paydesk?sslmode=verify-full&sslrootcert=system'), {
    ok: true,
    connection: { host: 'db', port: 5432, database: 'paydesk', user: 'shop', password: '', tls: 'verify-full', ca: null },
  });
});

test('a database URL PayDesk cannot use is refused with a sentence saying what to write instead, never thrown', (t) => {
  const notPem = join(tempDir(t), 'notes.txt');
  writeFileSync(notPem, 'not a certificate');
  const refusals: Array<[string, string, Record<string, unknown>?]> = [
    ['', 'database_url_invalid'],
    ['not a url', 'database_url_invalid'],
    ['mysql://shop@db/paydesk', 'database_url_invalid'],
    ['postgres://shop@db:99999/paydesk', 'database_url_invalid'],
    ['postgres://shop:%E0%A4@db/paydesk', 'database_url_invalid'],
    ['postgres://db/paydesk', 'database_url_missing', { part: 'user' }],
    ['postgres://shop@db', 'database_url_missing', { part: 'database' }],
    ['postgres:///paydesk', 'database_url_missing', { part: 'host' }],
    ['postgres://shop@db/paydesk?sslmode=prefer', 'database_url_sslmode_fallback', { text: 'prefer' }],
    ['postgres://shop@db/paydesk?sslmode=allow', 'database_url_sslmode_fallback', { text: 'allow' }],
    ['postgres://shop@db/paydesk?sslmode=verify-ca', 'database_url_sslmode_verify_ca'],
    ['postgres://shop@db/paydesk?sslmode=maybe', 'database_url_sslmode_unknown', { text: 'maybe' }],
    ['postgres://shop@db/paydesk?application_name=x', 'database_url_parameter', { text: 'application_name' }],
    ['postgres://shop@db/paydesk?sslmode=require&sslrootcert=/ca.pem', 'database_url_rootcert_unused'],
    [
      'postgres://shop@db/paydesk?sslmode=verify-full&sslrootcert=/nowhere/ca.pem',
      'database_url_rootcert_unreadable',
      { file: '/nowhere/ca.pem', code: 'ENOENT' },
    ],
    [`postgres://shop@db/paydesk?sslmode=verify-full&sslrootcert=${notPem}`, 'database_url_rootcert_not_pem', { file: notPem }],
  ];
  for (const [url, code, params = {}] of refusals) {
    assert.deepEqual(parseDatabaseUrl(url), { ok: false, message: { code, params } }, url);
  }
  assert.match(render({ code: 'database_url_sslmode_fallback', params: { text: 'prefer' } }, 'en'), /use sslmode=require/);
});

test('the pool is set up for each TLS mode: none, encrypted unchecked, or checked against the CA and the name', () => {
  const base: PostgresConnection = {
    host: 'db.shop.example',
    port: 5432,
    database: 'paydesk',
    user: 'shop',
    password: 'pw',
    tls: 'disable',
    ca: null,
  };
  assert.equal(poolConfig(base).ssl, false);
  assert.deepEqual(poolConfig({ ...base, tls: 'require', ca: 'PEM' }).ssl, { rejectUnauthorized: false });
  assert.deepEqual(poolConfig({ ...base, tls: 'verify-full', ca: 'PEM' }).ssl, {
    rejectUnauthorized: true,
    ca: 'PEM',
    servername: 'db.shop.example',
  });
  assert.deepEqual(poolConfig({ ...base, host: '10.0.0.5', tls: 'verify-full' }).ssl, { rejectUnauthorized: true });
  assert.deepEqual(
    { ...poolConfig(base), ssl: undefined },
    { host: 'db.shop.example', port: 5432, database: 'paydesk', user: 'shop', password: 'pw', ssl: undefined },
  );
});

// ---- the check ----

test('the check stops at the step that fails: nothing on the port, a wrong password, a database not there', async (t) => {
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const good = fresh.connection;

  const port = await freePort();
  const unreached = await checkPostgres({ ...good, port }, { timeoutMs: 3000 });
  assert.deepEqual(steps(unreached), ['reach:failed']);
  assert.deepEqual(unreached.message, { code: 'pg_reach_refused', params: { host: '127.0.0.1', port } });
  assert.equal(unreached.schema, null);

  const wrongPassword = await checkPostgres({ ...good, password: 'not-the-password' });
  assert.deepEqual(steps(wrongPassword), ['reach:ok', 'tls:ok', 'sign_in:failed']);
  assert.deepEqual(wrongPassword.message, { code: 'pg_sign_in_refused', params: { user: good.user } });
  assert.equal(
    render(wrongPassword.message, 'en'),
    `The database server refused ${good.user} with that password: check the user name and the password.`,
  );

  const noDatabase = await checkPostgres({ ...good, database: 'no_such_book' });
  assert.deepEqual(steps(noDatabase), ['reach:ok', 'tls:ok', 'sign_in:ok', 'database:failed']);
  assert.equal(noDatabase.message.code, 'pg_database_missing');
  assert.match(render(noDatabase.message, 'en'), /no database named no_such_book.*createdb -O paydesk_admin no_such_book/);
});

test('the check of a good database finds no schema, then the current one once PayDesk has migrated it', async (t) => {
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const before = await checkPostgres(fresh.connection);
  assert.deepEqual(steps(before), ['reach:ok', 'tls:ok', 'sign_in:ok', 'database:ok', 'version:ok', 'schema:ok']);
  assert.equal(before.ok, true);
  assert.equal(before.schema, 'none');
  assert.deepEqual(before.message, { code: 'pg_check_ready_new', params: { database: fresh.name } });
  assert.equal(before.steps[1]!.detail.code, 'pg_tls_off');
  assert.match(render(before.steps[4]!.detail, 'en'), /^PostgreSQL 1\d\.\d+\.$/);

  await migrate(executorFor(t, fresh.connection), { timeZone: TIME_ZONE });
  const after = await checkPostgres(fresh.connection);
  assert.equal(after.ok, true);
  assert.equal(after.schema, 'current');
  assert.deepEqual(after.steps.at(-1)!.detail, { code: 'pg_schema_current', params: { schema: SCHEMA_VERSION } });
  assert.deepEqual(after.message, { code: 'pg_check_ready', params: { database: fresh.name } });
});

test('the check says when the user may not create PayDesk’s tables in the database', async (t) => {
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const role = `${fresh.name}_till`;
  await adminQuery(fresh.url, `CREATE ROLE ${role} LOGIN PASSWORD 'till-password'`);
  t.after(() => adminQuery(fresh.url, `DROP ROLE ${role}`));
  const check = await checkPostgres({ ...fresh.connection, user: role, password: 'till-password' });
  assert.deepEqual(steps(check).at(-1), 'schema:failed');
  assert.equal(check.schema, 'none');
  assert.deepEqual(check.message, {
    code: 'pg_cannot_create',
    params: { user: role, database: fresh.name, command: `ALTER DATABASE ${fresh.name} OWNER TO ${role}` },
  });
});

test('TLS: require encrypts, verify-full trusts the CA it is given and no other, and a server without TLS fails at tls', async (t) => {
  if (!canMakeCertificates(t)) return;
  const { skip } = await testPostgres();
  if (skip) return t.skip(skip);
  const certificate = makeCertificate(t, { issuedByAuthority: true });
  const stranger = makeCertificate(t, { issuedByAuthority: true });
  const server = await startPostgres({ tls: { cert: certificate.cert, key: certificate.key } });
  // Stopped once the pools below are closed (a hook added while the hooks run goes last).
  t.after(() => t.after(() => server.stop()));
  const connection: PostgresConnection = {
    host: '127.0.0.1',
    port: server.port,
    database: 'postgres',
    user: server.user,
    password: server.password,
    tls: 'require',
    ca: null,
  };
  const ca = certificate.trust.toString();
  const encrypted = async (c: PostgresConnection) => {
    const db = executorFor(t, c);
    return (await db.query<{ ssl: boolean }>(`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`)).rows[0]!.ssl;
  };

  const required = await checkPostgres(connection);
  assert.equal(required.ok, true, JSON.stringify(required.message));
  assert.deepEqual(required.steps[1]!.detail, { code: 'pg_tls_ok_unchecked', params: { host: '127.0.0.1' } });
  assert.equal(await encrypted(connection), true);

  const verified = await checkPostgres({ ...connection, tls: 'verify-full', ca });
  assert.equal(verified.ok, true, JSON.stringify(verified.message));
  assert.equal(verified.steps[1]!.detail.code, 'pg_tls_ok_verified');
  assert.equal(verified.steps[1]!.detail.params.issuer, 'PayDesk Test Authority');
  assert.equal(await encrypted({ ...connection, tls: 'verify-full', ca }), true);

  const otherCa = await checkPostgres({ ...connection, tls: 'verify-full', ca: stranger.trust.toString() });
  assert.deepEqual(steps(otherCa), ['reach:ok', 'tls:failed']);
  assert.deepEqual(otherCa.message, { code: 'pg_tls_untrusted', params: { host: '127.0.0.1', issuer: 'PayDesk Test Authority' } });
  const pool = openPool({ timeZone: TIME_ZONE, ...poolConfig({ ...connection, tls: 'verify-full', ca: stranger.trust.toString() }) });
  t.after(() => pool.end());
  await assert.rejects(pool.query('SELECT 1'), /unable to get local issuer certificate|self.signed|unable to verify/i);

  const wrongName = await checkPostgres({ ...connection, host: 'localhost', tls: 'verify-full', ca });
  assert.deepEqual(steps(wrongName), ['reach:ok', 'tls:failed']);
  assert.deepEqual(wrongName.message, { code: 'pg_tls_wrong_name', params: { host: 'localhost', names: ['127.0.0.1'], more: 0 } });

  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const plain = await checkPostgres({ ...fresh.connection, tls: 'require' });
  assert.deepEqual(steps(plain), ['reach:ok', 'tls:failed']);
  assert.deepEqual(plain.message, { code: 'pg_tls_not_offered', params: { host: '127.0.0.1', port: fresh.connection.port } });
});
