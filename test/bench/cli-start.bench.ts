// How fast the `paydesk` command starts: `paydesk --help` and `paydesk orders --json` on a small book, each
// beside bare Node opening the same book with better-sqlite3 (the least any command that reads the book can
// cost), in the same rounds so that the machine's load falls on all three alike. Medians of the rounds.
//
//   node --import tsx test/bench/cli-start.bench.ts
//
// The CLI is built from the sources first (scripts/build-cli.js), as `npm ci` builds it; the same command
// run from the sources through tsx, as it was before the build, is shown for context.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { BIN } from '../support/cli';
import { prepareOrderBook } from '../support/seed-orders';

const ORDERS = 20;
const WARM_UP = 2;
const ROUNDS = 15;
const TSX_ROUNDS = 3;
const TARGET = { ratio: 2 };

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-cli-'));
const rows: string[][] = [['measure', 'figure', 'target', '']];
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** Runs one command to its end; its wall time in ms, from spawn to exit. */
function timed(args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 30_000 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr || run.error?.message}`);
  return { ms, stdout: run.stdout };
}

try {
  await prepareOrderBook(dataDir, ORDERS);
  const book = join(dataDir, DATABASE_FILE);
  const commands = {
    bare: ['-e', `require('better-sqlite3')(${JSON.stringify(book)}).prepare('select 1').get()`],
    help: [BIN, '--help'],
    orders: [BIN, '--data-dir', dataDir, 'orders', '--json'],
  };
  assert.equal(JSON.parse(timed(commands.orders).stdout).length, ORDERS, 'orders --json lists the book');

  // Each round runs the three in a different order, so none is always the one after a cold start.
  const times: Record<keyof typeof commands, number[]> = { bare: [], help: [], orders: [] };
  const names = Object.keys(commands) as (keyof typeof commands)[];
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      const { ms } = timed(commands[name]);
      if (round >= WARM_UP) times[name].push(ms);
    }
  }
  const bare = median(times.bare);
  rows.push([`node + better-sqlite3 opening the book, median of ${ROUNDS}`, `${bare.toFixed(0)} ms`, '', '']);
  for (const name of ['help', 'orders'] as const) {
    const ms = median(times[name]);
    const ratio = ms / bare;
    const label = name === 'help' ? 'paydesk --help' : `paydesk orders --json (${ORDERS} orders)`;
    rows.push(
      [`${label}, median of ${ROUNDS}`, `${ms.toFixed(0)} ms`, '', ''],
      [`${label} / bare`, `${ratio.toFixed(2)}×`, `≤ ${TARGET.ratio}×`, verdict(ratio <= TARGET.ratio)],
    );
  }

  const fromSources = [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    `const { run } = await import('./electron/cli/main.ts'); process.exitCode = await run(['--help']);`,
  ];
  const tsx = median(Array.from({ length: TSX_ROUNDS }, () => timed(fromSources).ms));
  rows.push([
    `paydesk --help from the sources through tsx, median of ${TSX_ROUNDS}`,
    `${tsx.toFixed(0)} ms (${(tsx / bare).toFixed(1)}×)`,
    '',
    '',
  ]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`\nCLI start (Node ${process.versions.node})`);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
if (rows.some((row) => row[3] === 'MISS')) process.exitCode = 1;
