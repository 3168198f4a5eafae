import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/database';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations';
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

test('an order book from a newer PayDesk is refused with a sentence and left untouched', (t) => {
  const file = join(tempDir(t), 'paydesk.db');
  const raw = new Database(file);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  assert.throws(() => openDatabase(file), /newer PayDesk/);
  const check = new Database(file);
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION + 1);
  check.close();
});

test('the database refuses a second order with the same transaction id', (t) => {
  const db = openDatabase(join(tempDir(t), 'paydesk.db'));
  t.after(() => db.close());
  db.prepare(`INSERT INTO profiles (id, name, mode, base_url, listen_host, listen_port, created_at) VALUES (1, 'p', 'live', 'https://x/api', '127.0.0.1', 47400, 'now')`).run();
  const insert = db.prepare(`INSERT INTO orders (ref, profile_id, amount_minor, currency, status, return_token_hash, cancel_token_hash, transaction_id, created_at, updated_at)
    VALUES (?, 1, 100, 'BDT', 'paid', ?, ?, ?, 'now', 'now')`);
  insert.run('PD-000001', 'r1', 'c1', 'TRX');
  insert.run('PD-000002', 'r2', 'c2', null);
  insert.run('PD-000003', 'r3', 'c3', null);
  assert.throws(() => insert.run('PD-000004', 'r4', 'c4', 'TRX'), /UNIQUE/);
  assert.throws(() => insert.run('PD-000005', 'r1', 'c5', null), /UNIQUE/);
});
