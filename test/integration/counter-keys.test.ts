// Several counters on one PostgreSQL order book, each a core with a data folder of its own on a database of the test's
// own: names taken at once stay distinct; each counter keeps its own active profile and its own API key (another
// counter's ciphertext never reaches it, and it is told who holds one); what a book from before counters kept as the
// shop's is claimed by one counter; the copy from a SQLite file carries the counters; and a new counter joins a book
// that holds other counters' orders, while a folder with orders of its own is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { PostgresInput } from '../../shared/contract';
import { startSandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import { defaultCounterNames } from '../../electron/core/counters/enroll-counter';
import { thisCounterId } from '../../electron/core/counters/this-counter';
import { SQLITE_BOOK, type BookChoice } from '../../electron/core/storage/book-choice';
import { copyOrderBook } from '../../electron/core/storage/copy-order-book';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { createExecutor, openPool } from '../../electron/core/storage/postgres/connection';
import { createCountersRepo } from '../../electron/core/storage/postgres/counters-repo';
import { openPostgresBook } from '../../electron/core/storage/postgres/postgres-book';
import { freePort } from '../support/free-port';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { adminQuery, freshDatabase, type FreshDatabase } from '../support/postgres';
import { tempDir } from '../support/temp-dir';
import { testCipher } from '../support/test-cipher';

const KEY_A = 'sk_live_counterA_Zq9vXw3KpL7mN2bR';
const KEY_B = 'sk_live_counterB_Hc4sWd8QeP1oT6uY';

type Context = Parameters<typeof freshDatabase>[0];

const bookOf = (database: FreshDatabase): BookChoice => ({ engine: 'postgres', connection: database.connection });

/** A counter: a core with a data folder of its own on the shared book. */
const counterOn = (t: Context, database: FreshDatabase) => startTestCore(t, { dataDir: tempDir(t), book: bookOf(database) });

async function addLiveProfile(core: TestCore, name: string, baseUrl: string) {
  return call(core, 'saveProfile', { profile: { name, baseUrl, mode: 'live', listenPort: await freePort() } });
}

const profileView = async (core: TestCore, name: string) =>
  (await call(core, 'listProfiles', {})).profiles.find((profile) => profile.name === name)!;

test('counters enrolling at the same moment on PostgreSQL each get a name of their own', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const opened = await Promise.all(
    Array.from({ length: 6 }, async (_, n) => {
      const pool = openPool({ connectionString: database.url, timeZone: 'UTC', max: 2 });
      t.after(() => pool.end());
      const db = createExecutor(pool);
      if (n === 0) await openPostgresBook(database.connection, { timeZone: 'UTC', counterId: 'none' }).then((book) => book.close());
      return createCountersRepo(db);
    }),
  );
  const ids = opened.map((_, n) => `counter-${n}`);
  const enrolled = await Promise.all(opened.map((repo, n) => repo.enroll(ids[n]!, defaultCounterNames('en'), new Date().toISOString())));
  assert.deepEqual(
    enrolled.map((counter) => counter.id),
    ids,
  );
  assert.deepEqual(enrolled.map((counter) => counter.name).sort(), [
    'Counter 1',
    'Counter 2',
    'Counter 3',
    'Counter 4',
    'Counter 5',
    'Counter 6',
  ]);
  // Enrolled once: asked again, each keeps the name it got.
  assert.deepEqual(await opened[3]!.enroll(ids[3]!, defaultCounterNames('en'), new Date().toISOString()), enrolled[3]);
  assert.deepEqual(
    (await opened[0]!.list()).map((counter) => counter.name),
    ['Counter 1', 'Counter 2', 'Counter 3', 'Counter 4', 'Counter 5', 'Counter 6'],
  );
  assert.equal(await opened[1]!.rename(ids[1]!, enrolled[2]!.name.toUpperCase()), null, 'a name another counter has, in any letter case');
});

test('two counters on one PostgreSQL book keep their own active profile and their own API key, and are told who holds one', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const gateway = await startSandboxGateway({ apiKey: KEY_A });
  t.after(() => gateway.close());
  const a = await counterOn(t, database);
  const b = await counterOn(t, database);
  assert.deepEqual(
    (await call(b, 'listCounters', {})).map(({ name, thisOne }) => [name, thisOne]),
    [
      ['Counter 1', false],
      ['Counter 2', true],
    ],
  );

  await addLiveProfile(a, 'Gulshan', gateway.baseUrl);
  await call(a, 'setApiKey', { profileName: 'Gulshan', apiKey: KEY_A });
  await call(a, 'switchProfile', { name: 'Gulshan' });
  assert.equal((await a.profiles.active())?.name, 'Gulshan');
  assert.equal((await b.profiles.active())?.name, 'sandbox', 'B keeps the profile it had');

  // B shares the profile, but not A's key: A's ciphertext is not B's to read, and B is told A holds one.
  const atB = await profileView(b, 'Gulshan');
  assert.deepEqual(atB.apiKey, { state: 'missing', hint: null, heldElsewhere: ['Counter 1'] });
  const gulshan = (await a.profiles.findByName('Gulshan'))!;
  assert.deepEqual(await b.book.secrets.all(), []);
  assert.equal(await b.book.secrets.get(gulshan.id), null);
  await call(b, 'setApiKey', { profileName: 'Gulshan', apiKey: KEY_B });
  assert.deepEqual((await profileView(b, 'Gulshan')).apiKey, {
    state: 'saved',
    hint: `••••${KEY_B.slice(-4)}`,
    heldElsewhere: ['Counter 1'],
  });
  assert.deepEqual((await profileView(a, 'Gulshan')).apiKey, {
    state: 'saved',
    hint: `••••${KEY_A.slice(-4)}`,
    heldElsewhere: ['Counter 2'],
  });
  const [mine, theirs] = [await a.book.secrets.all(), await b.book.secrets.all()];
  assert.equal(mine.length, 1);
  assert.equal(theirs.length, 1);
  assert.ok(!mine[0]!.ciphertext.equals(theirs[0]!.ciphertext), 'each reads only the ciphertext its own key store made');
  const holders = await adminQuery(database.url, 'SELECT holder FROM secrets WHERE profile_id = $1 ORDER BY holder', [gulshan.id]);
  assert.deepEqual(
    holders.rows.map((row) => row.holder),
    [a.counterId, b.counterId].sort(),
  );

  // A makes links with its own key.
  const link = await call(a, 'createPaymentLink', { amount: '150.50' });
  assert.equal(link.counterName, 'Counter 1');
});

test('what a book from before counters kept as the shop’s is claimed by one of two counters starting at once', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const made = await openPostgresBook(database.connection, { timeZone: 'UTC', counterId: 'unused' });
  const { rows } = await made.db.query<{ id: number }>(
    `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, return_base_url, created_at)
     VALUES ('Gulshan', 'live', 'https://pay.example/api', '127.0.0.1', 0, NULL, now()) RETURNING id`,
  );
  const id = rows[0]!.id;
  for (const [key, value] of [
    ['active_profile', id],
    ['keepRunningExplained', true],
    [`returnChecked:${id}`, 'http://127.0.0.1:1'],
    ['welcomed', true],
  ] as const)
    await made.settings.set(key, value);
  await made.close();

  const [a, b] = await Promise.all([counterOn(t, database), counterOn(t, database)]);
  const claimed = await adminQuery(
    database.url,
    `SELECT counter_id, key FROM counter_settings WHERE key IN ('keepRunningExplained', 'returnChecked:${id}') ORDER BY key`,
  );
  const owners = new Set(claimed.rows.map((row) => row.counter_id));
  assert.equal(owners.size, 1, 'one counter claimed them');
  assert.deepEqual(
    claimed.rows.map((row) => row.key),
    ['keepRunningExplained', `returnChecked:${id}`],
  );
  const [claimer, other] = owners.has(a.counterId) ? [a, b] : [b, a];
  assert.equal((await claimer.profiles.active())?.name, 'Gulshan');
  assert.equal((await other.profiles.active())?.name, 'sandbox');
  const shared = await adminQuery(
    database.url,
    `SELECT key FROM settings WHERE key IN ('active_profile', 'keepRunningExplained', 'welcomed')`,
  );
  assert.deepEqual(
    shared.rows.map((row) => row.key),
    ['welcomed'],
    'the shop’s own setting stays the shop’s',
  );
});

test('a copy from a SQLite book carries its counters, their settings, each order’s counter, and its keys as the copying counter’s', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const gateway = await startSandboxGateway({ apiKey: KEY_A });
  t.after(() => gateway.close());
  const dataDir = tempDir(t);
  // One computer, one key store: the folder's file and then the server, read by the same one.
  const keys = { cipher: testCipher() };
  const file = await startTestCore(t, { dataDir, book: SQLITE_BOOK, keys });
  await call(file, 'renameCounter', { name: 'Front desk' });
  await addLiveProfile(file, 'Gulshan', gateway.baseUrl);
  await call(file, 'setApiKey', { profileName: 'Gulshan', apiKey: KEY_A });
  await call(file, 'switchProfile', { name: 'Gulshan' });
  const link = await call(file, 'createPaymentLink', { amount: '99.50' });
  await file.close();

  const copy = () =>
    copyOrderBook({ from: join(dataDir, DATABASE_FILE), to: database.connection, timeZone: 'UTC', counterId: file.counterId });
  const copied = await copy();
  assert.ok(copied.ok, JSON.stringify(!copied.ok && copied.message));
  const counters = await adminQuery(database.url, 'SELECT id, name FROM counters');
  assert.deepEqual(counters.rows, [{ id: file.counterId, name: 'Front desk' }]);
  const orders = await adminQuery(database.url, 'SELECT ref, counter_id FROM orders');
  assert.deepEqual(orders.rows, [{ ref: link.ref, counter_id: file.counterId }]);
  const secrets = await adminQuery(database.url, 'SELECT holder FROM secrets');
  assert.deepEqual(secrets.rows, [{ holder: file.counterId }]);
  const settings = await adminQuery(database.url, `SELECT key FROM counter_settings WHERE counter_id = $1 AND key = 'active_profile'`, [
    file.counterId,
  ]);
  assert.equal(settings.rows.length, 1);

  const again = await copy();
  assert.ok(again.ok, JSON.stringify(!again.ok && again.message));
  assert.deepEqual(
    [again.value.orders.added, again.value.profiles.added, again.value.settings.added],
    [0, 0, 0],
    'run again, it copies nothing',
  );

  // The same folder on the server: the same counter, its profile, its key, its orders.
  const server = await startTestCore(t, { dataDir, book: bookOf(database), keys });
  assert.deepEqual(await call(server, 'listCounters', {}), [{ id: file.counterId, name: 'Front desk', thisOne: true }]);
  assert.equal((await server.profiles.active())?.name, 'Gulshan');
  assert.equal((await profileView(server, 'Gulshan')).apiKey.state, 'saved');
  assert.equal((await call(server, 'getOrder', { ref: link.ref })).order.counterName, 'Front desk');
});

test('a new counter whose own file holds no orders joins a shared book as it is; a folder with orders of its own is refused', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const { host, port, user, password } = database.connection;
  const input: PostgresInput = { host, port, user, database: database.name, password, tls: 'disable' };

  const first = await startTestCore(t, { dataDir: tempDir(t), book: SQLITE_BOOK });
  await call(first, 'createPaymentLink', { amount: '10' });
  await call(first, 'copyOrderBook', input);
  await call(first, 'useOrderBook', { engine: 'postgres', input });

  // A new computer: its own file holds only the sandbox profile. Choosing the server copies nothing.
  const joiningDir = tempDir(t);
  const joining = await startTestCore(t, { dataDir: joiningDir, book: SQLITE_BOOK });
  const view = await call(joining, 'useOrderBook', { engine: 'postgres', input });
  assert.equal(view.restartNeeded, true);
  assert.equal(
    (await adminQuery(database.url, 'SELECT count(*)::int AS n FROM counters')).rows[0].n,
    1,
    'nothing of the new folder was copied',
  );
  await joining.close();
  const joined = await startTestCore(t, { dataDir: joiningDir, book: bookOf(database) });
  assert.deepEqual(
    (await call(joined, 'listCounters', {})).map(({ name, thisOne }) => [name, thisOne]),
    [
      ['Counter 1', false],
      ['Counter 2', true],
    ],
  );
  assert.equal((await call(joined, 'listOrders', { allProfiles: true })).orders.length, 1, 'the first counter’s order is there');

  // A folder that made orders of its own cannot be put into another counter's book: the copy says why.
  const busy = await startTestCore(t, { dataDir: tempDir(t), book: SQLITE_BOOK });
  await call(busy, 'createPaymentLink', { amount: '20' });
  const refused = await busy.router.handle('useOrderBook', { engine: 'postgres', input }, APP_SENDER);
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'storage_copy_target_differs');
  assert.equal((await call(busy, 'getOrderBook', {})).postgres, null, 'its file stays the book chosen');
  assert.equal(await thisCounterId(joiningDir), joined.counterId);
});

test('a folder with the shop’s profiles and no orders, pointed at a book made empty for the shop, brings its profiles and key there', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const { host, port, user, password } = database.connection;
  const input: PostgresInput = { host, port, user, database: database.name, password, tls: 'disable' };
  // The schema and nothing else, as `paydesk storage setup-roles --run` leaves a new database.
  await openPostgresBook(database.connection, { timeZone: 'UTC', counterId: 'none' }).then((book) => book.close());
  assert.equal((await adminQuery(database.url, 'SELECT count(*)::int AS n FROM profiles')).rows[0].n, 0);

  const gateway = await startSandboxGateway({ apiKey: KEY_A });
  t.after(() => gateway.close());
  const dataDir = tempDir(t);
  // One computer, one key store: the folder's file and then the server, read by the same one.
  const keys = { cipher: testCipher() };
  const first = await startTestCore(t, { dataDir, book: SQLITE_BOOK, keys });
  await addLiveProfile(first, 'Gulshan', gateway.baseUrl);
  await call(first, 'setApiKey', { profileName: 'Gulshan', apiKey: KEY_A });
  await call(first, 'switchProfile', { name: 'Gulshan' });
  assert.equal((await call(first, 'listOrders', { allProfiles: true })).orders.length, 0, 'no order yet');

  await call(first, 'useOrderBook', { engine: 'postgres', input });
  const copied = await adminQuery(database.url, 'SELECT name FROM profiles ORDER BY name');
  assert.ok(
    copied.rows.some((row) => row.name === 'Gulshan'),
    'the shop’s profile was copied to the server',
  );
  await first.close();

  const opened = await startTestCore(t, { dataDir, book: bookOf(database), keys });
  assert.equal((await opened.profiles.active())?.name, 'Gulshan', 'the counter opens the book with its profile active');
  assert.equal((await profileView(opened, 'Gulshan')).apiKey.state, 'saved', 'and its key');
  assert.equal((await call(opened, 'createPaymentLink', { amount: '25' })).counterName, 'Counter 1');
});
