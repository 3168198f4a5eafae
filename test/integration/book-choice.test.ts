// This computer's choice of order book, as a real file in a temp data folder, encrypted by a stand-in for the OS key
// store: what is saved comes back, the password never lies in the file as text, and a damaged file is said to be so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_BOOK, type BookChoice } from '../../electron/core/storage/book-choice';
import { BOOK_CHOICE_FILE, readBookChoice, saveBookChoice } from '../../electron/core/storage/book-choice-file';
import { testCipher } from '../support/test-cipher';

const PASSWORD = 'Gulshan-Till-2 s3cret ৳';

const SERVER: BookChoice = {
  engine: 'postgres',
  connection: {
    host: 'books.shop.example',
    port: 5433,
    database: 'paydesk',
    user: 'till_two',
    password: PASSWORD,
    tls: 'verify-full',
    ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  },
};

function dataDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-choice-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a computer that never chose opens its SQLite book', async (t) => {
  assert.deepEqual(await readBookChoice(dataDir(t), testCipher()), { ok: true, choice: SQLITE_BOOK });
});

test('a saved PostgreSQL choice reads back whole, its password encrypted in a file only the shop can read', async (t) => {
  const dir = dataDir(t);
  const cipher = testCipher();
  const saved = await saveBookChoice(dir, cipher, SERVER, { mayKeep: true });
  assert.deepEqual(saved, { ok: true, passwordKept: true, notice: null });
  assert.deepEqual(await readBookChoice(dir, cipher), { ok: true, choice: SERVER });

  const file = join(dir, BOOK_CHOICE_FILE);
  const bytes = readFileSync(file);
  assert.equal(bytes.includes(Buffer.from(PASSWORD)), false);
  assert.equal(bytes.includes(Buffer.from('s3cret')), false);
  assert.equal(bytes.includes(Buffer.from(PASSWORD).toString('base64')), false);
  if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);

  await saveBookChoice(dir, cipher, SQLITE_BOOK, { mayKeep: true });
  assert.deepEqual(await readBookChoice(dir, cipher), { ok: true, choice: SQLITE_BOOK });
});

test('without a key store the password is not saved, and the choice says so and reads back without it', async (t) => {
  const dir = dataDir(t);
  const saved = await saveBookChoice(dir, testCipher({ available: false }), SERVER, { mayKeep: true });
  assert.deepEqual(saved, { ok: true, passwordKept: false, notice: { code: 'storage_password_session_only', params: {} } });
  assert.equal(readFileSync(join(dir, BOOK_CHOICE_FILE)).includes(Buffer.from(PASSWORD)), false);
  const read = await readBookChoice(dir, testCipher({ available: false }));
  assert.ok(read.ok && read.choice.engine === 'postgres');
  assert.equal(read.choice.connection.password, '');
  assert.equal(read.choice.connection.host, 'books.shop.example');
});

test('where the vault would not keep a key (a weak store the shop did not accept), the password is not kept either', async (t) => {
  const weak = testCipher({ backend: 'basic_text' });
  const refused = await saveBookChoice(dataDir(t), weak, SERVER, { mayKeep: false });
  assert.ok(refused.ok && !refused.passwordKept);
  const dir = dataDir(t);
  const accepted = await saveBookChoice(dir, weak, SERVER, { mayKeep: true });
  assert.ok(accepted.ok && accepted.passwordKept);
  assert.deepEqual(await readBookChoice(dir, weak), { ok: true, choice: SERVER });
});

test('a password another key store wrote is not guessed at: it reads back empty', async (t) => {
  const dir = dataDir(t);
  await saveBookChoice(dir, testCipher({ backend: 'gnome_libsecret' }), SERVER, { mayKeep: true });
  const read = await readBookChoice(dir, testCipher({ backend: 'kwallet5' }));
  assert.ok(read.ok && read.choice.engine === 'postgres');
  assert.equal(read.choice.connection.password, '');
});

test('a damaged choice is an error that names the file, never the SQLite book', async (t) => {
  const dir = dataDir(t);
  const file = join(dir, BOOK_CHOICE_FILE);
  for (const damaged of ['{"engine":"postgres","host":"books', '{"engine":"mysql"}', '', '[]', '{"engine":"postgres","host":"h"}']) {
    writeFileSync(file, damaged);
    const read = await readBookChoice(dir, testCipher());
    assert.equal(read.ok, false, damaged);
    assert.ok(!read.ok);
    assert.equal(read.message.code, 'storage_choice_damaged');
    assert.equal(read.message.params.file, file);
  }
});
