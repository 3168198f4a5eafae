import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window: a sandboxed, isolated page that reaches the core only through the preload's bridge. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'PayDesk',
    width: 1200,
    height: 800,
    minWidth: 880,
    minHeight: 600,
    backgroundColor: '#f5f6f8',
    // Shown on 'ready-to-show', so the shopkeeper never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/**
 * A window that shows or prints a receipt: no preload, no JavaScript, sandboxed. The receipt is a
 * self-contained document, so the window needs nothing but to lay it out.
 */
export function receiptWindowOptions(show: boolean, title = 'PayDesk receipt'): BrowserWindowConstructorOptions {
  return {
    title,
    width: 720,
    height: 900,
    show,
    autoHideMenuBar: true,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
