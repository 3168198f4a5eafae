import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/storage/sqlite/database';
import { MIGRATIONS, OrderBookRefused, SCHEMA_VERSION } from '../../electron/core/storage/sqlite/migrations';
import { render } from '../../shared/messages/say';
import { tempDir } from '../support/temp-dir';

test('a new order book is created at the current schema, in WAL mode with a busy timeout', (t) => {
  const file = join(tempDir(t), 'nested', 'paydesk.db');
  const db = openDatabase(file);
  t.after(() => db.close());
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
  for (const table of ['order_counts', 'order_events', 'orders', 'orders_search', 'paid_days', 'profiles', 'secrets', 'settings']) {
    assert.ok(tables.includes(table), `${table} exists`);
  }
});

test('opening an order book twice does not migrate or back it up again', (t) => {
  const file = join(tempDir(t), 'paydesk.db');
  openDatabase(file).close();
  const again = openDatabase(file);
  again.close();
  assert.ok(!existsSync(`${file}.v${SCHEMA_VERSION}.bak`));
});

test('an order book from a newer PayDesk is refused with its reason in both languages and left untouched', (t) => {
  const file = join(tempDir(t), 'paydesk.db');
  const raw = new Database(file);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  const schema = SCHEMA_VERSION + 1;
  assert.throws(
    () => openDatabase(file),
    (error) => {
      assert.ok(error instanceof OrderBookRefused);
      assert.deepEqual(error.said, { code: 'order_book_newer', params: { schema } });
      assert.equal(error.message, `This order book was written by a newer PayDesk (schema ${schema}); update PayDesk to open it.`);
      assert.match(render(error.said, 'bn'), /^এই অর্ডারের খাতা PayDesk-এর নতুন কোনো সংস্করণে লেখা/);
      return true;
    },
  );
  const check = new Database(file);
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION + 1);
  check.close();
});

test('the database refuses a second order with the same transaction id, in any letter case', (t) => {
  const db = openDatabase(join(tempDir(t), 'paydesk.db'));
  t.after(() => db.close());
  db.prepare(
    `INSERT INTO profiles (id, name, mode, base_url, listen_host, listen_port, created_at) VALUES (1, 'p', 'live', 'https://x/api', '127.0.0.1', 47400, 'now')`,
  ).run();
  const statement =
    db.prepare(`INSERT INTO orders (ref, profile_id, amount_minor, currency, status, return_token_hash, cancel_token_hash, transaction_id, transaction_key, created_at, updated_at)
    VALUES (?, 1, 100, 'BDT', 'paid', ?, ?, ?, upper(?), 'now', 'now')`);
  const insert = { run: (ref: string, r: string, c: string, trx: string | null) => statement.run(ref, r, c, trx, trx) };
  insert.run('PD-000001', 'r1', 'c1', 'TRX');
  insert.run('PD-000002', 'r2', 'c2', null);
  insert.run('PD-000003', 'r3', 'c3', null);
  assert.throws(() => insert.run('PD-000004', 'r4', 'c4', 'TRX'), /UNIQUE/);
  assert.throws(() => insert.run('PD-000006', 'r6', 'c6', 'trx'), /UNIQUE/);
  assert.throws(() => insert.run('PD-000005', 'r1', 'c5', null), /UNIQUE/);
  // A writer that leaves the key out (or writes another) is refused, so the unique index can never be bypassed.
  assert.throws(() => db.prepare(`UPDATE orders SET transaction_id = 'OTHER' WHERE ref = 'PD-000002'`).run(), /stored with its key/);
});

/** An order book as PayDesk left it at schema 5, before transaction ids had one identity. */
function schema5Book(file: string): Database.Database {
  const raw = new Database(file);
  for (const [i, sql] of MIGRATIONS.slice(0, 5).entries()) {
    raw.exec(sql);
    raw.pragma(`user_version = ${i + 1}`);
  }
  raw
    .prepare(
      `INSERT INTO profiles (id, name, mode, base_url, listen_host, listen_port, created_at) VALUES (1, 'shop', 'live', 'https://pay.example/api', '127.0.0.1', 47400, 'then')`,
    )
    .run();
  raw
    .prepare(`INSERT INTO secrets (profile_id, ciphertext, backend, updated_at) VALUES (1, ?, 'test', 'then')`)
    .run(Buffer.from('sk_live_LEFTOVERKEY'));
  const order =
    raw.prepare(`INSERT INTO orders (id, ref, profile_id, amount_minor, currency, status, return_token_hash, cancel_token_hash, transaction_id, created_at, updated_at, paid_at)
    VALUES (?, ?, 1, 100, 'BDT', 'paid', ?, ?, ?, ?, ?, ?)`);
  // A was made first but paid second, with B's id in lower case: B's is the genuine payment.
  order.run(1, 'PD-000001', 'r1', 'c1', 'jsgtb1ofn2', '2026-11-01T09:00:00.000Z', 'x', '2026-11-01T10:05:00.000Z');
  order.run(2, 'PD-000002', 'r2', 'c2', 'JSGTB1OFN2', '2026-11-01T09:30:00.000Z', 'x', '2026-11-01T10:00:00.000Z');
  order.run(3, 'PD-000003', 'r3', 'c3', 'OTHER1', '2026-11-01T11:00:00.000Z', 'x', '2026-11-01T11:05:00.000Z');
  return raw;
}

test('upgrading finds ids that differ only by case, keeps the first payment and reports both orders', (t) => {
  const file = join(tempDir(t), 'paydesk.db');
  schema5Book(file).close();
  const db = openDatabase(file);
  t.after(() => db.close());
  const keys = db.prepare(`SELECT ref, transaction_id AS id, transaction_key AS key FROM orders ORDER BY ref`).all();
  assert.deepEqual(keys, [
    { ref: 'PD-000001', id: 'jsgtb1ofn2', key: null },
    { ref: 'PD-000002', id: 'JSGTB1OFN2', key: 'JSGTB1OFN2' },
    { ref: 'PD-000003', id: 'OTHER1', key: 'OTHER1' },
  ]);
  const reported = db
    .prepare(
      `SELECT o.ref, e.detail FROM order_events e JOIN orders o ON o.id = e.order_id WHERE e.kind = 'transaction_id_clash' ORDER BY e.id`,
    )
    .all() as Array<{ ref: string; detail: string }>;
  assert.deepEqual(
    reported.map((r) => [r.ref, JSON.parse(r.detail)]),
    [
      ['PD-000001', { transactionId: 'jsgtb1ofn2', heldBy: 'PD-000002', heldAs: 'JSGTB1OFN2' }],
      ['PD-000002', { transactionId: 'JSGTB1OFN2', alsoHeldBy: 'PD-000001', heldAs: 'jsgtb1ofn2' }],
    ],
  );
  // Nothing was merged or unpaid: both orders keep what they had.
  assert.deepEqual(db.prepare(`SELECT status FROM orders ORDER BY id`).pluck().all(), ['paid', 'paid', 'paid']);
});

test('a backup made before an upgrade, and any older one, keeps the orders but not the API keys', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'paydesk.db');
  const raw = schema5Book(file);
  raw.close();
  // A backup left by an earlier upgrade, keys and all, readable by everyone.
  copyFileSync(file, `${file}.v4.bak`);
  chmodSync(`${file}.v4.bak`, 0o644);
  openDatabase(file).close();
  for (const backup of [`${file}.v4.bak`, `${file}.v5.bak`]) {
    const copy = new Database(backup, { readonly: true });
    assert.equal(copy.prepare(`SELECT count(*) FROM secrets`).pluck().get(), 0, backup);
    assert.equal(copy.prepare(`SELECT count(*) FROM orders`).pluck().get(), 3, backup);
    copy.close();
    assert.ok(!readFileSync(backup).includes('sk_live_LEFTOVERKEY'), `${backup} holds no trace of the key`);
    assert.equal(statSync(backup).mode & 0o777, 0o600, backup);
  }
});

test('the data folder and the order book are the shop user’s alone, whoever created them', (t) => {
  const dir = join(tempDir(t), 'shared');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  const file = join(dir, 'paydesk.db');
  new Database(file).close();
  chmodSync(file, 0o644);
  const db = openDatabase(file);
  db.prepare(`INSERT INTO settings (key, value) VALUES ('x', 'y')`).run();
  t.after(() => db.close());
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  for (const path of [file, `${file}-wal`, `${file}-shm`]) assert.equal(statSync(path).mode & 0o777, 0o600, path);
  assert.equal(db.pragma('secure_delete', { simple: true }), 1);
});
