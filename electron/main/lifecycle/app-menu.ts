// PayDesk's own app menu, in the shop's language. Without one, Electron shows its default menu, whose Help opens
// Electron's website. Edit's items are what make copy and paste work in text fields on macOS; View's zoom helps a
// small screen; Help › About opens Settings at About. Pure: app-menu-wiring builds Electron's menu from it.
import type { Preferences } from '../../../shared/contract';
import { render, say } from '../../../shared/messages/say';

/** What an item does: one of Electron's built-in roles, or one of PayDesk's own commands. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'close'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit';
export type MenuCommand = 'about' | 'logsFolder';

export type AppMenuItem = { role: MenuRole; label: string } | { command: MenuCommand; label: string } | { separator: true };
export type AppMenu = Array<{ label: string; items: AppMenuItem[] }>;

type Entry = MenuRole | MenuCommand | '-';

const LABELS = {
  undo: 'menu_undo',
  redo: 'menu_redo',
  cut: 'menu_cut',
  copy: 'menu_copy',
  paste: 'menu_paste',
  selectAll: 'menu_select_all',
  zoomIn: 'menu_zoom_in',
  zoomOut: 'menu_zoom_out',
  resetZoom: 'menu_actual_size',
  togglefullscreen: 'menu_full_screen',
  close: 'menu_close_window',
  hide: 'menu_hide',
  hideOthers: 'menu_hide_others',
  unhide: 'menu_show_all',
  quit: 'tray_quit',
  about: 'menu_about',
  logsFolder: 'menu_logs_folder',
} as const satisfies Record<MenuRole | MenuCommand, string>;
type MenuWord = (typeof LABELS)[keyof typeof LABELS] | 'menu_file' | 'menu_edit' | 'menu_view' | 'menu_help';

const COMMANDS: readonly string[] = ['about', 'logsFolder'] satisfies MenuCommand[];

export function appMenu(language: Preferences['language'], platform: NodeJS.Platform): AppMenu {
  const words = (code: MenuWord) => render(say(code), language);
  const item = (entry: Entry): AppMenuItem => {
    if (entry === '-') return { separator: true };
    const label = words(LABELS[entry]);
    return COMMANDS.includes(entry) ? { command: entry as MenuCommand, label } : { role: entry as MenuRole, label };
  };
  const menu = (code: MenuWord, entries: Entry[]) => ({ label: words(code), items: entries.map(item) });
  const mac = platform === 'darwin';
  return [
    // macOS names its first menu after the app and keeps About, Hide and Quit there.
    ...(mac ? [{ label: 'PayDesk', items: (['about', '-', 'hide', 'hideOthers', 'unhide', '-', 'quit'] as Entry[]).map(item) }] : []),
    menu('menu_file', mac ? ['close'] : ['close', 'quit']),
    menu('menu_edit', ['undo', 'redo', '-', 'cut', 'copy', 'paste', 'selectAll']),
    menu('menu_view', ['zoomIn', 'zoomOut', 'resetZoom', '-', 'togglefullscreen']),
    menu('menu_help', mac ? ['logsFolder'] : ['about', 'logsFolder']),
  ];
}
