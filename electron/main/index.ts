// The Electron main process: lifecycle, the window, and the wiring between the page and the core.
// Every decision it makes lives in a pure module beside it (window-options, navigation, ipc, sqlite-binding).
import { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, safeStorage, screen as displays, session } from 'electron';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCore } from '../core/paydesk-core';
import { APP_NAME, defaultDataDir } from '../core/storage/data-dir';
import { readBookChoice } from '../core/storage/book-choice-file';
import { inEnglish } from '../../shared/messages/say';
import { forwardEvents } from '../core/event-forwarding';
import { createRouter } from '../core/router';
import { registerIpc } from './ipc';
import { createCustomerWindow } from './customer-window';
import { createDesktopPlatform } from './desktop-platform';
import { initialScreenState, paidNotification, showsCustomerName } from './paid-notification';
import { keepPaydeskRunning } from './keep-running';
import { appMenu } from './lifecycle/app-menu';
import { restartPaydesk } from './lifecycle/restart';
import { setAppMenu } from './menu-bar';
import { guardWebContents, isTrustedSender, mayGrantPermission } from './navigation';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { sqliteBinding } from './sqlite-binding';
import { mainWindowOptions } from './window-options';

type Core = Awaited<ReturnType<typeof startCore>>;

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appEntryUrl = devServerUrl ?? new URL('../renderer/index.html', import.meta.url).href;
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const customerPreloadPath = fileURLToPath(new URL('../preload/customer.cjs', import.meta.url));

let mainWindow: BrowserWindow | null = null;
const customerWindow = createCustomerWindow(
  { BrowserWindow, screen: displays },
  { preloadPath: customerPreloadPath, appEntryUrl, shopkeeperWindow: () => mainWindow },
);
const platform = createDesktopPlatform(
  () => mainWindow,
  (open) => (open ? customerWindow.open() : customerWindow.close()),
  restart,
);
// Closing the window hides it while PayDesk keeps answering returns; quitting with links pending asks first.
const keepRunning = keepPaydeskRunning({ core: () => core, mainWindow: () => mainWindow, showMainWindow });
let core: Core | null = null;
let coreClosed = false;

app.setName(APP_NAME);
// The app and the CLI share one order book, so the app's userData is the folder the CLI also uses.
app.setPath('userData', defaultDataDir());
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appEntryUrl, openExternal: platform.openExternal });
  });
  // A window that keeps PayDesk running only hides, so every window gone means PayDesk quits, on macOS too.
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => showMainWindow());
  app.on('before-quit', (event) => keepRunning.beforeQuit(event));
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
        // On a later turn: a quit asked while Electron is still inside this will-quit would be ignored.
        setImmediate(() => app.quit());
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

  const binding = sqliteBinding(
    { isPackaged: app.isPackaged, appPath: app.getAppPath() },
    { electronVersion: process.versions.electron, platform: process.platform, arch: process.arch },
  );
  if (!existsSync(binding.file)) throw new Error(binding.whenMissing);

  // The order book this computer chose (Settings › Order book); a damaged choice stops here rather than open another.
  const cipher = createSafeStorageCipher(safeStorage);
  const book = await readBookChoice(app.getPath('userData'), cipher);
  if (!book.ok) throw new Error(inEnglish(book.message));
  const started = await startCore({
    dataDir: app.getPath('userData'),
    nativeBinding: binding.file,
    book: book.choice,
    keys: { cipher },
    // Asks the shop's release feed at start and daily, only when the shop turned it on (Settings › Updates).
    updates: { scheduled: true, version: app.getVersion() },
  });
  core = started;
  const router = createRouter({
    service: started.service,
    reconciliation: started.reconciliation,
    setup: started.setup,
    exports: started.exports,
    closing: started.closing,
    customerDisplay: started.customerDisplay,
    support: started.support,
    updates: started.updates,
    orderBook: started.orderBook,
    platform,
    isTrustedSender: (sender) => isTrustedSender(sender, appEntryUrl),
  });
  registerIpc(ipcMain, router);
  forwardEvents(
    started.events,
    (channel, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
      customerWindow.send(channel, payload);
    },
    started.support.log,
  );
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
  const menuBar = () => {
    const preferences = started.setup.getPreferences();
    setAppMenu(appMenu(preferences.ok ? preferences.value.language : 'en', process.platform), {
      about: () => {
        showMainWindow();
        started.events.emit('showAbout', {});
      },
      logsFolder: () =>
        void platform
          .openPath(started.support.folder('logs'))
          .catch((error: unknown) => started.support.log.warn('folder_not_opened', `the logs folder did not open: ${messageOf(error)}`)),
    });
  };
  menuBar();
  started.events.on('preferencesChanged', menuBar);
  // A start at login opens to the tray (or the Dock): the return address answers, and the window waits to be asked for.
  createMainWindow(!keepRunning.start(started));
}

/** Settings › Order book's Restart, on a later turn so the page hears its answer first. */
function restart(): void {
  const closing = core;
  core = null;
  coreClosed = true;
  setImmediate(
    () =>
      void restartPaydesk({
        closeCore: async () => closing?.close(),
        relaunch: () => app.relaunch(),
        exit: (code) => app.exit(code),
        failed: (error) => console.error('PayDesk did not close cleanly:', messageOf(error)),
      }),
  );
}

/** The window back from the tray, the Dock or a second start: the one there is, or a new one. */
function showMainWindow(): void {
  if (!core) return;
  if (!mainWindow) return createMainWindow(true);
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createMainWindow(visible: boolean): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow = window;
  if (visible) window.once('ready-to-show', () => window.show());
  keepRunning.watchWindow(window);
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
