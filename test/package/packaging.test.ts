// The installed app, as electron-builder packs it from electron-builder.yml: its unpacked `--dir` build for
// Linux, made against a stand-in for the Electron runtime (electronDist, a folder prepared here), so nothing is
// downloaded. Run where `unshare --net` works (CI runs as root), electron-builder has no network at all, which
// proves that; elsewhere the config alone keeps it from downloading (nothing below needs a download).
//
// One step of `npm run dist` cannot run here: rebuilding better-sqlite3 for Electron's ABI (npmRebuild), which
// downloads a prebuilt copy or Electron's headers. It is turned off, so the Node build is packed in its place:
// the same file at the same path, which the packed code is then shown to load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { PACKAGED_BINDING, sqliteBinding } from '../../electron/main/sqlite-binding';
import { tempDir } from '../support/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const MiB = 1024 * 1024;
/** The asar today is about 13 MiB, most of it pdf-lib, zod, better-sqlite3 and undici; a new dependency or a
 * stray folder that pushes it past this should be a decision, not an accident. */
const ASAR_BUDGET = 16 * MiB;
const BUILD_TIMEOUT_MS = 90_000;
const electronVersion: string = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/**
 * What electron-builder reads from an unpacked Electron for Linux: the `electron` executable (renamed to the
 * app's executableName), its LICENSE files (kept beside it), locales/ (trimmed to electronLanguages) and
 * resources/ (where app.asar goes). The real runtime has Chromium's libraries and data beside them, which
 * electron-builder only copies.
 */
function prepareStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "a stand-in for the Electron runtime"\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  writeFileSync(join(dir, 'version'), `${electronVersion}\n`);
  for (const locale of ['en-US', 'bn', 'fr', 'hi']) writeFileSync(join(dir, 'locales', `${locale}.pak`), 'stand-in\n');
}

/** The lock's production packages that are installed, as name@version. */
function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
  };
  return new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
      .filter(([path]) => existsSync(join(root, path, 'package.json')))
      .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`),
  );
}

/**
 * Each package in the asar, as name@version (electron-builder lays node_modules out afresh, so a package's
 * folder in the asar need not be its folder on disk).
 */
function packagesIn(asar: string, files: string[]): Set<string> {
  const manifests = files.filter((file) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(file));
  return new Set(
    manifests.map((file) => {
      const { name, version } = JSON.parse(extractFile(asar, file).toString('utf8')) as { name: string; version: string };
      return `${name}@${version}`;
    }),
  );
}

/** The bare module names the built main process imports (its dependencies, left in node_modules). */
function importedPackages(mainDir: string): string[] {
  const builtins = new Set([...builtinModules, 'electron']);
  const names = new Set<string>();
  for (const entry of readdirSync(mainDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    // Static imports at the start of a line, and import() of a literal: the bundle's own forms.
    for (const [, fromStatic, fromDynamic] of code.matchAll(/^import\s(?:[^"';]*?\sfrom\s*)?"([^"]+)";|\bimport\(\s*"([^"]+)"\s*\)/gm)) {
      const name = (fromStatic ?? fromDynamic)!;
      if (!name.startsWith('.') && !name.startsWith('node:') && !builtins.has(name)) names.add(name);
    }
  }
  return [...names].sort();
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

function folderSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

test(
  'the packaged app holds only the built app and its production dependencies, with the database engine beside the asar',
  { timeout: 120_000 },
  (t) => {
    if (process.platform !== 'linux') {
      t.skip(`the stand-in Electron runtime here is Linux's; electron-builder's ${process.platform} layout is not prepared`);
      return;
    }
    for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      assert.ok(existsSync(join(root, built)), `${built} is built (npm test builds the app; else run \`npx electron-vite build\`)`);
    }
    const dir = tempDir(t, 'paydesk-package-');
    const standIn = join(dir, 'electron');
    const output = join(dir, 'dist');
    prepareStandInElectron(standIn);

    t.diagnostic(
      `skipped: rebuilding better-sqlite3 for Electron ${electronVersion} (npmRebuild), which downloads a prebuilt copy or Electron's headers; its Node build is packed in its place`,
    );
    const builder = [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      '--dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ];
    const offline = spawnSync('unshare', ['--net', 'true']).status === 0;
    if (!offline) t.diagnostic("electron-builder runs with this machine's network (no `unshare --net` here); its config downloads nothing");
    const startedAt = Date.now();
    const run = offline
      ? spawnSync('unshare', ['--net', process.execPath, ...builder], { cwd: root, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS })
      : spawnSync(process.execPath, builder, { cwd: root, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
    assert.equal(run.status, 0, `electron-builder packed the app in time:\n${run.stdout}\n${run.stderr}\n${run.error?.message ?? ''}`);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);

    const appDir = join(output, 'linux-unpacked');
    const asar = join(appDir, 'resources', 'app.asar');
    assert.ok(existsSync(join(appDir, 'paydesk')), 'the runtime is renamed to the executable the .deb and AppImage start');
    assert.deepEqual(
      readdirSync(join(appDir, 'locales')).sort(),
      ['bn.pak', 'en-US.pak'],
      "Chromium's strings only in PayDesk's languages",
    );

    const files = listPackage(asar, { isPack: false }).map((file) => file.replace(/^\//, ''));
    const topLevel = new Set(files.map((file) => file.split('/')[0]));
    assert.deepEqual([...topLevel].sort(), ['node_modules', 'out', 'package.json', 'resources'], 'nothing at the top but the app');
    const ours = files.filter((file) => !file.startsWith('node_modules/'));
    assert.deepEqual(
      [...new Set(ours.filter((file) => file.startsWith('out/')).map((file) => file.split('/')[1]))].sort(),
      ['main', 'preload', 'renderer'],
      'the built main process, preload and page, and not the CLI',
    );
    assert.deepEqual(
      ours.filter((file) => file.startsWith('resources/')),
      ['resources/tray.png', 'resources/tray@2x.png'],
      'the tray images',
    );
    const strays = files.filter(
      (file) => /\.(map|tsx?|cts|mts)$|(^|\/)(test|tests|__tests__)\//.test(file) && !file.startsWith('node_modules/'),
    );
    assert.deepEqual(strays, [], 'no sources, tests or source maps');

    const expected = productionPackages();
    // Installs prebuilt bindings; excluded in electron-builder.yml, as the app never runs it.
    for (const name of expected) if (name.startsWith('prebuild-install@')) expected.delete(name);
    const packed = packagesIn(asar, files);
    assert.deepEqual(
      [...packed].sort(),
      [...expected].sort(),
      'exactly the production dependencies (no dev dependency, no node_modules/.paydesk)',
    );

    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string; type: string };
    assert.equal(manifest.type, 'module');
    assert.ok(statFile(asar, manifest.main), `package.json's main (${manifest.main}) is in the asar`);
    assert.ok(files.includes(manifest.main), `package.json's main (${manifest.main}) is a file of the asar`);

    const binding = sqliteBinding({ isPackaged: true, appPath: asar }, { electronVersion, platform: 'linux', arch: process.arch }).file;
    assert.ok(existsSync(binding), `the binding is unpacked where the packaged app looks for it (${binding})`);
    const entry = statFile(asar, PACKAGED_BINDING);
    assert.ok('unpacked' in entry && entry.unpacked, 'the asar sends reads of the binding to app.asar.unpacked');

    // The packed dependencies load as the main process loads them (pdf-lib, zod and the others trimmed by
    // electron-builder.yml), and better-sqlite3 opens a database with the unpacked binding.
    const extracted = join(dir, 'extracted');
    extractAll(asar, extracted);
    const imports = importedPackages(join(extracted, 'out', 'main'));
    assert.ok(
      imports.includes('better-sqlite3') && imports.includes('pdf-lib'),
      `the main process's imports were found: ${imports.join(', ')}`,
    );
    const probe = join(extracted, 'out', 'main', 'probe.mjs');
    writeFileSync(
      probe,
      `for (const name of ${JSON.stringify(imports)}) await import(name);
const { default: Database } = await import('better-sqlite3');
console.log(new Database(':memory:', { nativeBinding: ${JSON.stringify(binding)} }).prepare('select 41 + 1 as answer').get().answer);`,
    );
    const loaded = spawnSync(process.execPath, [probe], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(loaded.stdout.trim(), '42', `the packed dependencies load:\n${loaded.stderr}`);

    const asarSize = statSync(asar).size;
    t.diagnostic(
      `packed in ${seconds} s: app.asar ${mib(asarSize)} (budget ${mib(ASAR_BUDGET)}), app.asar.unpacked ${mib(folderSize(`${asar}.unpacked`))}, ${files.length} entries, ${packed.size} packages`,
    );
    assert.ok(asarSize <= ASAR_BUDGET, `app.asar is ${mib(asarSize)}, over its budget of ${mib(ASAR_BUDGET)}`);
  },
);
