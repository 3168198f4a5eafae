// Which build of better-sqlite3's native binding the Electron main process loads. In a checkout, the copy
// `npm start` builds for Electron's ABI (scripts/electron-sqlite-path.js names it, and scripts/start.js writes
// it); in an installed PayDesk, the one electron-builder rebuilt for Electron while packaging, which
// electron-builder.yml keeps outside the asar (a native module cannot be loaded from inside one).
import { join } from 'node:path';
import { electronSqliteBindingPath } from '../../scripts/electron-sqlite-path.js';

export { electronSqliteBindingPath };

/** Where electron-builder leaves the binding, relative to the app's folder. */
export const PACKAGED_BINDING = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

export type SqliteBinding = {
  /** The better_sqlite3.node to pass to better-sqlite3 as its nativeBinding. */
  file: string;
  /** What to tell the shopkeeper (or the developer) when that file is not there. */
  whenMissing: string;
};

/**
 * @param app app.isPackaged and app.getAppPath(): the project folder in development; packaged, the asar
 *   (resources/app.asar), whose unpacked files sit in app.asar.unpacked beside it.
 */
export function sqliteBinding(
  app: { isPackaged: boolean; appPath: string },
  runtime: { electronVersion: string; platform: string; arch: string },
): SqliteBinding {
  if (!app.isPackaged) {
    return {
      file: electronSqliteBindingPath(app.appPath, runtime.electronVersion, runtime.platform, runtime.arch),
      whenMissing: "PayDesk's database engine has not been prepared for this Electron version; start PayDesk with `npm start`.",
    };
  }
  const unpacked = app.appPath.endsWith('.asar') ? `${app.appPath}.unpacked` : app.appPath;
  return {
    file: join(unpacked, PACKAGED_BINDING),
    whenMissing:
      'This installation of PayDesk is incomplete: its database engine is missing. Install PayDesk again (your orders are kept).',
  };
}
