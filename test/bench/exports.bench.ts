// Receipts and exports at scale: CSV of 100,000 orders beside the sqlite3 shell exporting the same columns
// from the same file in the same run (time ratio over three alternating rounds, and peak memory growth), one
// A4 receipt PDF, and 1,000 receipts in bulk (throughput).
//
//   node --import tsx test/bench/exports.bench.ts        (PAYDESK_BENCH_CSV_ORDERS=20000 for a quick run)
//
// The order book is seeded once by seed-orders.ts and reused; the exports write to a temp folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../../electron/core/paydesk-core';
import { localDay } from '../../electron/core/storage/local-days';
import { chromiumPdfRenderer } from '../support/chromium-pdf';
import { sqliteOf } from '../support/sqlite-book';
import { cachedOrderBook } from './seed-orders';

const ORDERS = Number(process.env.PAYDESK_BENCH_CSV_ORDERS ?? 100_000);
const BULK = 1000;
const CSV_ROUNDS = 3;
const TARGET = { csvRatio: 1.5, csvMemoryMb: 50, receiptMs: 500 };

const cleanups: Array<() => unknown> = [];
const scope = { after: (fn: () => unknown) => void cleanups.push(fn) };
const out = mkdtempSync(join(tmpdir(), 'paydesk-bench-exports-'));
cleanups.push(() => rmSync(out, { recursive: true, force: true }));
const rows: string[][] = [['measure', 'figure', 'target', '']];
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

try {
  const book = cachedOrderBook(ORDERS);
  const core = await startCore({ dataDir: book.dataDir, keys: { env: {} }, listener: 'elsewhere', startSandbox: false });
  cleanups.unshift(() => core.close());

  // CSV through the service beside the sqlite3 shell exporting the same columns in one SQL statement with its
  // own formatting, in alternating rounds so that neither side alone pays for a cold file cache; medians of
  // the rounds. Memory is sampled at every batch the first export reports, against the RSS before it (later
  // rounds would add garbage not yet collected: RSS settles about 10 MB higher over a dozen exports).
  const sql = `SELECT o.ref, datetime(o.created_at, 'localtime'), o.status,
      CASE o.payment_source WHEN 'manual' THEN 'yes' ELSE 'no' END, printf('%.2f', o.amount_minor / 100.0), o.currency,
      o.customer_name, o.customer_email, o.note, o.transaction_id, datetime(o.paid_at, 'localtime'), p.name
    FROM orders o JOIN profiles p ON p.id = o.profile_id ORDER BY o.created_at, o.id`;
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const stopSampling = core.events.on('exportProgress', () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  });
  const csvFile = join(out, 'orders.csv');
  const csvTimes = { paydesk: [] as number[], shell: [] as number[] };
  let count = 0;
  let shellBytes = 0;
  for (let round = 0; round < CSV_ROUNDS; round++) {
    const started = performance.now();
    const result = await core.exports.exportCsv({ allProfiles: true }, csvFile);
    csvTimes.paydesk.push(performance.now() - started);
    stopSampling();
    if (!result.ok) throw new Error(result.error.message);
    count = result.value.count;

    const shellStarted = performance.now();
    const shell = spawnSync('sqlite3', ['-csv', '-header', book.file, sql], { maxBuffer: 1 << 30, encoding: 'buffer' });
    csvTimes.shell.push(performance.now() - shellStarted);
    if (shell.status !== 0) throw new Error(`sqlite3 failed (install Debian's sqlite3): ${shell.stderr}`);
    shellBytes = shell.stdout.length;
  }
  const middle = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const [paydeskMs, shellMs] = [middle(csvTimes.paydesk), middle(csvTimes.shell)];
  const growthMb = (peak - baseline) / 2 ** 20;
  const ratio = paydeskMs / shellMs;
  const each = (list: number[]) => list.map((ms) => ms.toFixed(0)).join(', ');
  rows.push(
    [
      `CSV, ${count.toLocaleString('en')} orders, PayDesk`,
      `${paydeskMs.toFixed(0)} ms (${(statSync(csvFile).size / 2 ** 20).toFixed(1)} MB; ${each(csvTimes.paydesk)})`,
      '',
      '',
    ],
    [
      'CSV, same columns, sqlite3 -csv',
      `${shellMs.toFixed(0)} ms (${(shellBytes / 2 ** 20).toFixed(1)} MB; ${each(csvTimes.shell)})`,
      '',
      '',
    ],
    ['CSV time, PayDesk / sqlite3 (medians)', `${ratio.toFixed(2)}×`, `≤ ${TARGET.csvRatio}×`, verdict(ratio <= TARGET.csvRatio)],
    ['CSV peak memory growth (RSS)', `${growthMb.toFixed(1)} MB`, `< ${TARGET.csvMemoryMb} MB`, verdict(growthMb < TARGET.csvMemoryMb)],
  );

  // One A4 receipt: Chromium is started first (as the app's hidden window is), then timed per receipt.
  const renderer = chromiumPdfRenderer(scope);
  const newest = sqliteOf(core.book)
    .prepare(`SELECT ref FROM orders WHERE status = 'paid' ORDER BY created_at DESC LIMIT 1`)
    .pluck()
    .get() as string;
  const receipt = await core.exports.receipt(newest, 'a4');
  if (!receipt.ok) throw new Error(receipt.error.message);
  const coldStarted = performance.now();
  await renderer.pdf(receipt.value.html);
  const coldMs = performance.now() - coldStarted;
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await renderer.pdf(receipt.value.html);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[5]!;
  rows.push(
    ['one A4 receipt PDF, first (Chromium starting)', `${coldMs.toFixed(0)} ms`, '', ''],
    ['one A4 receipt PDF, median of 10', `${median.toFixed(0)} ms`, `< ${TARGET.receiptMs} ms`, verdict(median < TARGET.receiptMs)],
  );

  // 1,000 receipts: the days holding the newest thousand paid orders.
  const since = sqliteOf(core.book)
    .prepare(`SELECT created_at FROM orders WHERE status = 'paid' ORDER BY created_at DESC LIMIT 1 OFFSET ?`)
    .pluck()
    .get(BULK - 1) as string;
  const filter = { allProfiles: true, status: 'paid' as const, from: localDay(new Date(since)) };
  for (const mode of ['combined', 'per-order'] as const) {
    const target = mode === 'combined' ? { kind: mode, file: join(out, 'bulk.pdf') } : { kind: mode, folder: out };
    const t0 = performance.now();
    const bulk = await core.exports.exportReceipts(filter, 'a4', target, { pdf: renderer });
    const seconds = (performance.now() - t0) / 1000;
    if (!bulk.ok) throw new Error(bulk.error.message);
    rows.push([
      `${bulk.value.count} receipts in bulk, ${mode}`,
      `${seconds.toFixed(1)} s, ${(bulk.value.count / seconds).toFixed(0)} receipts/s`,
      '',
      '',
    ]);
  }
} finally {
  for (const cleanup of cleanups) await cleanup();
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(
  `\nReceipts and exports (${ORDERS.toLocaleString('en')} orders, sqlite3 ${execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0]})`,
);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
