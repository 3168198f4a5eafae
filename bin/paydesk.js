#!/usr/bin/env node
// Runs the built CLI, out/cli/paydesk.cjs (scripts/build-cli.js makes it when `npm ci` runs `prepare`), so a
// start compiles no TypeScript. V8's compiled code of the bundle is kept beside it (paydesk.cjs.cache, made by
// the first run and remade whenever the bundle or Node changes): compiling 2 MB of JavaScript afresh would cost
// each start about as much as Node's own.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('../out/cli/paydesk.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;

let source;
let built;
try {
  // One descriptor for both, so the cache is labelled with the very file that was read.
  const fd = openSync(bundle);
  built = fstatSync(fd);
  source = readFileSync(fd, 'utf8');
  closeSync(fd);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  console.error('paydesk: the command is not built yet; run `npm run build:cli` (or `npm ci`) in the PayDesk folder first.');
  process.exit(2);
}

// The cache starts with the size, time and inode of the bundle it was made from (V8 itself checks only the
// source's length); the build replaces the bundle by renaming a new file over it, which changes all three.
const id = Buffer.from(`${built.size} ${built.mtimeMs} ${built.ino}\n`);
const cachedData = readCache();
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));
process.exitCode = await cli.exports.run(process.argv.slice(2));
if (cachedData === undefined || script.cachedDataRejected) saveCache(script.createCachedData());

function readCache() {
  try {
    const file = readFileSync(cacheFile);
    return file.subarray(0, id.length).equals(id) ? file.subarray(id.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: where out/cli cannot be written the command still runs, only without the cache. */
function saveCache(data) {
  const scratch = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(scratch, Buffer.concat([id, data]));
    renameSync(scratch, cacheFile);
  } catch {
    // A read-only install: each start compiles the bundle afresh.
  }
}
