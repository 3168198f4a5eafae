// `npm run test:reliability`: PayDesk under attack, faults and load. Runs every test/reliability/*.reliability.ts
// with Node's test runner, one file at a time (the scenarios measure processes, memory and time, so they must
// not share the two cores with each other), plus the Electron checklist unit tests again, then prints ONE table
// of the figures the tests reported. Pass file paths to run only those.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRunServer } from './postgres-server.js';

const RERUN = ['test/unit/electron-window.test.ts'];
const args = process.argv.slice(2);
const files = args.length > 0 ? args : [...findTests('test/reliability'), ...RERUN];

// The PostgreSQL scenarios share one server of the suite's own, as npm test's files do.
const postgres = await startRunServer('reliability scenarios');
const scratch = mkdtempSync(join(tmpdir(), 'paydesk-reliability-'));
const figuresFile = join(scratch, 'figures.txt');
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-timeout=240000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/figures-reporter.js',
    `--test-reporter-destination=${figuresFile}`,
    ...files,
  ],
  // The whole suite is bounded: a hung scenario is killed rather than left to CI's own limit.
  { stdio: 'inherit', timeout: 8 * 60 * 1000, killSignal: 'SIGKILL', env: { ...process.env, ...postgres.env } },
);
let table = '';
try {
  table = readFileSync(figuresFile, 'utf8');
} catch {
  table = 'No figures were reported: the test runner did not finish.\n';
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`\n${table}`);
if (run.error) console.error(`reliability: the run was stopped: ${run.error.message}`);
process.exit(run.status ?? 1);

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.reliability.ts'))
    .map((entry) => join(dir, entry.name))
    .sort();
}
