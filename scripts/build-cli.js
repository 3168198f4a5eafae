// Builds the `paydesk` command into out/cli: paydesk.cjs, one bundled file that bin/paydesk.js runs, and beside
// it statement-worker.js and totals-worker.js, which statement-reader.ts and totals-counter.ts start from the folder
// it runs in (an export counts its orders in a worker). better-sqlite3 stays in
// node_modules (its native binding is built for this Node there). The bundle is CommonJS so that bin/paydesk.js
// can keep V8's compiled code of it between runs (vm.Script's code cache; Node 20 has no module compile cache).
//
//   node scripts/build-cli.js        (run by `npm ci` through `prepare`, by `npm run build` and by the tests)
//
// Each file is written beside its place and renamed into it, so a `paydesk` started during a build (the tests
// build while other test files run it) reads either the old file or the new one, never half of one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'out', 'cli');

/**
 * Packages only some commands need: the HTTP client that talks to the gateway, the PDF writer of bulk receipts,
 * and the PostgreSQL client of a shop whose book is on a server. Every start would otherwise pay for loading them
 * (undici alone is about a fifth of a start).
 */
const DEFERRED = ['undici', 'pdf-lib', 'pg', 'pg-copy-streams'];

/**
 * Binds each import of a deferred package to a stand-in whose exports, named here at build time, load the
 * package on first use. Bundled CommonJS reads an import's value at each use, so nothing else changes: code
 * that uses one at load time merely loads it at once.
 */
function deferPackages(names) {
  return {
    name: 'paydesk:defer-packages',
    setup(build) {
      const filter = new RegExp(`^(${names.join('|')})$`);
      build.onResolve({ filter }, (args) => (args.namespace === 'deferred' ? undefined : { path: args.path, namespace: 'deferred' }));
      build.onLoad({ filter: /.*/, namespace: 'deferred' }, async (args) => {
        const exported = Object.keys(await import(args.path)).filter((name) => name !== 'default' && name !== '__esModule');
        const getters = exported.map((name) => `get ${JSON.stringify(name)}() { return load()[${JSON.stringify(name)}]; }`);
        const contents = `let loaded; const load = () => (loaded ??= require(${JSON.stringify(args.path)}));\nmodule.exports = { ${getters.join(', ')} };`;
        return { contents, loader: 'js', resolveDir: root };
      });
    },
  };
}

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  external: ['better-sqlite3'],
  // Less text to read at each start; names are kept, so a stack trace still says where it was.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  outdir,
};

export async function buildCli() {
  const { build } = await import('esbuild');
  const [cli, worker] = await Promise.all([
    build({
      ...shared,
      entryPoints: { paydesk: join(root, 'electron/cli/main.ts') },
      format: 'cjs',
      plugins: [deferPackages(DEFERRED)],
      outExtension: { '.js': '.cjs' },
      // The sources are ES modules: their import.meta.url is the bundle's own address (statement-reader.ts
      // finds the worker beside it). import.meta.resolve is only reached when running from the sources.
      define: { 'import.meta.url': '__bundleUrl', 'import.meta.resolve': 'undefined' },
      banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...shared,
      entryPoints: {
        'statement-worker': join(root, 'electron/core/reconciliation/statement-worker.ts'),
        'totals-worker': join(root, 'electron/core/storage/sqlite/totals-worker.ts'),
      },
      format: 'esm',
      // Bundled CommonJS dependencies still call require() for Node's own modules.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    }),
  ]);
  mkdirSync(outdir, { recursive: true });
  const changed = [...cli.outputFiles, ...worker.outputFiles].filter((file) => !sameAs(file.path, file.contents));
  for (const file of changed) {
    const scratch = `${file.path}.${process.pid}.tmp`;
    writeFileSync(scratch, file.contents);
    renameSync(scratch, file.path);
  }
  if (changed.length > 0) makeCodeCache();
}

/**
 * One run makes the code cache, so the first command a shopkeeper runs is as quick as every later one. It lists
 * the orders of an empty book: most commands open the book as that one does, so it compiles what they share.
 */
function makeCodeCache() {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-cli-build-'));
  try {
    spawnSync(process.execPath, [join(root, 'bin', 'paydesk.js'), '--data-dir', dataDir, 'orders', '--json'], {
      stdio: 'ignore',
      timeout: 30_000,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function sameAs(path, contents) {
  try {
    return Buffer.from(contents).equals(readFileSync(path));
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildCli();
  } catch (error) {
    // An install without dev dependencies (`npm ci --omit=dev`) runs `prepare` too: it must not fail for that.
    if (error.code === 'ERR_MODULE_NOT_FOUND') {
      console.warn('paydesk: the command was not built, because esbuild is not installed (run `npm ci` with dev dependencies).');
    } else {
      // esbuild has printed what failed.
      process.exitCode = 1;
    }
  }
}
