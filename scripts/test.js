// `npm test`: builds the app (the e2e tests drive the built renderer), then runs every test file under
// test/ with Node's test runner on SQLite, then the engine suite (ENGINE_SUITE and every e2e file) again with
// PAYDESK_TEST_ENGINE=postgres, each of its cores on a PostgreSQL database of its own (test/support/test-engine.ts).
// Pass file paths to run only those, on the engine PAYDESK_TEST_ENGINE names (SQLite by default), e.g.
// `npm test -- test/unit/money.test.ts`. Where PostgreSQL is installed, one server of the run's own serves every
// PostgreSQL test (PAYDESK_TEST_POSTGRES_URL; each test makes a database of its own there), stopped when the run ends.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startRunServer } from './postgres-server.js';

/**
 * The integration files that run on both engines: the orders, returns, search, exports, statements, setup and CLI
 * behaviour the shopkeeper sees, all of it through the repositories. Files about one engine's own machinery (SQLite's
 * file, WAL and worker; the PostgreSQL platform tests), the listener's network and the gateway stay single-engine.
 */
const ENGINE_SUITE = [
  'payment-flow',
  'orders-workspace',
  'order-search',
  'order-search-pages',
  'receipts',
  'reconciliation',
  'reconciliation-chunks',
  'reconciliation-values',
  'statement-limits',
  'closing-report',
  'counter-documents',
  'counter-claim',
  'hostile-returns',
  'setup',
  'shop',
  'cli',
  'customer-display',
  'share-link',
  'counters',
].map((name) => `test/integration/${name}.test.ts`);

const args = process.argv.slice(2);

if (!process.env.PAYDESK_SKIP_BUILD) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const postgres = await startRunServer('tests');
const passes =
  args.length > 0
    ? [{ engine: process.env.PAYDESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite', files: args }]
    : [
        { engine: 'sqlite', files: findTests('test') },
        { engine: 'postgres', files: [...ENGINE_SUITE, ...findTests('test/e2e')] },
      ];

let failed = 0;
for (const pass of passes) {
  if (pass.engine === 'postgres' && !postgres.env.PAYDESK_TEST_POSTGRES_URL && !process.env.PAYDESK_TEST_POSTGRES_URL) {
    // startRunServer has already failed the run under PAYDESK_REQUIRE_POSTGRES=1.
    console.log(`\n# engine suite on PostgreSQL: skipped, PostgreSQL is not installed`);
    continue;
  }
  console.log(`\n# ${pass.files.length} files on ${pass.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}`);
  const began = performance.now();
  const code = await runFiles(pass.files, { ...postgres.env, PAYDESK_TEST_ENGINE: pass.engine });
  console.log(
    `# ${pass.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} pass: ${code === 0 ? 'passed' : 'failed'} in ${Math.round((performance.now() - began) / 1000)} s`,
  );
  if (code !== 0) failed = code;
}
process.exit(failed);

/** Runs `files` with Node's test runner; its exit code. */
function runFiles(files, env) {
  const run = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      `--test-timeout=${env.PAYDESK_TEST_ENGINE === 'postgres' ? 300_000 : 180_000}`,
      ...files,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  // Interrupted, the run stops its test runner before its server, so no test is left talking to a server gone away.
  const stop = () => run.exitCode === null && run.kill('SIGTERM');
  process.prependListener('exit', stop);
  return new Promise((resolve) =>
    run.on('exit', (code, signal) => {
      process.removeListener('exit', stop);
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
}

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
