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
