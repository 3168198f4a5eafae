// `npm start`: makes sure the Electron runtime and an Electron build of better-sqlite3 are present, builds
// the app, and runs it. Each step that cannot be done ends with one sentence saying what to do, never a
// stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBindingPath } from './electron-sqlite-path.js';
import { failedForNetwork } from './network-failure.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const modules = join(root, 'node_modules');
const electronDir = join(modules, 'electron');
const workDir = join(modules, '.paydesk');
const LONG_STEP_MS = 15 * 60 * 1000;

const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

ensureElectronRuntime();
ensureElectronSqlite();
build();
run();

function stop(sentence) {
  console.error(sentence);
  process.exit(1);
}

/** The Electron executable as electron/index.js finds it, or null when it is not installed. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, relative || 'electron');
  if (!relative) return null;
  const versionFile = join(electronDir, 'dist', 'version');
  const installed = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : '';
  return installed === electronVersion ? join(electronDir, 'dist', relative) : null;
}

function ensureElectronRuntime() {
  const present = electronBinary();
  if (present && existsSync(present)) return;
  console.log(`Downloading the Electron ${electronVersion} runtime (first start only)…`);
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: LONG_STEP_MS,
  });
  const installed = electronBinary();
  if (install.status === 0 && installed && existsSync(installed)) return;
  const output = `${install.error?.message ?? ''}\n${install.stderr ?? ''}`;
  if (failedForNetwork({ error: install.error, output })) {
    stop(
      "PayDesk cannot start: the Electron runtime is not installed and could not be downloaded (no connection to Electron's download server). Connect this machine to the internet and run `npm start` again (or set ELECTRON_MIRROR to a mirror you can reach).",
    );
  }
  stop(
    `PayDesk cannot start: the Electron runtime is not installed and its installer failed (${firstLine(output) || 'no reason given'}); delete node_modules/electron, run \`npm install\`, then \`npm start\` again.`,
  );
}

/**
 * better-sqlite3 in node_modules is built for Node (the CLI and the tests use it). Electron has its own
 * ABI, so a second build is kept where electron/main looks for it. It is made in a copy of the package,
 * so the Node build is never touched.
 */
function ensureElectronSqlite() {
  const target = electronSqliteBindingPath(root, electronVersion, process.platform, process.arch);
  if (existsSync(target)) return;
  console.log(`Preparing PayDesk's database engine for Electron ${electronVersion} (first start only)…`);
  mkdirSync(workDir, { recursive: true });
  const log = join(workDir, 'better-sqlite3-build.log');
  const scratch = mkdtempSync(join(workDir, 'build-'));
  const source = join(modules, 'better-sqlite3');
  const copy = join(scratch, 'better-sqlite3');
  const transcript = [];
  try {
    cpSync(source, copy, { recursive: true, filter: (path) => path !== join(source, 'build') });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    const attempts = [prebuildInstallCommand(), nodeGypCommand()].filter(Boolean);
    for (const args of attempts) {
      const result = spawnSync(process.execPath, args, {
        cwd: copy,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: LONG_STEP_MS,
      });
      transcript.push(`$ node ${args.join(' ')}`, result.stdout ?? '', result.stderr ?? '', result.error?.message ?? '');
      if (result.status === 0 && existsSync(built)) {
        mkdirSync(dirname(target), { recursive: true });
        renameSync(built, target);
        return;
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (transcript.length > 0) writeFileSync(log, transcript.join('\n'));
  }
  stop(
    `PayDesk cannot start: its database engine (better-sqlite3) could not be prepared for Electron ${electronVersion}, because no prebuilt copy could be downloaded and building one failed (details in ${log}); connect this machine to the internet and run \`npm start\` again.`,
  );
}

function prebuildInstallCommand() {
  const bin = join(modules, 'prebuild-install', 'bin.js');
  if (!existsSync(bin)) return null;
  return [bin, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform];
}

function nodeGypCommand() {
  const script = nodeGypScript();
  if (!script) return null;
  return [
    script,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
}

/** The node-gyp npm itself uses: the one npm names, else the one bundled with npm beside this Node. */
function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(modules, 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

function build() {
  const result = spawnSync(process.execPath, [join(modules, 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) stop('PayDesk cannot start: building the app failed (the errors are above).');
}

function run() {
  const env = { ...process.env };
  // Set, it would make Electron behave as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronBinary(), [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => stop(`PayDesk cannot start: the Electron runtime could not be launched (${error.message}).`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function firstLine(text) {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}
