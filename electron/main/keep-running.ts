// PayDesk between the shopkeeper's visits to its window. Closing the window keeps PayDesk running, so the return
// address still answers customers who are paying; quitting asks while any may still come back; PayDesk can start with
// the computer. Thin: lifecycle/*.ts decide, this hands Electron's events to them and their answers back to Electron.
import { app, dialog, Notification, powerMonitor, type BrowserWindow } from 'electron';
import { homedir } from 'node:os';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/contract';
import { render, say } from '../../shared/messages/say';
import type { PaydeskCore } from '../core/paydesk-core';
import { CONFIRM_BUTTON, confirmationBox } from './confirm-dialog';
import { closeDecision, keepRunningNotice, quitQuestion, type HiddenIn, type Quitting } from './lifecycle/close-decision';
import { loginItemPlan, startsHidden } from './lifecycle/login-item';
import { applyLoginItem } from './lifecycle/login-item-apply';
import { pendingLinks, trayContent, type PendingLinks } from './lifecycle/tray-menu';
import { createPaydeskTray, type PaydeskTray } from './tray';

/** The tray's menu follows a burst of order changes (a batch of returns, the expiry sweep) at most this often. */
const TRAY_REFRESH_MS = 1000;

type Core = Pick<PaydeskCore, 'service' | 'setup' | 'events'>;

export type KeepRunningDeps = {
  /** The running core; null before it starts and once it is closing, when nothing is pending any more. */
  core(): Core | null;
  mainWindow(): BrowserWindow | null;
  showMainWindow(): void;
};

export function keepPaydeskRunning({ core, mainWindow, showMainWindow }: KeepRunningDeps) {
  let quitting: Quitting = 'no';
  let asking = false;
  let tray: PaydeskTray | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  const preferences = (): Preferences => {
    const saved = core()?.setup.getPreferences();
    return saved?.ok ? saved.value : DEFAULT_PREFERENCES;
  };

  // The window's close must be decided while its event runs, with no await: the pending links are read as orders
  // change, and the decision takes the count read last.
  const NONE: PendingLinks = { count: 0, newest: [] };
  let known = NONE;
  let reading: Promise<void> | null = null;
  let readAgain = false;
  const readPending = (): Promise<void> => {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      do {
        readAgain = false;
        const running = core();
        known = running ? await pendingLinks(running.service) : NONE;
      } while (readAgain);
    })()
      .catch((error: unknown) => console.error('PayDesk could not read its waiting payment links:', error))
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  const pending = (): PendingLinks => (core() ? known : NONE);

  const refreshTray = () => {
    if (core()) tray?.show(trayContent(pending(), preferences().language, { withQuit: process.platform !== 'darwin' }));
  };
  const refreshTraySoon = () => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null;
      refreshTray();
    }, TRAY_REFRESH_MS);
  };

  const decide = (via: 'window' | 'quit') =>
    closeDecision({ via, keepRunning: preferences().keepRunning, platform: process.platform, pending: pending().count, quitting });

  const systemEnding = () => {
    quitting = 'system';
  };

  async function ask(count: number): Promise<void> {
    // A second Quit while the question is open changes nothing: the question is still there to answer.
    if (asking) return;
    asking = true;
    try {
      const box = confirmationBox(quitQuestion(count, preferences().language));
      const window = mainWindow();
      if (process.platform === 'darwin') app.focus({ steal: true });
      const { response } = window?.isVisible() ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box);
      if (response === CONFIRM_BUTTON && quitting === 'no') {
        quitting = 'chosen';
        app.quit();
      }
    } finally {
      asking = false;
    }
  }

  async function explainOnce(hiddenIn: HiddenIn): Promise<void> {
    if (!(await core()?.setup.firstKeepRunningNotice())) return;
    const { language } = preferences();
    const { title, body } = keepRunningNotice(hiddenIn, language);
    if (Notification.isSupported()) {
      const notice = new Notification({ title, body });
      notice.on('click', showMainWindow);
      notice.show();
    } else {
      void dialog.showMessageBox({
        type: 'info',
        title,
        message: title,
        detail: body,
        buttons: [render(say('keep_running_ok'), language)],
      });
    }
  }

  function followLoginItem(): void {
    const plan = loginItemPlan(preferences().startAtLogin, {
      platform: process.platform,
      packaged: app.isPackaged,
      execPath: process.execPath,
      env: process.env,
      home: homedir(),
    });
    applyLoginItem(plan, { get: (where) => app.getLoginItemSettings(where), set: (settings) => app.setLoginItemSettings(settings) }).catch(
      (error: unknown) => console.error('PayDesk could not change whether it starts with this computer:', error),
    );
  }

  return {
    /** The main window's close: hidden, closed (PayDesk quits), or a question first. */
    watchWindow(window: BrowserWindow): void {
      window.on('close', (event) => {
        const decision = decide('window');
        if (decision.kind === 'quit') return;
        event.preventDefault();
        if (decision.kind === 'ask') return void ask(decision.pending);
        window.hide();
        explainOnce(decision.in).catch((error: unknown) => console.error('PayDesk could not say why it keeps running:', error));
      });
      // Windows ends a session without before-quit: from here on nothing hides the window or asks.
      window.on('query-session-end', systemEnding);
      window.on('session-end', systemEnding);
    },

    /** app's before-quit: the tray's Quit, the app menu's, Cmd+Q, the Dock's, and the last window closing. */
    beforeQuit(event: { preventDefault(): void }): void {
      const decision = decide('quit');
      if (decision.kind === 'ask') {
        event.preventDefault();
        void ask(decision.pending);
      } else if (quitting === 'no') {
        quitting = 'chosen';
      }
    },

    /** Once the core runs: the tray, the system's shutdown, the login item. Returns whether this start opens hidden. */
    start(started: Core): boolean {
      // macOS and Linux say the system is shutting down or logging out before they quit PayDesk; a signal is the system
      // (or a terminal) ending it too. Neither waits for a question.
      powerMonitor.on('shutdown', systemEnding);
      for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
        process.once(signal, () => {
          systemEnding();
          app.quit();
        });
      }
      tray = createPaydeskTray({ open: showMainWindow, quit: () => app.quit() });
      void readPending().then(refreshTray);
      started.events.on('orderChanged', () => {
        void readPending();
        refreshTraySoon();
      });
      started.events.on('preferencesChanged', () => {
        refreshTray();
        followLoginItem();
      });
      followLoginItem();
      const openedAtLogin = process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
      return startsHidden({ argv: process.argv, platform: process.platform, openedAtLogin });
    },
  };
}
