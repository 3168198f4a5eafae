// Which native binding of better-sqlite3 the Electron main process loads, in a checkout and installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { electronSqliteBindingPath, sqliteBinding } from '../../electron/main/sqlite-binding';

const runtime = { electronVersion: '41.7.1', platform: 'linux', arch: 'x64' };

test('in a checkout, the main process loads the copy `npm start` built for its Electron version', () => {
  const binding = sqliteBinding({ isPackaged: false, appPath: '/home/shop/paydesk' }, runtime);
  assert.equal(binding.file, electronSqliteBindingPath('/home/shop/paydesk', '41.7.1', 'linux', 'x64'));
  assert.match(binding.whenMissing, /npm start/);
});

test('installed, the main process loads the binding electron-builder unpacked beside the asar', () => {
  const binding = sqliteBinding({ isPackaged: true, appPath: '/opt/PayDesk/resources/app.asar' }, runtime);
  assert.equal(binding.file, '/opt/PayDesk/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
});

test('installed without an asar, the binding is read from the app folder itself', () => {
  const binding = sqliteBinding({ isPackaged: true, appPath: '/opt/PayDesk/resources/app' }, runtime);
  assert.equal(
    binding.file,
    join('/opt/PayDesk/resources/app', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  );
});

test('an installed PayDesk missing its binding asks to be installed again, never for `npm start`', () => {
  const binding = sqliteBinding(
    { isPackaged: true, appPath: 'C:\\Program Files\\PayDesk\\resources\\app.asar' },
    { ...runtime, platform: 'win32' },
  );
  assert.doesNotMatch(binding.whenMissing, /npm/);
  assert.match(binding.whenMissing, /Install PayDesk again/);
});

test('the packaged binding does not depend on the Electron version, so an update that rebuilds it needs no new path', () => {
  const app = { isPackaged: true, appPath: '/opt/PayDesk/resources/app.asar' };
  assert.equal(sqliteBinding(app, runtime).file, sqliteBinding(app, { ...runtime, electronVersion: '42.0.0' }).file);
});
