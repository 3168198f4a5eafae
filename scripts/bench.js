// `npm run bench`: runs every test/bench/*.bench.ts (or the files named as arguments) one after another, each
// in a process of its own so one benchmark's leftovers never slow the next. Each prints its own figures and
// how they compare with their targets; this prints which ran.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startRunServer } from './postgres-server.js';

const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args
    : readdirSync('test/bench')
        .filter((name) => name.endsWith('.bench.ts'))
        .sort()
        .map((name) => join('test/bench', name));

// The PostgreSQL columns are measured on one server of the run's own (PAYDESK_TEST_POSTGRES_URL), as in npm test.
const postgres = await startRunServer('benchmarks');
const results = [];
for (const file of files) {
  console.log(`\n━━ ${file}`);
  const started = Date.now();
  // Every benchmark bounds its own loops; this bound only catches one that hangs.
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], {
    stdio: 'inherit',
    timeout: 10 * 60 * 1000,
    killSignal: 'SIGKILL',
    env: { ...process.env, ...postgres.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({
    file,
    ok: run.status === 0,
    seconds,
    why: run.error?.message ?? (run.signal ? `killed by ${run.signal}` : `exit ${run.status}`),
  });
}
console.log('\nBenchmarks:');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.file} (${r.seconds} s)${r.ok ? '' : `: ${r.why}`}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
