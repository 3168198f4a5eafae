// Reconciliation at scale: a 100,000-line statement (CSV as a wallet portal writes it: `;`, ৳ amounts with
// thousands separators, day-first local times) imported and matched against a book of 1,000,000 orders, then
// the same file imported again. Time from the file's bytes to the committed report, peak memory growth, and the
// main thread's longest stall meanwhile (the return listener answers on that thread, so a stall is how long a
// customer's return would wait).
//
//   node --import tsx test/bench/reconciliation.bench.ts      (PAYDESK_BENCH_RECONCILE_ORDERS=100000, or
//                                                              PAYDESK_BENCH_ORDERS, for a quick run)
//
// The seeded book is reused from the temp folder (seed-orders.ts) and copied, so the import never changes it.
// Of the statement's lines 95,500 match seeded orders at their amounts, 1,500 show another amount and 3,000
// belong to no order; about 1% of the paid orders in the statement's period are left out (missing).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { startCore } from '../../electron/core/paydesk-core';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { cachedOrderBook } from './seed-orders';

const ORDERS = Number(process.env.PAYDESK_BENCH_RECONCILE_ORDERS ?? process.env.PAYDESK_BENCH_ORDERS ?? 1_000_000);
const LINES = Math.min(100_000, Math.floor(ORDERS / 10));
const MISMATCHED = Math.floor(LINES * 0.015);
const UNCLAIMED = Math.floor(LINES * 0.03);
const TARGET = { importMs: 5000, memoryMb: 400, stallMs: 100 };

const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-reconcile-'));
const rows: string[][] = [['measure', 'figure', 'target', '']];
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const pad = (n: number) => String(n).padStart(2, '0');
const dayFirst = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};
const taka = (minor: number) => `৳${Math.trunc(minor / 100).toLocaleString('en')}.${String(minor % 100).padStart(2, '0')}`;

try {
  const book = cachedOrderBook(ORDERS);
  copyFileSync(book.file, join(dir, DATABASE_FILE));

  // The statement: the newest paid orders, as the gateway saw them (ids in another case, to prove matching ignores it).
  const source = new Database(join(dir, DATABASE_FILE), { readonly: true });
  const paid = source
    .prepare(
      `SELECT transaction_id AS trx, amount_minor AS amount, paid_at AS at FROM orders
       WHERE status = 'paid' ORDER BY paid_at DESC LIMIT ?`,
    )
    .all(Math.ceil((LINES - UNCLAIMED) * 1.02)) as Array<{ trx: string; amount: number; at: string }>;
  source.close();
  const lines = ['TrxID;Sender;Amount;Date;Reference'];
  let kept = 0;
  paid.forEach((order, i) => {
    if (i % 100 === 50 || kept >= LINES - UNCLAIMED) return; // left out: missing from the statement
    const amount = kept < MISMATCHED ? order.amount + 100 : order.amount;
    lines.push(`${order.trx.toLowerCase()};01711${String(i).padStart(6, '0')};${taka(amount)};${dayFirst(order.at)};INV-${i}`);
    kept++;
  });
  const last = paid.at(-1)!.at;
  for (let i = 0; i < UNCLAIMED; i++) {
    const at = new Date(Date.parse(last) + i * 60_000).toISOString();
    lines.push(`UNCLAIMED${String(i).padStart(6, '0')};01811${String(i).padStart(6, '0')};${taka(5000 + i)};${dayFirst(at)};`);
  }
  const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);

  const core = await startCore({ dataDir: dir, keys: { env: {} }, listener: 'elsewhere', startSandbox: false });
  try {
    const run = async () => {
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      const stalls = monitorEventLoopDelay({ resolution: 10 });
      stalls.enable();
      const started = performance.now();
      const reply = await core.reconciliation.importFile({ name: 'statement.csv', bytes }, null);
      const ms = performance.now() - started;
      // A stall at the very end shows only once the loop turns again.
      await new Promise((resolve) => setTimeout(resolve, 50));
      stalls.disable();
      const growthMb = (process.resourceUsage().maxRSS * 1024 - baseline) / 2 ** 20;
      if (!reply.ok) throw new Error(reply.error.message);
      return { ms, growthMb, stallMs: stalls.max / 1e6, report: reply.value };
    };
    const first = await run();
    const again = await run();
    const r = first.report;
    // Every paid order in the statement's period without a line: those left out, and the tail past the lines kept.
    const expectedMissing = paid.length - (LINES - UNCLAIMED);
    const correct =
      r.imported === LINES &&
      r.verified === LINES - UNCLAIMED - MISMATCHED &&
      r.amountMismatch === MISMATCHED &&
      r.unclaimed === UNCLAIMED &&
      r.rejected.length === 0 &&
      Math.abs(r.missing - expectedMissing) <= 2;
    const unchanged =
      again.report.imported === 0 && again.report.alreadyKnown === LINES && again.report.verified === 0 && again.report.missing === 0;
    rows.push(
      [
        `import + match, ${LINES.toLocaleString('en')} lines vs ${ORDERS.toLocaleString('en')} orders (${(bytes.length / 2 ** 20).toFixed(1)} MB)`,
        `${first.ms.toFixed(0)} ms`,
        `< ${TARGET.importMs} ms`,
        verdict(first.ms < TARGET.importMs),
      ],
      [
        '  outcome',
        `${r.verified} verified, ${r.amountMismatch} mismatch, ${r.missing} missing, ${r.unclaimed} unclaimed`,
        'as generated',
        verdict(correct),
      ],
      ['  peak RSS growth', `${first.growthMb.toFixed(0)} MB`, `< ${TARGET.memoryMb} MB`, verdict(first.growthMb < TARGET.memoryMb)],
      [
        '  main thread’s longest stall',
        `${first.stallMs.toFixed(0)} ms`,
        `< ${TARGET.stallMs} ms`,
        verdict(first.stallMs < TARGET.stallMs),
      ],
      [
        're-import of the same file',
        `${again.ms.toFixed(0)} ms`,
        `< ${TARGET.importMs} ms, nothing changed`,
        verdict(again.ms < TARGET.importMs && unchanged),
      ],
      [
        '  main thread’s longest stall',
        `${again.stallMs.toFixed(0)} ms`,
        `< ${TARGET.stallMs} ms`,
        verdict(again.stallMs < TARGET.stallMs),
      ],
    );
  } finally {
    await core.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
if (rows.some((row) => row[3] === 'MISS')) process.exitCode = 1;
