// Electron's side of lifecycle/app-menu.ts: the menu it describes, as the application menu, its commands run here.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppMenu, AppMenuItem, MenuCommand } from './lifecycle/app-menu';

export function setAppMenu(menu: AppMenu, commands: Record<MenuCommand, () => void>): void {
  const item = (entry: AppMenuItem): MenuItemConstructorOptions =>
    'separator' in entry
      ? { type: 'separator' }
      : 'role' in entry
        ? { role: entry.role, label: entry.label }
        : { label: entry.label, click: commands[entry.command] };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu.map(({ label, items }) => ({ label, submenu: items.map(item) }))));
}
