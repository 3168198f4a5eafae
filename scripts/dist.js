// `npm run dist`: builds the app, then makes the installers of this machine's platform with electron-builder
// (electron-builder.yml: AppImage and .deb on Linux, NSIS on Windows, a dmg on macOS) into dist/. Arguments go
// to electron-builder, e.g. `npm run dist -- --win` for the Windows installer where it can be cross-built.
// It needs the network: the Electron runtime, better-sqlite3 for Electron's ABI (a prebuilt copy or Electron's
// headers to build one) and each target's tools are downloaded. Where they cannot be, it says so in one
// sentence and exits non-zero, as `npm start` does.
//
// The CLI (out/cli) is not built: it is not part of the installers (see electron-builder.yml).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failedForNetwork } from './network-failure.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const modules = join(root, 'node_modules');
const nodeBinding = join(modules, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
/** The Node build, kept while electron-builder's rebuild has node_modules; it outlives a dist stopped half-way. */
const aside = join(modules, '.paydesk', 'dist');
const savedBinding = join(aside, 'better_sqlite3.node');
const LONG_STEP_MS = 60 * 60 * 1000;

let builder = null;
// Ctrl+C (or the machine asking) mid-build: electron-builder stops, and the Node build goes back before PayDesk exits.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    builder?.kill('SIGTERM');
    restoreNodeBinding();
    stop("PayDesk's installers were not made: `npm run dist` was stopped.", 130);
  });
}

restoreNodeBinding();
build();
const packaging = await keepingNodeBinding(() => runBuilder(process.argv.slice(2)));
if (packaging.status !== 0) {
  if (failedForNetwork(packaging)) {
    stop(
      "PayDesk's installers were not made: electron-builder could not download what it needs (the Electron runtime, better-sqlite3 for Electron or the installer tools), because this machine cannot reach their servers; connect it to the internet and run `npm run dist` again.",
    );
  }
  stop("PayDesk's installers were not made: electron-builder failed (its errors are above).");
}
console.log(`PayDesk's installers are in ${join(root, 'dist')}.`);

function stop(sentence, code = 1) {
  console.error(sentence);
  process.exit(code);
}

function build() {
  const result = spawnSync(process.execPath, [join(modules, 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) stop("PayDesk's installers were not made: building the app failed (the errors are above).");
}

/**
 * electron-builder rebuilds better-sqlite3 for Electron in node_modules itself; the CLI and the tests need
 * the Node build there, so it is put back afterwards, and @electron/rebuild's marker with it (else the next
 * `npm run dist` would take the Node build for an Electron one and package it).
 */
async function keepingNodeBinding(step) {
  if (existsSync(nodeBinding)) {
    mkdirSync(aside, { recursive: true });
    copyFileSync(nodeBinding, savedBinding);
  }
  try {
    return await step();
  } finally {
    restoreNodeBinding();
  }
}

/**
 * Puts the saved Node build back, if one is saved: after this run, or at the start of the next when this one was
 * killed before it could (its copy is still there, and the file in node_modules may be Electron's).
 */
function restoreNodeBinding() {
  if (!existsSync(savedBinding)) return;
  mkdirSync(dirname(nodeBinding), { recursive: true });
  copyFileSync(savedBinding, nodeBinding);
  rmSync(join(dirname(nodeBinding), '.forge-meta'), { force: true });
  rmSync(aside, { recursive: true, force: true });
}

/**
 * Runs electron-builder, showing its progress as it comes. From its first error (a line marked ⨯) on, its
 * output is held back: after a failed download only the one sentence above is said, else the errors follow.
 */
function runBuilder(args) {
  return new Promise((resolve) => {
    const child = (builder = spawn(process.execPath, [join(modules, 'electron-builder', 'cli.js'), '--publish', 'never', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: LONG_STEP_MS,
    }));
    let output = '';
    let pending = '';
    let failing = false;
    const take = (chunk) => {
      output += chunk;
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        failing ||= line.trimStart().startsWith('⨯');
        if (!failing) console.log(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => resolve({ status: 1, error, output }));
    child.on('close', (code, signal) => {
      const step = { status: code ?? 1, error: signal ? { code: 'ETIMEDOUT' } : null, output };
      if (step.status !== 0 && !failedForNetwork(step)) console.error(output.slice(output.indexOf('⨯')));
      resolve(step);
    });
  });
}
