// PayDesk's icon by the clock (Windows, Linux) with tray-menu.ts's menu, or on macOS that menu in the Dock, where
// PayDesk already has its icon.
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { TrayContent, TrayLine } from './lifecycle/tray-menu';

/** The tray image in the app (electron-builder.yml ships it); nativeImage takes tray@2x.png beside it on its own. */
const TRAY_IMAGE = join('resources', 'tray.png');

export type PaydeskTray = { show(content: TrayContent): void };

export function createPaydeskTray({ open, quit }: { open(): void; quit(): void }): PaydeskTray {
  const item = (line: TrayLine): MenuItemConstructorOptions => {
    switch (line.kind) {
      case 'info':
        return { label: line.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'open':
        return { label: line.label, click: open };
      case 'quit':
        return { label: line.label, click: quit };
    }
  };
  const menu = (content: TrayContent) => Menu.buildFromTemplate(content.lines.map(item));

  if (process.platform === 'darwin') return { show: (content) => app.dock?.setMenu(menu(content)) };

  // An image that cannot be read is an empty one: the tray still works, as a blank square.
  const tray = new Tray(nativeImage.createFromPath(join(app.getAppPath(), TRAY_IMAGE)));
  // A click opens the window on Windows; most Linux trays show the menu on a click instead, where Open is first.
  tray.on('click', open);
  return {
    show(content) {
      tray.setToolTip(content.tooltip);
      tray.setContextMenu(menu(content));
    },
  };
}
