// PayDesk's app menu, checked under plain Node: its words in the shop's language, its Help opening PayDesk's own
// About (never Electron's website, as Electron's default menu would), and Edit's roles that copy and paste need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appMenu, type AppMenu } from '../../electron/main/lifecycle/app-menu';

const labels = (menu: AppMenu) => menu.map((submenu) => submenu.label);
const entries = (menu: AppMenu, label: string) =>
  menu
    .find((submenu) => submenu.label === label)!
    .items.map((item) => ('separator' in item ? '-' : 'role' in item ? item.role : item.command));

test('on Windows and Linux the menu is File, Edit, View and Help, with About and the logs folder under Help', () => {
  for (const platform of ['win32', 'linux'] as const) {
    const menu = appMenu('en', platform);
    assert.deepEqual(labels(menu), ['File', 'Edit', 'View', 'Help']);
    assert.deepEqual(entries(menu, 'File'), ['close', 'quit']);
    assert.deepEqual(entries(menu, 'Edit'), ['undo', 'redo', '-', 'cut', 'copy', 'paste', 'selectAll']);
    assert.deepEqual(entries(menu, 'Help'), ['about', 'logsFolder']);
  }
});

test('on macOS About, Hide and Quit sit in the PayDesk menu, as the system expects', () => {
  const menu = appMenu('en', 'darwin');
  assert.deepEqual(labels(menu), ['PayDesk', 'File', 'Edit', 'View', 'Help']);
  assert.deepEqual(entries(menu, 'PayDesk'), ['about', '-', 'hide', 'hideOthers', 'unhide', '-', 'quit']);
  assert.deepEqual(entries(menu, 'File'), ['close']);
  assert.deepEqual(entries(menu, 'Help'), ['logsFolder']);
});

test('in বাংলা every menu and item is in Bengali, PayDesk alone in Latin letters', () => {
  const menu = appMenu('bn', 'linux');
  assert.deepEqual(labels(menu), ['ফাইল', 'সম্পাদনা', 'দেখা', 'সাহায্য']);
  const words = menu.flatMap((submenu) => submenu.items.flatMap((item) => ('label' in item ? [item.label] : [])));
  assert.ok(words.includes('PayDesk সম্পর্কে'));
  for (const word of words) assert.doesNotMatch(word.replace('PayDesk', ''), /[A-Za-z]/, word);
  assert.notDeepEqual(
    words,
    appMenu('en', 'linux').flatMap((submenu) => submenu.items.flatMap((item) => ('label' in item ? [item.label] : []))),
  );
});
