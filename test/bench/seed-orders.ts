// Fills an order book with N realistic orders for the benchmarks. The book is opened with `openDatabase`, so
// it has the real migrations and triggers, and each order goes the way it goes in use: inserted pending, then
// paid, expired, cancelled or failed by the same UPDATE the repository runs. The triggers therefore fill the
// trigram index of typed details and the per-day counters exactly as the app does; transaction ids are indexed
// a batch at a time, as the repositories do (transaction-search.ts).
//
//   node --import tsx test/bench/seed-orders.ts --orders 1000000 [--data-dir D]
//
// Without --data-dir the book is the cached one in the temp folder (see `cachedOrderBook`).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { openDatabase } from '../../electron/core/storage/sqlite/database';
import { SCHEMA_VERSION } from '../../electron/core/storage/sqlite/migrations';
import { formatRef } from '../../electron/core/storage/orders-repo';
import { connect } from '../../electron/core/storage/sqlite/connection';
import { createProfilesRepo } from '../../electron/core/storage/sqlite/profiles-repo';
import { createCounterSettingsSteps, createCountersRepo } from '../../electron/core/storage/sqlite/counters-repo';
import { thisCounterId } from '../../electron/core/counters/this-counter';
import { defaultCounterNames } from '../../electron/core/counters/enroll-counter';
import { sandboxProfile } from '../../electron/core/setup/setup-service';

/** Bump when the generated data changes, so cached books made by an older seeder are not reused. */
const SEEDER_VERSION = 2;
const BATCH = 50_000;
const YEAR_MS = 365 * 24 * 3600_000;
const LINK_HOURS = 24;

export type SeedOptions = {
  /** The newest order is created shortly before this instant. */
  now?: Date;
  years?: number;
  /** Seed of the generator, so two books of the same size hold the same orders. */
  seed?: number;
  log?: (line: string) => void;
};

export type SeedResult = { dataDir: string; file: string; orders: number; seconds: number; rowsPerSecond: number };

const BENGALI_FIRST = [
  'রহিম',
  'করিম',
  'আয়েশা',
  'ফাতেমা',
  'জামাল',
  'নাসরিন',
  'তানভীর',
  'মাহমুদ',
  'শফিক',
  'রুবিনা',
  'হাসান',
  'সাকিব',
  'মিতু',
  'নুসরাত',
  'আরিফ',
];
const ENGLISH_FIRST = [
  'Rahim',
  'Karim',
  'Ayesha',
  'Fatema',
  'Jamal',
  'Nasrin',
  'Tanvir',
  'Mahmud',
  'Shafiq',
  'Rubina',
  'Hasan',
  'Sakib',
  'Mitu',
  'Nusrat',
  'Arif',
];
const BENGALI_LAST = ['উদ্দিন', 'আহমেদ', 'হোসেন', 'রহমান', 'ইসলাম', 'খান', 'চৌধুরী', 'বেগম', 'আক্তার', 'সরকার'];
const ENGLISH_LAST = ['Uddin', 'Ahmed', 'Hossain', 'Rahman', 'Islam', 'Khan', 'Chowdhury', 'Begum', 'Akter', 'Sarkar'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'mail.com.bd'];
const NOTES = [
  'two blue shirts',
  'চা পাতা ৫ কেজি',
  'delivery to Mirpur 10',
  'বাকি টাকা পরে',
  'school fees, March',
  'gift wrap please',
  'সাবান ও তেল',
  'advance for tailoring',
];
const FAILURES = ['The gateway could not be reached. Check the internet connection and try again.', 'The gateway rejected the API key.'];

/** mulberry32: small, fast and good enough to make data, never secrets. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_SPACE = 36n ** 10n;
/** Ten upper-case letters and digits, unique per order: id times a number prime to 36 is a bijection mod 36^10. */
const transactionId = (id: number) =>
  ((BigInt(id) * 2_654_435_761n + 1_234_567_890_123n) % ID_SPACE).toString(36).toUpperCase().padStart(10, '0');

/** Seeds `n` orders into the order book in `dataDir` (created if missing; refused if it already has orders). */
export async function seedOrders(dataDir: string, n: number, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const now = (options.now ?? new Date()).getTime();
  const span = (options.years ?? 3) * YEAR_MS;
  const random = generator(options.seed ?? 20_240_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const file = join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  try {
    const existing = (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    if (existing > 0) throw new Error(`${file} already holds ${existing} orders; seed an empty data folder.`);
    // The sandbox is made active for this data folder's counter, enrolled as PayDesk's start would.
    const connection = connect(db);
    const counterId = await thisCounterId(dataDir);
    await createCountersRepo(connection).enroll(counterId, defaultCounterNames('en'), new Date(now).toISOString());
    const profiles = createProfilesRepo(connection, createCounterSettingsSteps(db, counterId));
    const profile = await sandboxProfile(profiles);
    await profiles.setActive(profile.id);
    // Seeding only: a bigger page cache keeps the two random token indexes from thrashing. Not stored in the file.
    db.pragma('cache_size = -262144');

    const insert = db.prepare(
      `INSERT INTO orders (id, ref, profile_id, amount_minor, currency, customer_name, customer_email, note, status,
         return_token_hash, cancel_token_hash, payment_url, created_at, updated_at, expires_at)
       VALUES (?, ?, ?, ?, 'BDT', ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
    );
    // The same changes orders-repo makes when the customer comes back, the link runs out, or it fails.
    const pay = db.prepare(
      `UPDATE orders SET status = 'paid', payment_source = 'gateway', transaction_id = ?, transaction_key = upper(?),
         paid_at = ?, updated_at = ? WHERE id = ?`,
    );
    // As the repositories index a payment's transaction id for search (transaction-search.ts), a batch at a time.
    const indexPaid = db.prepare(
      `INSERT INTO transaction_search (rowid, transaction_id)
       SELECT id, transaction_id FROM orders WHERE id BETWEEN ? AND ? AND transaction_id IS NOT NULL`,
    );
    const expire = db.prepare(`UPDATE orders SET status = 'expired', updated_at = ? WHERE id = ?`);
    const cancel = db.prepare(`UPDATE orders SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?`);
    const fail = db.prepare(`UPDATE orders SET status = 'failed', failure = ?, payment_url = NULL, updated_at = ? WHERE id = ?`);

    const step = span / n;
    const start = now - span;
    const iso = (ms: number) => new Date(ms).toISOString();

    const batch = db.transaction((from: number, to: number) => {
      const hashes = randomBytes((to - from + 1) * 80).toString('hex');
      for (let id = from; id <= to; id++) {
        const created = Math.floor(start + (id - 1) * step + random() * step * 0.9);
        const createdAt = iso(created);
        const expiresAt = iso(created + LINK_HOURS * 3600_000);

        let customerName: string | null = null;
        let customerEmail: string | null = null;
        const who = random();
        if (who < 0.9) {
          const first = Math.floor(random() * ENGLISH_FIRST.length);
          const last = Math.floor(random() * ENGLISH_LAST.length);
          customerName = who < 0.5 ? `${BENGALI_FIRST[first]} ${BENGALI_LAST[last]}` : `${ENGLISH_FIRST[first]} ${ENGLISH_LAST[last]}`;
          if (random() < 0.7) {
            customerEmail = `${ENGLISH_FIRST[first]}.${ENGLISH_LAST[last]}${Math.floor(random() * 100)}@${pick(DOMAINS)}`.toLowerCase();
          }
        }
        const note = random() < 0.15 ? pick(NOTES) : null;
        // 10 to 50,000 taka, small sales far more common than large ones; one in five has poisha.
        const taka = Math.round(Math.exp(Math.log(10) + random() * Math.log(5000)));
        const amountMinor = taka * 100 + (random() < 0.2 ? 50 : 0);
        const at = (id - from) * 160;
        insert.run(
          id,
          formatRef(id),
          profile.id,
          amountMinor,
          customerName,
          customerEmail,
          note,
          hashes.slice(at, at + 64),
          hashes.slice(at + 64, at + 128),
          `http://127.0.0.1:4010/checkout?trx_id=${hashes.slice(at + 128, at + 160)}`,
          createdAt,
          createdAt,
          expiresAt,
        );

        const fate = random();
        const later = iso(created + 30_000 + Math.floor(random() * 600_000));
        if (fate < 0.7) pay.run(transactionId(id), transactionId(id), later, later, id);
        else if (fate < 0.85) {
          // Still pending only while its link is still offered, as the expiry sweep leaves it.
          if (created + LINK_HOURS * 3600_000 <= now) expire.run(expiresAt, id);
        } else if (fate < 0.95) cancel.run(later, later, id);
        else fail.run(pick(FAILURES), createdAt, id);
      }
      indexPaid.run(from, to);
    });

    const began = performance.now();
    for (let from = 1; from <= n; from += BATCH) {
      const to = Math.min(n, from + BATCH - 1);
      batch.immediate(from, to);
      const seconds = (performance.now() - began) / 1000;
      log(`seeded ${to.toLocaleString('en')} / ${n.toLocaleString('en')} orders (${Math.round(to / seconds).toLocaleString('en')} rows/s)`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const seconds = (performance.now() - began) / 1000;
    return { dataDir, file, orders: n, seconds, rowsPerSecond: n / seconds };
  } finally {
    db.close();
  }
}

/** Where the cached book of `n` orders lives: keyed by size, schema version and seeder version. */
export function cachedOrderBookDir(n: number): string {
  return join(tmpdir(), `paydesk-bench-orders-n${n}-schema${SCHEMA_VERSION}-seed${SEEDER_VERSION}`);
}

/**
 * A data folder holding `n` seeded orders, reused from the temp folder when an earlier run made it. A missing
 * book is seeded by this file's command in a process of its own, so seeding's large page cache never shows in
 * the memory figures of the benchmark that asked for the book.
 */
export function cachedOrderBook(n: number): SeedResult & { cached: boolean } {
  const dataDir = cachedOrderBookDir(n);
  const file = join(dataDir, DATABASE_FILE);
  if (existsSync(file)) return { dataDir, file, orders: n, seconds: 0, rowsPerSecond: 0, cached: true };
  const began = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--orders', String(n)], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(file)) throw new Error(`Seeding ${n} orders failed (${run.error?.message ?? `exit ${run.status}`}).`);
  const seconds = (performance.now() - began) / 1000;
  return { dataDir, file, orders: n, seconds, rowsPerSecond: n / seconds, cached: false };
}

/** Seeds the cached book beside its place and renames it there, so an interrupted seeding leaves no half book. */
async function seedCachedBook(n: number, options: SeedOptions): Promise<SeedResult> {
  const dataDir = cachedOrderBookDir(n);
  const building = `${dataDir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    const result = await seedOrders(building, n, options);
    renameSync(building, dataDir);
    return { ...result, dataDir, file: join(dataDir, DATABASE_FILE) };
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, orders: { type: 'string', default: '1000000' } } });
  const n = Number(values.orders);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--orders must be a positive whole number, not ${values.orders}.`);
  const log = (line: string) => console.log(line);
  const file = join(cachedOrderBookDir(n), DATABASE_FILE);
  if (!values['data-dir'] && existsSync(file)) console.log(`${file}: ${n.toLocaleString('en')} orders, reused from an earlier run`);
  else {
    const result = values['data-dir'] ? await seedOrders(values['data-dir'], n, { log }) : await seedCachedBook(n, { log });
    console.log(
      `${result.file}: ${n.toLocaleString('en')} orders in ${result.seconds.toFixed(1)} s (${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s)`,
    );
  }
}
