// The counters (tills) of one order book, on the run's engine: a data folder enrolls once under the first free default
// name and keeps it; the shop renames it, never to a name another counter has; every order records the counter that
// made it; the CLI acts as this folder's counter; and a SQLite book from before counters is claimed by the first one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StatementMapping } from '../../shared/contract';
import { COUNTER_FILE, thisCounterId } from '../../electron/core/counters/this-counter';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { MIGRATIONS } from '../../electron/core/storage/sqlite/migrations';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { bookSql } from '../support/book-sql';
import { paydesk } from '../support/cli';
import { csvBytes, dayFirst } from '../support/statements';
import { tempDir } from '../support/temp-dir';
import { copyFolderBook, onPostgres } from '../support/test-engine';

/** A second data folder on a copy of `from`'s book (its cores closed): the book knows `from`'s counter, the folder is new. */
async function anotherFolderOnACopy(t: { after(fn: () => unknown): void }, from: string): Promise<string> {
  const to = tempDir(t);
  for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
    if (existsSync(join(from, file))) cpSync(join(from, file), join(to, file));
  }
  await copyFolderBook(from, to, t);
  return to;
}

async function closed(core: TestCore): Promise<void> {
  await core.close();
}

test('a data folder enrolls once as Counter 1 and keeps its id and name; another folder on the same book is Counter 2', async (t) => {
  const dataDir = tempDir(t);
  const first = await startTestCore(t, { dataDir });
  const id = await thisCounterId(dataDir);
  assert.equal(first.counterId, id);
  assert.deepEqual(await call(first, 'listCounters', {}), [{ id, name: 'Counter 1', thisOne: true }]);
  const status = await first.setup.status();
  assert.ok(status.ok);
  assert.deepEqual(status.value.counter, { id, name: 'Counter 1', thisOne: true });
  await closed(first);

  const again = await startTestCore(t, { dataDir });
  assert.deepEqual(await call(again, 'listCounters', {}), [{ id, name: 'Counter 1', thisOne: true }], 'enrolled once');
  await closed(again);

  const other = await anotherFolderOnACopy(t, dataDir);
  const second = await startTestCore(t, { dataDir: other });
  assert.notEqual(second.counterId, id);
  assert.deepEqual(await call(second, 'listCounters', {}), [
    { id, name: 'Counter 1', thisOne: false },
    { id: second.counterId, name: 'Counter 2', thisOne: true },
  ]);
});

test('a counter is renamed to a name no other counter has, in any letter case; a taken or empty name is refused', async (t) => {
  const dataDir = tempDir(t);
  await closed(await startTestCore(t, { dataDir }));
  const core = await startTestCore(t, { dataDir: await anotherFolderOnACopy(t, dataDir) });

  assert.deepEqual(await call(core, 'renameCounter', { name: '  Front desk ' }), { id: core.counterId, name: 'Front desk', thisOne: true });
  assert.deepEqual(await call(core, 'renameCounter', { name: 'FRONT DESK' }), { id: core.counterId, name: 'FRONT DESK', thisOne: true });

  const taken = await core.router.handle('renameCounter', { name: 'counter 1' }, APP_SENDER);
  assert.ok(!taken.ok);
  assert.deepEqual(
    [taken.error.kind, taken.error.code, taken.error.params, taken.error.field],
    ['invalid_input', 'counter_name_taken', { name: 'counter 1' }, 'name'],
  );
  const empty = await core.router.handle('renameCounter', { name: '   ' }, APP_SENDER);
  assert.ok(!empty.ok);
  assert.equal(empty.error.code, 'counter_name_empty');
  const long = await core.router.handle('renameCounter', { name: 'ক'.repeat(41) }, APP_SENDER);
  assert.ok(!long.ok);
  assert.equal(long.error.code, 'counter_name_too_long');
  assert.deepEqual(
    (await call(core, 'listCounters', {})).map((counter) => counter.name),
    ['Counter 1', 'FRONT DESK'],
  );
});

test('the first name a counter gets is in the shop’s language', async (t) => {
  const dataDir = tempDir(t);
  const first = await startTestCore(t, { dataDir });
  await call(first, 'savePreferences', { ...(await call(first, 'getPreferences', {})), language: 'bn' });
  await closed(first);
  const second = await startTestCore(t, { dataDir: await anotherFolderOnACopy(t, dataDir) });
  assert.deepEqual(
    (await call(second, 'listCounters', {})).map((counter) => counter.name),
    ['Counter 1', 'কাউন্টার ২'],
  );
});

test('each order records the counter that made it: a payment link and an order recorded from a statement line alike', async (t) => {
  const core = await startTestCore(t);
  await call(core, 'renameCounter', { name: 'Front desk' });
  const link = await call(core, 'createPaymentLink', { amount: '150.50' });
  assert.equal(link.counterName, 'Front desk');

  core.platform.choices.statement = {
    name: 's.csv',
    bytes: csvBytes(['TrxID,Amount,Date', `WALKIN9,250,${dayFirst(new Date(Date.now() - 3600_000))}`]),
  };
  const preview = (await call(core, 'chooseStatement', {}))!;
  await call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
  const [line] = (await call(core, 'listUnclaimed', {})).lines;
  const recorded = await call(core, 'recordStatementLine', { lineId: line!.id, customerName: 'Nasrin' });
  assert.equal(recorded.counterName, 'Front desk');

  const rows = await bookSql(core).all<{ ref: string; counter_id: string }>('SELECT ref, counter_id FROM orders ORDER BY id');
  assert.deepEqual(rows, [
    { ref: link.ref, counter_id: core.counterId },
    { ref: recorded.ref, counter_id: core.counterId },
  ]);
  // Renamed later, its orders show the name it has now.
  await call(core, 'renameCounter', { name: 'Till by the door' });
  assert.equal((await call(core, 'getOrder', { ref: link.ref })).order.counterName, 'Till by the door');
});

test('the CLI acts as its data folder’s counter: the profile it makes active is the one the app of that folder opens', async (t) => {
  const dataDir = tempDir(t);
  await closed(await startTestCore(t, { dataDir }));
  const added = await paydesk(['--data-dir', dataDir, 'profile', 'add', 'Gulshan', '--base-url', 'https://pay.example/api']);
  assert.equal(added.code, 0, added.stderr);
  const used = await paydesk(['--data-dir', dataDir, 'profile', 'use', 'Gulshan']);
  assert.equal(used.code, 0, used.stderr);
  const core = await startTestCore(t, { dataDir });
  assert.equal((await core.profiles.active())?.name, 'Gulshan');
  const kept = await bookSql(core).all<{ counter_id: string; key: string }>(
    'SELECT counter_id, key FROM counter_settings WHERE key = ?',
    'active_profile',
  );
  assert.deepEqual(kept, [{ counter_id: core.counterId, key: 'active_profile' }]);
  assert.equal(await bookSql(core).value('SELECT count(*) FROM settings WHERE key = ?', 'active_profile'), 0);
});

test('a folder the CLI starts in first enrolls its counter there', async (t) => {
  const dataDir = tempDir(t);
  const listed = await paydesk(['--data-dir', dataDir, 'profile', 'list', '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.ok(existsSync(join(dataDir, COUNTER_FILE)));
  const core = await startTestCore(t, { dataDir });
  assert.deepEqual(await call(core, 'listCounters', {}), [{ id: await thisCounterId(dataDir), name: 'Counter 1', thisOne: true }]);
});

/** A SQLite book as PayDesk left it before it knew counters (schema 7): this counter's settings kept as the shop's. */
function legacyBook(dataDir: string): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    db.pragma('foreign_keys = OFF');
    for (const migration of MIGRATIONS.slice(0, 7)) db.exec(migration);
    db.pragma('user_version = 7');
    const profile = db
      .prepare(
        `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, return_base_url, created_at)
         VALUES ('Gulshan', 'live', 'https://pay.example/api', '127.0.0.1', 0, 'https://pay.shop.example', ?)`,
      )
      .run(new Date().toISOString()).lastInsertRowid;
    const put = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    for (const [key, value] of [
      ['active_profile', profile],
      [`tunnel:${profile}`, { name: 'shop-tunnel', run: false }],
      [`returnChecked:${profile}`, 'https://pay.shop.example'],
      ['keepRunningExplained', true],
      ['vault.weak_accepted', true],
      ['welcomed', true],
      ['shop', { name: 'রহিম স্টোর', address: 'ঢাকা', phone: '', logo: null }],
    ] as const)
      put.run(key, JSON.stringify(value));
  } finally {
    db.close();
  }
}

test(
  'a SQLite book from before counters is claimed by the first counter that starts: its choices move to it, once; the shop’s stay',
  { skip: onPostgres && 'a SQLite file from before counters (the PostgreSQL claim is in counter-keys.test.ts)' },
  async (t) => {
    const dataDir = tempDir(t);
    legacyBook(dataDir);
    const core = await startTestCore(t, { dataDir });
    const sql = bookSql(core);
    assert.equal((await core.profiles.active())?.name, 'Gulshan', 'the active profile is kept');
    assert.equal(await core.setup.firstKeepRunningNotice(), false, 'told once already');
    // Beside what it claimed, where its own listener runs now.
    const mine = await sql.all<{ counter_id: string; key: string }>(
      `SELECT counter_id, key FROM counter_settings WHERE key <> 'running_listener' ORDER BY key`,
    );
    assert.deepEqual(
      mine.map((row) => [row.counter_id, row.key]),
      ['active_profile', 'keepRunningExplained', 'returnChecked:1', 'tunnel:1', 'vault.weak_accepted'].map((key) => [core.counterId, key]),
    );
    assert.deepEqual(
      (await sql.all<{ key: string }>(`SELECT key FROM settings WHERE key IN ('shop', 'welcomed', 'active_profile', 'tunnel:1')`)).map(
        (row) => row.key,
      ),
      ['shop', 'welcomed'],
      'the shop’s own settings stay the shop’s',
    );
    await closed(core);

    const other = await startTestCore(t, { dataDir: await anotherFolderOnACopy(t, dataDir) });
    assert.equal((await other.profiles.active())?.mode, 'sandbox', 'the second counter starts on its own profile');
    assert.equal(await other.book.counterSettings.get('keepRunningExplained'), null, 'the second counter claims nothing');
    assert.equal(await other.book.counterSettings.get('tunnel:1'), null);
  },
);
