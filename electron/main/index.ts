// The Electron main process: lifecycle, the window, and the wiring between the page and the core.
// Every decision it makes lives in a pure module beside it (window-options, navigation, ipc, sqlite-binding).
import { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, safeStorage, screen as displays, session } from 'electron';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCore } from '../core/paydesk-core';
import { APP_NAME, defaultDataDir } from '../core/storage/data-dir';
import { forwardEvents } from '../core/event-forwarding';
import { createRouter } from '../core/router';
import { registerIpc } from './ipc';
import { createCustomerWindow } from './customer-window';
import { createDesktopPlatform } from './desktop-platform';
import { initialScreenState, paidNotification, showsCustomerName } from './paid-notification';
import { guardWebContents, isTrustedSender, mayGrantPermission } from './navigation';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { electronSqliteBindingPath } from './sqlite-binding';
import { mainWindowOptions } from './window-options';

type Core = Awaited<ReturnType<typeof startCore>>;

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appEntryUrl = devServerUrl ?? new URL('../renderer/index.html', import.meta.url).href;
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

let mainWindow: BrowserWindow | null = null;
const customerWindow = createCustomerWindow(
  { BrowserWindow, screen: displays },
  { preloadPath, appEntryUrl, shopkeeperWindow: () => mainWindow },
);
const platform = createDesktopPlatform(
  () => mainWindow,
  (open) => (open ? customerWindow.open() : customerWindow.close()),
);
let core: Core | null = null;
let coreClosed = false;

app.setName(APP_NAME);
// The app and the CLI share one order book, so the app's userData is the folder the CLI also uses.
app.setPath('userData', defaultDataDir());
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appEntryUrl, openExternal: platform.openExternal });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('will-quit', (event) => {
    if (!core || coreClosed) return;
    event.preventDefault();
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => console.error('PayDesk did not close cleanly:', messageOf(error)))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(mayGrantPermission(permission, details.requestingUrl, appEntryUrl));
  });
  session.defaultSession.setPermissionCheckHandler((contents, permission, _origin, details) =>
    mayGrantPermission(permission, details.requestingUrl ?? contents?.getURL() ?? '', appEntryUrl),
  );

  const nativeBinding = electronSqliteBindingPath(app.getAppPath(), process.versions.electron, process.platform, process.arch);
  if (!existsSync(nativeBinding)) {
    throw new Error("PayDesk's database engine has not been prepared for this Electron version; start PayDesk with `npm start`.");
  }

  const started = await startCore({
    dataDir: app.getPath('userData'),
    nativeBinding,
    keys: { cipher: createSafeStorageCipher(safeStorage) },
  });
  core = started;
  const router = createRouter({
    service: started.service,
    reconciliation: started.reconciliation,
    setup: started.setup,
    exports: started.exports,
    closing: started.closing,
    customerDisplay: started.customerDisplay,
    platform,
    isTrustedSender: (sender) => isTrustedSender(sender, appEntryUrl),
  });
  registerIpc(ipcMain, router);
  forwardEvents(started.events, (channel, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
    customerWindow.send(channel, payload);
  });
  let screen = initialScreenState(process.platform);
  powerMonitor.on('lock-screen', () => (screen = 'locked'));
  powerMonitor.on('unlock-screen', () => (screen = 'unlocked'));
  started.events.on('orderPaid', (order) => {
    if (!Notification.isSupported()) return;
    const preferences = started.setup.getPreferences();
    if (!preferences.ok) return;
    const { language, notificationNames } = preferences.value;
    const showName = showsCustomerName(notificationNames, screen);
    new Notification({ ...paidNotification(order, { language, showName }), silent: false }).show();
  });
  createMainWindow();
}

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    // The customer's screen does not outlive the shopkeeper's.
    customerWindow.close();
  });
  window.loadURL(appEntryUrl).catch(fail);
}

function fail(error: unknown): void {
  dialog.showErrorBox('PayDesk could not start', messageOf(error));
  const closing = core;
  core = null;
  Promise.resolve(closing?.close())
    .catch(() => undefined)
    .finally(() => app.exit(1));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
