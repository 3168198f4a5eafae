// The customer view's window: the app's own page at #customer, turned to the customer. On a second display it
// opens full screen there and leaves the shopkeeper's focus where it was; with one display it is a window the
// shopkeeper places or makes full screen (F11). Where it goes and what it is allowed are pure functions; the
// Electron parts come in as parameters, so this module loads under plain Node for its tests.
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Screen } from 'electron';
import { CUSTOMER_VIEW_EVENTS, CUSTOMER_VIEW_HASH, ipcEvent } from '../../shared/contract';
import { mainWindowOptions } from './window-options';

export type DisplayArea = { id: number; bounds: Rectangle; workArea: Rectangle };
export type CustomerPlacement = { bounds: Rectangle; fullscreen: boolean };

/** The window on the shopkeeper's own display: the smallest screen PayDesk is laid out for. */
const WINDOWED = { width: 1024, height: 768 };

/**
 * Full screen on a display other than the shopkeeper's when there is one (the first the system lists); else a
 * window centred on the shopkeeper's display, no larger than its work area.
 */
export function customerWindowPlacement(displays: readonly DisplayArea[], shopkeeperDisplayId: number): CustomerPlacement {
  const own = displays.find((display) => display.id === shopkeeperDisplayId) ?? displays[0];
  const other = displays.find((display) => display !== own);
  if (other) return { bounds: other.bounds, fullscreen: true };
  const area = own?.workArea ?? { x: 0, y: 0, ...WINDOWED };
  const width = Math.min(WINDOWED.width, area.width);
  const height = Math.min(WINDOWED.height, area.height);
  return {
    bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height },
    fullscreen: false,
  };
}

/** The main window's hardening (sandbox, isolation, no Node, no webview), placed as decided. */
export function customerWindowOptions(preloadPath: string, { bounds, fullscreen }: CustomerPlacement): BrowserWindowConstructorOptions {
  const main = mainWindowOptions(preloadPath);
  return {
    title: main.title,
    ...bounds,
    minWidth: 480,
    minHeight: 360,
    fullscreen,
    fullscreenable: true,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    show: false,
    webPreferences: main.webPreferences,
  };
}

/** The app's entry with the customer view's fragment. */
export function customerViewUrl(appEntryUrl: string): string {
  const url = new URL(appEntryUrl);
  url.hash = CUSTOMER_VIEW_HASH;
  return url.href;
}

/** The customer's window hears nothing of the shop but what its screen shows. */
export const customerWindowHears = (channel: string): boolean => CUSTOMER_VIEW_EVENTS.some((event) => channel === ipcEvent(event));

type ElectronParts = {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: Pick<Screen, 'getAllDisplays' | 'getDisplayMatching' | 'getPrimaryDisplay'>;
};

export type CustomerWindow = {
  open(): Promise<void>;
  close(): void;
  /** Passes on a core event, if it is one the customer view hears. */
  send(channel: string, payload: unknown): void;
};

export function createCustomerWindow(
  electron: ElectronParts,
  {
    preloadPath,
    appEntryUrl,
    shopkeeperWindow,
  }: { preloadPath: string; appEntryUrl: string; shopkeeperWindow: () => BrowserWindow | null },
): CustomerWindow {
  let window: BrowserWindow | null = null;
  const live = () => (window && !window.isDestroyed() ? window : null);

  return {
    async open() {
      const shown = live();
      if (shown) return shown.isVisible() ? shown.moveTop() : shown.showInactive();
      const main = shopkeeperWindow();
      const own = main ? electron.screen.getDisplayMatching(main.getBounds()) : electron.screen.getPrimaryDisplay();
      const placement = customerWindowPlacement(electron.screen.getAllDisplays(), own.id);
      const created = new electron.BrowserWindow(customerWindowOptions(preloadPath, placement));
      window = created;
      // On its own display the view takes no focus: the shopkeeper goes on typing the next amount.
      created.once('ready-to-show', () => (placement.fullscreen ? created.showInactive() : created.show()));
      created.on('closed', () => {
        if (window === created) window = null;
      });
      await created.loadURL(customerViewUrl(appEntryUrl));
    },
    close() {
      live()?.close();
    },
    send(channel, payload) {
      if (customerWindowHears(channel)) live()?.webContents.send(channel, payload);
    },
  };
}
