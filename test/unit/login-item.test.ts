// "Start PayDesk when this computer starts", under plain Node: the entry for each platform, and the Linux autostart
// file written into and removed from a real folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  autostartEntry,
  autostartFile,
  HIDDEN_START_FLAG,
  loginItemPlan,
  startsHidden,
  type LoginItemContext,
} from '../../electron/main/lifecycle/login-item';
import { applyLoginItem, type LoginItems } from '../../electron/main/lifecycle/login-item-apply';
import { tempDir } from '../support/temp-dir';

const installed = (change: Partial<LoginItemContext> = {}): LoginItemContext => ({
  platform: 'linux',
  packaged: true,
  execPath: '/opt/PayDesk/paydesk',
  env: {},
  home: '/home/shop',
  ...change,
});

/** The Exec key read back as the Desktop Entry specification says a launcher reads it: string escapes, then quoting. */
function execArguments(entry: string): string[] {
  const raw = /^Exec=(.*)$/m.exec(entry)![1]!;
  const value = raw.replace(/\\([\\snrt])/g, (_, c: string) => ({ '\\': '\\', s: ' ', n: '\n', r: '\r', t: '\t' })[c]!);
  const args: string[] = [];
  for (const [, quoted, plain] of value.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    args.push((quoted !== undefined ? quoted.replace(/\\(["`$\\])/g, '$1') : plain!).replaceAll('%%', '%'));
  }
  return args;
}

test('macOS and Windows register a login item; Windows starts it with the flag that opens to the tray', () => {
  assert.deepEqual(loginItemPlan(true, installed({ platform: 'darwin', execPath: '/Applications/PayDesk.app/Contents/MacOS/PayDesk' })), {
    kind: 'login-item',
    settings: { openAtLogin: true },
  });
  const windows = 'C:\\Users\\Shop\\AppData\\Local\\Programs\\PayDesk\\PayDesk.exe';
  assert.deepEqual(loginItemPlan(true, installed({ platform: 'win32', execPath: windows })), {
    kind: 'login-item',
    settings: { openAtLogin: true, path: windows, args: [HIDDEN_START_FLAG] },
  });
  assert.deepEqual(loginItemPlan(false, installed({ platform: 'win32', execPath: windows })), {
    kind: 'login-item',
    settings: { openAtLogin: false, path: windows, args: [HIDDEN_START_FLAG] },
  });
});

test('on Linux the autostart entry starts the installed program, or the AppImage file itself rather than its mount', () => {
  const deb = loginItemPlan(true, installed());
  assert.equal(deb.kind, 'autostart-entry');
  assert.equal(deb.kind === 'autostart-entry' && deb.file, '/home/shop/.config/autostart/paydesk.desktop');
  assert.deepEqual(execArguments(deb.kind === 'autostart-entry' ? deb.content! : ''), ['/opt/PayDesk/paydesk', HIDDEN_START_FLAG]);

  const appImage = loginItemPlan(
    true,
    installed({ execPath: '/tmp/.mount_PayDesk3f9/paydesk', env: { APPIMAGE: '/home/shop/Apps/PayDesk-0.1.0.AppImage' } }),
  );
  assert.deepEqual(execArguments(appImage.kind === 'autostart-entry' ? appImage.content! : ''), [
    '/home/shop/Apps/PayDesk-0.1.0.AppImage',
    HIDDEN_START_FLAG,
  ]);
  assert.deepEqual(loginItemPlan(false, installed()), {
    kind: 'autostart-entry',
    file: '/home/shop/.config/autostart/paydesk.desktop',
    content: null,
  });
});

test('the autostart folder follows XDG_CONFIG_HOME when it is an absolute path, and ~/.config otherwise', () => {
  assert.equal(autostartFile({ XDG_CONFIG_HOME: '/srv/shop-config' }, '/home/shop'), '/srv/shop-config/autostart/paydesk.desktop');
  assert.equal(autostartFile({ XDG_CONFIG_HOME: 'relative/config' }, '/home/shop'), '/home/shop/.config/autostart/paydesk.desktop');
  assert.equal(autostartFile({ XDG_CONFIG_HOME: '' }, '/home/shop'), '/home/shop/.config/autostart/paydesk.desktop');
});

test('a development run registers nothing with the system', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    assert.deepEqual(loginItemPlan(true, installed({ platform, packaged: false })), { kind: 'none' });
  }
});

test('the entry is a desktop entry with no words of any language, and a path with spaces, quotes, $ and % reads back whole', () => {
  const awkward = '/home/shop/My "Best" Apps/$HOME 100%/back\\slash/PayDesk.AppImage';
  const entry = autostartEntry([awkward, HIDDEN_START_FLAG]);
  assert.deepEqual(execArguments(entry), [awkward, HIDDEN_START_FLAG]);
  assert.equal(
    entry,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Version=1.5',
      'Name=PayDesk',
      'Exec="/home/shop/My \\\\"Best\\\\" Apps/\\\\$HOME 100%%/back\\\\\\\\slash/PayDesk.AppImage" --hidden',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
});

test('a start opens hidden when its entry carries the flag, or when macOS says it opened at login', () => {
  assert.equal(startsHidden({ argv: ['/opt/PayDesk/paydesk', HIDDEN_START_FLAG], platform: 'linux', openedAtLogin: false }), true);
  assert.equal(startsHidden({ argv: ['/opt/PayDesk/paydesk'], platform: 'linux', openedAtLogin: false }), false);
  assert.equal(startsHidden({ argv: ['PayDesk.exe'], platform: 'win32', openedAtLogin: false }), false);
  assert.equal(startsHidden({ argv: ['/Applications/PayDesk.app/Contents/MacOS/PayDesk'], platform: 'darwin', openedAtLogin: true }), true);
});

test('on Linux the entry is written when the setting is on, rewritten when PayDesk moved, and removed when it is off', async (t) => {
  const home = tempDir(t);
  const noItems: LoginItems = { get: () => assert.fail('no login item on Linux'), set: () => assert.fail('no login item on Linux') };
  const plan = (on: boolean, execPath = '/opt/PayDesk/paydesk') => loginItemPlan(on, installed({ home, execPath }));
  const file = join(home, '.config', 'autostart', 'paydesk.desktop');

  await applyLoginItem(plan(true), noItems);
  assert.deepEqual(execArguments(readFileSync(file, 'utf8')), ['/opt/PayDesk/paydesk', HIDDEN_START_FLAG]);
  assert.equal(statSync(file).mode & 0o777, 0o644);

  await applyLoginItem(plan(true, '/usr/lib/paydesk/paydesk'), noItems);
  assert.deepEqual(execArguments(readFileSync(file, 'utf8')), ['/usr/lib/paydesk/paydesk', HIDDEN_START_FLAG]);

  await applyLoginItem(plan(false), noItems);
  assert.equal(existsSync(file), false);
  await applyLoginItem(plan(false), noItems);
  assert.equal(existsSync(file), false, 'removing an entry that is not there is nothing');
});

test('a stale entry left by hand is replaced with PayDesk’s own', async (t) => {
  const home = tempDir(t);
  const file = join(home, '.config', 'autostart', 'paydesk.desktop');
  mkdirSync(join(home, '.config', 'autostart'), { recursive: true });
  writeFileSync(file, '[Desktop Entry]\nExec=/old/place/paydesk\n');
  await applyLoginItem(loginItemPlan(true, installed({ home })), { get: () => ({ openAtLogin: false }), set: () => {} });
  assert.equal(readFileSync(file, 'utf8'), autostartEntry(['/opt/PayDesk/paydesk', HIDDEN_START_FLAG]));
});

test('the system’s login item is changed only when it differs from the setting, asked with the same path and args', async () => {
  const windows = loginItemPlan(true, installed({ platform: 'win32', execPath: 'C:\\PayDesk\\PayDesk.exe' }));
  const asked: unknown[] = [];
  const set: unknown[] = [];
  const items = (openAtLogin: boolean): LoginItems => ({
    get: (where) => (asked.push(where), { openAtLogin }),
    set: (settings) => void set.push(settings),
  });
  await applyLoginItem(windows, items(true));
  assert.deepEqual(set, [], 'already registered: left as the system has it');
  await applyLoginItem(windows, items(false));
  assert.deepEqual(set, [{ openAtLogin: true, path: 'C:\\PayDesk\\PayDesk.exe', args: [HIDDEN_START_FLAG] }]);
  assert.deepEqual(asked, [
    { path: 'C:\\PayDesk\\PayDesk.exe', args: [HIDDEN_START_FLAG] },
    { path: 'C:\\PayDesk\\PayDesk.exe', args: [HIDDEN_START_FLAG] },
  ]);
});
