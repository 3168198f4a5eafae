// The order book on PostgreSQL with the SQLite bench's million orders (postgres-seed.ts copies them into a server this
// bench starts): the list's pages and searches through the engine's queries beside the same rows by hand-written SQL
// on the same server, and the CSV export of the newest 100,000 orders beside psql's \copy of their columns.
//
//   node --import tsx test/bench/postgres.bench.ts      (PAYDESK_BENCH_ORDERS=50000 for a quick run)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadavg, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../scripts/postgres-server.js';
import type { PageQuery } from '../../electron/core/storage/order-queries';
import { createExecutor, openPool } from '../../electron/core/storage/postgres/connection';
import { migrate } from '../../electron/core/storage/postgres/migrate';
import { createOrderQueries } from '../../electron/core/storage/postgres/order-queries';
import { SELECT_ORDERS } from '../../electron/core/storage/postgres/order-select';
import { figureLine } from '../support/figures';
import { copyBenchBook } from './postgres-seed';
import { cachedOrderBook } from './seed-orders';

const ORDERS = Number(process.env.PAYDESK_BENCH_ORDERS ?? 1_000_000);
const CSV_ORDERS = Math.min(ORDERS, 100_000);
const PAGE = 100;
const RUNS = { warmUp: 5, timed: 50 };
const TARGET = { p99Ms: 20, ratio: 3, broadP99Ms: 50 };
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function time(run: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < runs.warmUp; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs.timed; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

console.log(
  `PayDesk PostgreSQL bench: ${ORDERS.toLocaleString('en')} orders; machine load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
);
const sqliteBook = cachedOrderBook(ORDERS);
const server = await startPostgres({ settings: { shared_buffers: '512MB', maintenance_work_mem: '512MB', max_wal_size: '4GB' } });
const pool = openPool({ connectionString: server.url(), timeZone: ZONE, max: 4 });
try {
  const db = createExecutor(pool);
  await migrate(db, { timeZone: ZONE });
  const seeded = await copyBenchBook(db, sqliteBook.file, (line) => console.log(`  ${line}`));
  console.log(
    figureLine({
      scenario: 'postgres bench',
      figure: `seed ${ORDERS.toLocaleString('en')} orders (s)`,
      value: seeded.seconds.toFixed(1),
      target: '< 120',
      ok: seeded.seconds < 120,
    }),
  );
  const queries = createOrderQueries(db);
  const profileId = (await db.query<{ id: number }>('SELECT min(id) AS id FROM profiles')).rows[0]!.id;
  const newest = (await db.query<{ at: string }>('SELECT max(created_at) AS at FROM orders')).rows[0]!.at;
  const to = new Date(newest).toISOString().slice(0, 10);
  const from = new Date(Date.parse(newest) - 29 * 86_400_000).toISOString().slice(0, 10);
  const transactionIds = (
    await db.query<{ id: string }>(`SELECT transaction_id AS id FROM orders WHERE id % $1 = 0 AND transaction_id IS NOT NULL LIMIT 50`, [
      Math.max(1, Math.floor(ORDERS / 60)),
    ])
  ).rows.map((row) => row.id);
  let turn = 0;

  /** The hand query: the rows by one statement as a person would write it, the planner left to pick its indexes. */
  type Case = { label: string; query: () => Partial<PageQuery>; hand: () => [string, unknown[]]; broad?: boolean };
  const like = `('%' || lower($2) || '%')`;
  const searchHand = (key: string, direction: string, readAll: boolean) => (text: string) =>
    [
      `${SELECT_ORDERS} WHERE o.profile_id = $1 AND (o.search_doc LIKE ${like} OR lower(o.transaction_id) LIKE ${like})
       ORDER BY ${readAll ? `${key} + ${key === 'o.amount_minor' ? '0' : `interval '0'`}` : key} ${direction}, o.id ${direction} LIMIT ${PAGE}`,
      [profileId, text],
    ] as [string, unknown[]];
  const prefixHand = (key: string, direction: string) => (text: string) =>
    [
      `${SELECT_ORDERS} WHERE o.profile_id = $1 AND (upper(o.ref) LIKE $2 OR upper(o.transaction_id) LIKE $2)
       ORDER BY ${key} + ${key === 'o.amount_minor' ? '0' : `interval '0'`} ${direction}, o.id ${direction} LIMIT ${PAGE}`,
      [profileId, `${text.toUpperCase()}%`],
    ] as [string, unknown[]];
  const broad = (text: string, sort: 'time' | 'amount', direction: 'asc' | 'desc'): Case => {
    const key = sort === 'amount' ? 'o.amount_minor' : 'o.created_at';
    const hand = [...text].length >= 3 ? searchHand(key, direction, true) : prefixHand(key, direction);
    return {
      label: `+ "${text}" by ${sort} ${direction}`,
      query: () => ({ search: text, sort, direction }),
      hand: () => hand(text),
      broad: true,
    };
  };
  const amount = (text: string, minor: number): Case => ({
    label: `+ amount "${text}"`,
    query: () => ({ search: text }),
    hand: () => [
      `${SELECT_ORDERS} WHERE o.profile_id = $1 AND (o.search_doc LIKE ${like} OR lower(o.transaction_id) LIKE ${like} OR o.amount_minor = $3)
       ORDER BY o.created_at + interval '0' DESC, o.id DESC LIMIT ${PAGE}`,
      [profileId, text, minor],
    ],
    broad: true,
  });
  const cases: Case[] = [
    {
      label: 'first page',
      query: () => ({}),
      hand: () => [`${SELECT_ORDERS} WHERE o.profile_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT ${PAGE}`, [profileId]],
    },
    {
      label: 'paid, 30 days',
      query: () => ({ status: 'paid', from, to }),
      hand: () => [
        `${SELECT_ORDERS} WHERE o.profile_id = $1 AND o.status = 'paid' AND o.created_at >= $2::date AND o.created_at < $3::date + 1
         ORDER BY o.created_at DESC, o.id DESC LIMIT ${PAGE}`,
        [profileId, from, to],
      ],
    },
    {
      label: 'name search',
      query: () => ({ search: 'Nusrat Chowdhury' }),
      hand: () => searchHand('o.created_at', 'DESC', false)('Nusrat Chowdhury'),
    },
    {
      label: 'transaction id',
      query: () => ({ search: transactionIds[turn++ % transactionIds.length]! }),
      hand: () => [
        `${SELECT_ORDERS} WHERE o.transaction_key = upper($2) AND o.profile_id = $1`,
        [profileId, transactionIds[turn % transactionIds.length]],
      ],
    },
    {
      label: '+ surname "Rahman"',
      query: () => ({ search: 'Rahman' }),
      hand: () => searchHand('o.created_at', 'DESC', false)('Rahman'),
      broad: true,
    },
    {
      label: '+ e-mail "gmail"',
      query: () => ({ search: 'gmail' }),
      hand: () => searchHand('o.created_at', 'DESC', false)('gmail'),
      broad: true,
    },
    { label: '+ two letters "K7"', query: () => ({ search: 'K7' }), hand: () => prefixHand('o.created_at', 'DESC')('K7'), broad: true },
    broad('P', 'time', 'asc'),
    broad('a', 'time', 'desc'),
    broad('PD-0', 'time', 'desc'),
    broad('gmail', 'amount', 'desc'),
    broad('gmail', 'amount', 'asc'),
    broad('.com', 'amount', 'desc'),
    broad('.com', 'amount', 'asc'),
    broad('K7', 'amount', 'desc'),
    amount('150.50', 15050),
    amount('৳150', 15000),
    amount('১৫০.৫০', 15050),
  ];
  const pageOf = (c: Case): PageQuery => ({ profileId, sort: 'time', direction: 'desc', offset: 0, limit: PAGE, ...c.query() });

  const rows: string[][] = [['query', 'page p50', 'page p99', 'hand p50', 'hand p99', 'ratio', 'totals p50', 'verdict']];
  for (const c of cases) {
    const [sql, params] = c.hand();
    if (c.label !== 'transaction id') {
      const served = (await queries.page(pageOf(c))).map((o) => o.ref);
      const handed = (await db.query<{ ref: string }>(sql, params)).rows.map((r) => r.ref);
      assert.deepEqual(served, handed, `${c.label}: the engine and the hand query return the same rows`);
    }
    const runs = c.broad ? { warmUp: 1, timed: 7 } : RUNS;
    const page = await time(() => queries.page(pageOf(c)), runs);
    const hand = await time(() => db.query(...c.hand()), runs);
    const totals = await time(() => queries.totals(pageOf(c)), { warmUp: 0, timed: c.broad ? 3 : 10 });
    const target = c.broad ? TARGET.broadP99Ms : TARGET.p99Ms;
    const ratio = page.p50 / hand.p50;
    rows.push([
      c.label,
      ms(page.p50),
      ms(page.p99),
      ms(hand.p50),
      ms(hand.p99),
      ratio.toFixed(1),
      ms(totals.p50),
      `${page.p99 < target ? 'PASS' : 'MISS'} <${target}  ${ratio <= TARGET.ratio ? 'PASS' : 'MISS'} <=3x`,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log('');
  for (const [n, row] of rows.entries()) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `\ntimes in ms. page = createOrderQueries(db).page({...filter, limit: ${PAGE}}) on PostgreSQL ${(await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v};` +
      ' hand = one hand-written statement for the same rows on the same server (the broad + rows read every match and rank them).' +
      ` + rows: 7 timed runs. totals = queries.totals(filter).`,
  );

  // CSV: the newest CSV_ORDERS orders through csvChunks, beside psql's \copy of their columns as CSV.
  const since = (
    await db.query<{ at: string }>(`SELECT created_at AS at FROM orders ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`, [
      CSV_ORDERS - 1,
    ])
  ).rows[0]!.at;
  const sinceDay = new Date(Date.parse(since) + 86_400_000).toISOString().slice(0, 10);
  let exported = 0;
  const csv = await time(
    async () => {
      exported = 0;
      for await (const chunk of queries.csvChunks({ from: sinceDay }, 5000)) exported += chunk.rows;
    },
    { warmUp: 1, timed: 5 },
  );
  const psql = join(server.bin, 'psql');
  const copy = `\\copy (SELECT o.ref, o.created_at, o.status, o.payment_source, o.amount_minor, o.currency, o.customer_name, o.customer_email, o.note, o.transaction_id, o.paid_at, p.name, o.verification FROM orders o JOIN profiles p ON p.id = o.profile_id WHERE o.created_at >= '${sinceDay}'::date ORDER BY o.created_at, o.id) to '/dev/null' csv`;
  const byPsql = await time(
    async () => {
      execFileSync(psql, ['-X', '-q', server.url(), '-c', copy], { stdio: 'ignore', env: { ...process.env, PGTZ: ZONE } });
    },
    { warmUp: 1, timed: 5 },
  );
  console.log(
    figureLine({
      scenario: 'postgres csv',
      figure: `${exported.toLocaleString('en')} orders: csvChunks p50 ms / psql \\copy p50 ms`,
      value: `${ms(csv.p50)} / ${ms(byPsql.p50)} (${(csv.p50 / byPsql.p50).toFixed(2)}x)`,
      target: '<= 3x',
      ok: csv.p50 / byPsql.p50 <= 3,
    }),
  );
} finally {
  await pool.end();
  server.stop();
}
