// Where the Electron-ABI build of better-sqlite3 lives. The Node build in node_modules/better-sqlite3/build
// stays for the CLI and the tests; Electron loads this one instead. scripts/start.js writes it and
// electron/main reads it, so the convention is kept here only.
import { join } from 'node:path';

/**
 * @param {string} appRoot the project root (the folder holding node_modules)
 * @param {string} electronVersion e.g. "41.7.1"
 * @param {string} platform e.g. process.platform
 * @param {string} arch e.g. process.arch
 * @returns {string}
 */
export function electronSqliteBindingPath(appRoot, electronVersion, platform, arch) {
  return join(
    appRoot,
    'node_modules',
    '.paydesk',
    'better-sqlite3',
    `electron-${electronVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}
