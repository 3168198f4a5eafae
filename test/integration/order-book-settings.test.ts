// Settings › Order book's service through the router, on a real core and the run's PostgreSQL server: a saved
// password goes only to the server and user it was typed for, a computer that cannot keep it cannot choose the
// server, and a damaged choice file is said and replaced, never taken for this computer's file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresInput } from '../../shared/contract';
import { BOOK_CHOICE_FILE } from '../../electron/core/storage/book-choice-file';
import { SQLITE_BOOK } from '../../electron/core/storage/book-choice';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { adminQuery, freshDatabase } from '../support/postgres';
import { testCipher } from '../support/test-cipher';

async function refusal(core: TestCore, channel: 'useOrderBook' | 'checkOrderBook', payload: unknown) {
  const reply = await core.router.handle(channel, payload, APP_SENDER);
  assert.equal(reply.ok, false);
  return !reply.ok && reply.error;
}

test('a saved password is used again only for the server and user it was typed for', async (t) => {
  const core = await startTestCore(t);
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const { host, port, user, password } = fresh.connection;
  const server: PostgresInput = { host, port, user, database: fresh.name, password, tls: 'disable' };
  await call(core, 'useOrderBook', { engine: 'postgres', input: server });
  const { password: _typed, ...withoutPassword } = server;

  const again = await call(core, 'checkOrderBook', withoutPassword);
  assert.equal(again.ok, true, 'the same server and user: the saved password signs in');
  // The same server under another name is another server to the vault: the password does not go there.
  const elsewhere = await call(core, 'checkOrderBook', { ...withoutPassword, host: 'localhost' });
  assert.equal(elsewhere.steps.find((step) => step.step === 'sign_in')?.ok, false);
  const view = await call(core, 'getOrderBook', {});
  assert.equal(view.postgres?.passwordSaved, true);
  assert.ok(!JSON.stringify(view).includes(password), 'the view never holds the password');
});

test('a computer that cannot keep the password cannot choose the server, and nothing is saved', async (t) => {
  const core = await startTestCore(t, { keys: { cipher: testCipher({ available: false }) } });
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const { host, port, user, password } = fresh.connection;
  const view = await call(core, 'getOrderBook', {});
  assert.equal(view.canSavePassword, false);
  const error = await refusal(core, 'useOrderBook', {
    engine: 'postgres',
    input: { host, port, user, password, database: fresh.name, tls: 'disable' },
  });
  assert.deepEqual(error && [error.kind, error.code], ['forbidden', 'order_book_password_not_kept']);
  assert.equal((await call(core, 'getOrderBook', {})).postgres, null);
});

test('a damaged choice file is said, not taken for this computer’s file, and choosing again replaces it', async (t) => {
  const core = await startTestCore(t, { book: SQLITE_BOOK });
  const file = join(core.dataDir, BOOK_CHOICE_FILE);
  writeFileSync(file, '{ "engine": "postg');
  const view = await call(core, 'getOrderBook', {});
  assert.deepEqual(view.problem, { code: 'storage_choice_damaged', params: { file } });
  assert.equal(view.engine, 'sqlite');
  await call(core, 'useOrderBook', { engine: 'sqlite' });
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { engine: 'sqlite' });
  assert.equal((await call(core, 'getOrderBook', {})).problem, null);
});

test('the form’s fields are refused by name, with a sentence each', async (t) => {
  const core = await startTestCore(t);
  const blank = { host: ' ', port: 5432, database: 'shop', user: 'paydesk', tls: 'disable' };
  for (const [payload, field, code] of [
    [blank, 'host', 'order_book_host_missing'],
    [{ ...blank, host: 'db', database: '' }, 'database', 'order_book_database_missing'],
    [{ ...blank, host: 'db', user: '' }, 'user', 'order_book_user_missing'],
    [{ ...blank, host: 'db', port: 70000 }, 'port', 'port_range'],
  ] as const) {
    const error = await refusal(core, 'checkOrderBook', payload);
    assert.deepEqual(error && [error.kind, error.field, error.code], ['invalid_input', field, code]);
  }
  const nested = await refusal(core, 'useOrderBook', { engine: 'postgres', input: blank });
  assert.deepEqual(nested && [nested.field, nested.code], ['input.host', 'order_book_host_missing']);
});

test('choosing a server that holds this book brings the payments made since the copy, and refuses a copy that fell behind', async (t) => {
  const core = await startTestCore(t, { book: SQLITE_BOOK });
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const { host, port, user, password } = fresh.connection;
  const server: PostgresInput = { host, port, user, database: fresh.name, password, tls: 'disable' };
  await call(core, 'copyOrderBook', server);
  const made = await call(core, 'createPaymentLink', { amount: '150.50' });

  await call(core, 'useOrderBook', { engine: 'postgres', input: server });
  const copied = await adminQuery(fresh.url, 'SELECT ref, status FROM orders');
  assert.deepEqual(copied.rows, [{ ref: made.ref, status: 'pending' }], 'the link made after the copy is on the server');

  // The order changed on this computer after the last copy: switching would open a book without that change.
  await call(core, 'cancelOrder', { ref: made.ref });
  await call(core, 'useOrderBook', { engine: 'sqlite' });
  const error = await refusal(core, 'useOrderBook', { engine: 'postgres', input: server });
  assert.equal(error && error.code, 'storage_copy_target_differs');
  assert.equal((await call(core, 'getOrderBook', {})).postgres, null, 'the file stays the book chosen');
});
