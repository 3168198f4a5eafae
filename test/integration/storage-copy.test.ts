// Copying a shop's SQLite order book into PostgreSQL, on a real SQLite file in a temp folder and a real PostgreSQL
// database of the test's own: the copy is verified by counts and sums on both sides, adds nothing when run again,
// leaves the file's bytes as they were, gives the same CSV from both engines, and refuses another shop's book.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { thisCounterId } from '../../electron/core/counters/this-counter';
import { hashToken, newReturnToken } from '../../electron/core/orders/return-tokens';
import type { PostgresConnection } from '../../electron/core/storage/book-choice';
import { copyOrderBook, type CopyOptions } from '../../electron/core/storage/copy-order-book';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import type { OrderBook } from '../../electron/core/storage/order-book';
import type { StatementLineInput } from '../../electron/core/storage/statements-repo';
import { openPostgresBook } from '../../electron/core/storage/postgres/postgres-book';
import { openSqliteBook } from '../../electron/core/storage/sqlite/sqlite-book';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { paydesk } from '../support/cli';
import { freshDatabase } from '../support/postgres';

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

type Context = Parameters<typeof freshDatabase>[0];

function dataDir(t: Context): string {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-copy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A shop's book as the app leaves it: two profiles, a saved API key, settings, orders paid (by return, by hand, at
 * the counter), cancelled, failed and pending, refused returns, and a statement with matched, unclaimed and
 * unreadable lines. `shop` makes each book's names and amounts its own.
 */
async function seedBook(dir: string, shop: string, count: number): Promise<void> {
  const counterId = await thisCounterId(dir);
  const book = await openSqliteBook({ dataDir: dir, counterId });
  try {
    await book.counters.enroll(counterId, [`${shop} till`], new Date().toISOString());
    const sandbox = await book.profiles.add({
      name: `${shop} sandbox`,
      mode: 'sandbox',
      baseUrl: 'http://127.0.0.1:9/api',
      listenHost: '127.0.0.1',
      listenPort: 0,
      returnBaseUrl: null,
    });
    const live = await book.profiles.add({
      name: `${shop} live`,
      mode: 'live',
      baseUrl: 'https://pay.shop.example/api',
      listenHost: '127.0.0.1',
      listenPort: 47400,
      returnBaseUrl: null,
    });
    await book.profiles.setActive(live.id);
    await book.settings.set('shop.details', { name: `${shop} স্টোর`, address: 'ঢাকা', phone: '' });
    await book.secrets.put(
      { profileId: live.id, ciphertext: Buffer.from([0, 1, 2, 250, 255]), backend: 'test_keychain', origin: 'https://pay.shop.example' },
      new Date().toISOString(),
    );
    const start = Date.now() - count * 60_000;
    const paid: Array<{ id: string; amountMinor: number; at: string }> = [];
    await book.orders.atomically(async () => {
      for (let i = 0; i < count; i++) {
        const at = new Date(start + i * 60_000).toISOString();
        const token = newReturnToken();
        const order = await book.orders.createPending(
          {
            profileId: i % 7 === 0 ? sandbox.id : live.id,
            counterId,
            amountMinor: 1000 + i * 37 + shop.length,
            customerName: i % 3 === 0 ? `রহিমা ${i}` : undefined,
            customerEmail: i % 5 === 0 ? `c${i}@example.com` : undefined,
            note: i % 4 === 0 ? `note ${shop} ${i}` : undefined,
            returnTokenHash: hashToken(token),
            cancelTokenHash: hashToken(newReturnToken()),
            expiresAt: new Date(start + i * 60_000 + 86_400_000).toISOString(),
          },
          at,
        );
        const settled = new Date(start + i * 60_000 + 30_000).toISOString();
        if (i % 6 === 1) {
          const transaction = `TRX${shop.toUpperCase()}${i}`;
          await book.orders.recordReturn(hashToken(token), canonicalTransactionId(transaction)!, settled);
          paid.push({ id: transaction, amountMinor: order.amountMinor, at: settled });
        } else if (i % 6 === 2) await book.orders.markPaidManually(order.id, 'Paid in cash at the counter', settled);
        else if (i % 6 === 3) await book.orders.cancelByShopkeeper(order.id, settled);
        else if (i % 6 === 4)
          await book.orders.failLink(order.id, { kind: 'network', message: { code: 'cli_warning', params: {} } }, settled);
        else if (i % 6 === 5) await book.orders.claimAtCounter(order.id, canonicalTransactionId(`CTR${shop.toUpperCase()}${i}`)!, settled);
        if (i % 10 === 0)
          await book.orders.auditRejectedReturn(hashToken(token), 'bad_transaction_id', { transactionId: '<script>' }, settled);
      }
      await book.orders.auditRejectedReturn(hashToken('no such token'), 'unknown_token', {}, new Date().toISOString());
    });
    const lines: StatementLineInput[] = paid.slice(0, 5).map((payment, i) => ({
      line: i + 2,
      transactionId: payment.id,
      key: payment.id.toUpperCase(),
      amountMinor: i === 0 ? payment.amountMinor + 100 : payment.amountMinor,
      occurredAt: payment.at,
      sender: '01711000000',
      reference: null,
      raw: `${payment.id},${payment.amountMinor}`,
    }));
    lines.push({
      line: 9,
      transactionId: 'UNCLAIMED1',
      key: 'UNCLAIMED1',
      amountMinor: 5000,
      occurredAt: new Date(start).toISOString(),
      sender: null,
      reference: 'x',
      raw: 'UNCLAIMED1,50',
    });
    await book.statements.importStatement(
      {
        profileId: live.id,
        fileName: 'bkash-statement.csv',
        mapping: { transactionId: 'TrxID', amount: 'Amount', time: 'Date' },
        rows: lines.length + 1,
        lines,
        rejected: [{ line: 10, text: 'garbage,,', reason: { code: 'cli_warning', params: {} } }],
      },
      new Date().toISOString(),
    );
  } finally {
    await book.close();
  }
}

/** The copy of the book in `dir` by that folder's own counter, as the app and the CLI run it. */
const copyOf = async (dir: string, to: PostgresConnection, progress?: CopyOptions['progress']) =>
  copyOrderBook({ from: join(dir, DATABASE_FILE), to, timeZone: TIME_ZONE, counterId: await thisCounterId(dir), progress });

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Rows per table as the database holds them, for "nothing doubled". */
async function tableCounts(connection: PostgresConnection): Promise<Record<string, number>> {
  const client = new pg.Client({ ...connection, ssl: false });
  await client.connect();
  try {
    const tables = [
      'profiles',
      'settings',
      'counters',
      'counter_settings',
      'secrets',
      'orders',
      'order_events',
      'refused_requests',
      'statements',
      'statement_lines',
      'statement_rejects',
    ];
    const { rows } = await client.query<{ name: string; n: string }>(
      tables.map((name) => `SELECT '${name}' AS name, count(*) AS n FROM ${name}`).join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
  } finally {
    await client.end();
  }
}

/** The same figures counted in the SQLite file itself. */
function fileCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = [
      'profiles',
      'settings',
      'counters',
      'counter_settings',
      'secrets',
      'orders',
      'order_events',
      'refused_requests',
      'statements',
      'statement_lines',
      'statement_rejects',
    ];
    return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

async function csvOf(book: OrderBook): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of book.queries.csvChunks({}, 50)) chunks.push(chunk.bytes);
  return Buffer.concat(chunks);
}

test('a seeded SQLite book copied twice has the same counts and sums on both sides, nothing doubled, the file untouched', async (t) => {
  const target = await freshDatabase(t);
  if (!target) return;
  const dir = dataDir(t);
  await seedBook(dir, 'gulshan', 240);
  const file = join(dir, DATABASE_FILE);
  const before = sha256(file);
  const counts = fileCounts(file);

  const steps: string[] = [];
  const first = await copyOf(dir, target.connection, ({ table }) => steps.push(table));
  assert.ok(first.ok, JSON.stringify(!first.ok && first.message));
  const report = first.value;
  assert.equal(report.to, `postgres://${target.connection.user}@127.0.0.1:${target.connection.port}/${target.name}`);
  assert.deepEqual(report.orders, {
    count: 240,
    added: 240,
    byStatus: report.orders.byStatus,
  });
  assert.equal(
    Object.values(report.orders.byStatus).reduce((sum, s) => sum + s.count, 0),
    240,
  );
  assert.ok(report.orders.byStatus.paid.count > 0 && report.orders.byStatus.cancelled.count > 0 && report.orders.byStatus.failed.count > 0);
  assert.deepEqual(report.events, { count: counts.order_events, added: counts.order_events });
  assert.deepEqual(report.lines, { count: 6, added: 6 });
  assert.deepEqual(report.profiles, { count: 2, added: 2 });
  assert.deepEqual(report.settings, { count: counts.settings, added: counts.settings });
  assert.equal(report.notice?.code, 'storage_copy_keys_this_computer');
  assert.ok(steps.includes('statement_rejects'));
  assert.deepEqual(await tableCounts(target.connection), counts);

  const second = await copyOf(dir, target.connection);
  assert.ok(second.ok, JSON.stringify(!second.ok && second.message));
  for (const kind of ['profiles', 'events', 'statements', 'lines', 'settings'] as const) {
    assert.deepEqual(second.value[kind], { count: report[kind].count, added: 0 }, kind);
  }
  assert.deepEqual(second.value.orders, { ...report.orders, added: 0 });
  assert.deepEqual(await tableCounts(target.connection), counts, 'nothing doubled');
  assert.equal(sha256(file), before, "the SQLite file's bytes are as they were");
});

test('both engines give the same CSV bytes of the copied book, and a new order there takes the next ref', async (t) => {
  const target = await freshDatabase(t);
  if (!target) return;
  const dir = dataDir(t);
  await seedBook(dir, 'banani', 130);
  const copied = await copyOf(dir, target.connection);
  assert.ok(copied.ok, JSON.stringify(!copied.ok && copied.message));

  const sqlite = await openSqliteBook({ dataDir: dir, counterId: await thisCounterId(dir) });
  const fromFile = await csvOf(sqlite);
  await sqlite.close();
  const postgres = await openPostgresBook(target.connection, { timeZone: TIME_ZONE, counterId: await thisCounterId(dir) });
  t.after(() => postgres.close());
  const fromServer = await csvOf(postgres);
  assert.ok(fromFile.length > 1000);
  assert.equal(fromServer.toString('utf8'), fromFile.toString('utf8'));
  assert.ok(fromServer.equals(fromFile));

  const profile = (await postgres.profiles.active())!;
  const next = await postgres.orders.createPending(
    {
      profileId: profile.id,
      counterId: await thisCounterId(dir),
      amountMinor: 500,
      returnTokenHash: hashToken(newReturnToken()),
      cancelTokenHash: hashToken(newReturnToken()),
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    },
    new Date().toISOString(),
  );
  assert.equal(next.ref, 'PD-000131');
});

test("a database that already holds another shop's book is refused, and nothing of this one is written", async (t) => {
  const target = await freshDatabase(t);
  if (!target) return;
  const [ours, theirs] = [dataDir(t), dataDir(t)];
  await seedBook(ours, 'mirpur', 40);
  await seedBook(theirs, 'uttara', 25);
  const other = await copyOf(theirs, target.connection);
  assert.ok(other.ok);
  const held = await tableCounts(target.connection);

  const refused = await copyOf(ours, target.connection);
  assert.ok(!refused.ok);
  assert.equal(refused.message.code, 'storage_copy_target_differs');
  assert.equal(refused.cause, 'input');
  assert.deepEqual(await tableCounts(target.connection), held);
});

test('no such file, a wrong password or an unreachable server is a sentence, with nothing written and no password shown', async (t) => {
  const target = await freshDatabase(t);
  if (!target) return;
  const dir = dataDir(t);
  const missing = await copyOf(dir, target.connection);
  assert.ok(!missing.ok);
  assert.equal(missing.message.code, 'storage_copy_no_file');

  await seedBook(dir, 'dhanmondi', 5);
  const wrong = { ...target.connection, password: 'not-the-password-7Q' };
  const refused = await copyOf(dir, wrong);
  assert.ok(!refused.ok);
  assert.equal(refused.message.code, 'storage_sign_in_refused');
  assert.ok(!JSON.stringify(refused.message).includes('not-the-password-7Q'));

  const unreachable = await copyOf(dir, { ...target.connection, port: 1 });
  assert.ok(!unreachable.ok);
  assert.equal(unreachable.message.code, 'storage_server_unreachable');

  const client = new pg.Client({ ...target.connection, ssl: false });
  await client.connect();
  const { rows } = await client.query(`SELECT to_regclass('paydesk_schema') AS schema`);
  await client.end();
  assert.equal(rows[0].schema, null, 'no schema was made');
});

test('paydesk storage copy prints the verified figures, then that nothing new was copied, and refuses a bad URL without echoing it', async (t) => {
  const target = await freshDatabase(t);
  if (!target) return;
  const dir = dataDir(t);
  await seedBook(dir, 'motijheel', 30);
  const env = { PAYDESK_DATA_DIR: dir, PAYDESK_DATABASE_URL: '' };

  const first = await paydesk(['storage', 'copy', '--to', target.url], env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Copied this computer’s order book to postgres:\/\/[^:@]+@127\.0\.0\.1:\d+\/\w+: [\d,]+ rows new\./);
  assert.match(first.stdout, /orders \(paid\)\s+\d+\s+৳/);
  assert.ok(!first.stdout.includes(target.connection.password));

  const again = await paydesk(['storage', 'copy', '--to', target.url], env);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^Nothing new was copied/);

  const json = await paydesk(['storage', 'copy', '--to', target.url, '--json'], env);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).orders.count, 30);

  const bad = await paydesk(['storage', 'copy', '--to', 'postgres://till:hunter2-secret@/paydesk'], env);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.ok(!bad.stderr.includes('hunter2-secret'));
  const badGlobal = await paydesk(['--database-url', 'mysql://till:hunter2-secret@h/db', 'orders'], env);
  assert.equal(badGlobal.code, 2);
  assert.ok(!badGlobal.stderr.includes('hunter2-secret'));
});
