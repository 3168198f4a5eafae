// The desktop as tests see it: dialogs answer with what the test put in, the browser and the printer
// are lists to inspect, and PDFs come from real Chromium.
import type { Confirmation, OpenDialog, Platform, SaveDialog } from '../../electron/core/platform';
import { canOpenExternally } from '../../electron/main/navigation';
import { chromiumPdfRenderer } from './chromium-pdf';

export type TestPlatform = Platform & {
  opened: string[];
  /** The messages handed to WhatsApp, SMS or e-mail, each past the main process's allow-list. */
  shared: string[];
  printed: string[];
  previewed: string[];
  saveDialogs: SaveDialog[];
  /** The open dialogs shown, statement, logo or CA certificate, with the words PayDesk gave them. */
  openDialogs: Array<OpenDialog & { picks: 'statement' | 'logo' | 'ca' }>;
  /** The titles of the folder dialogs shown. */
  folderDialogs: string[];
  /** The questions the main process asked the shopkeeper. */
  confirmations: Confirmation[];
  /** Each time the page asked for the customer view: true to open it, false to close it. */
  customerViews: boolean[];
  /** The folders shown in the file manager. */
  openedFolders: string[];
  /** How many times PayDesk asked to be restarted. */
  restarts: number;
  /** What the next dialogs answer; null is the shopkeeper pressing Cancel. */
  choices: {
    logo: Uint8Array | null;
    saveFile: string | null;
    folder: string | null;
    /** The shopkeeper's answer to the next confirmations (true: they chose the change). */
    confirm: boolean;
    /** The statement file the open dialog picks. */
    statement: { name: string; bytes: Uint8Array } | null;
    /** Whether the system has an app for the next shared messages (false: none takes WhatsApp, SMS or e-mail). */
    shareApp: boolean;
    /** The CA certificate file the open dialog picks. */
    ca: { name: string; bytes: Uint8Array } | null;
  };
};

export function createTestPlatform(t: { after(fn: () => unknown): void }): TestPlatform {
  const platform: TestPlatform = {
    opened: [],
    shared: [],
    printed: [],
    previewed: [],
    saveDialogs: [],
    openDialogs: [],
    folderDialogs: [],
    confirmations: [],
    customerViews: [],
    openedFolders: [],
    restarts: 0,
    choices: { logo: null, saveFile: null, folder: null, confirm: true, statement: null, shareApp: true, ca: null },
    async confirm(question) {
      platform.confirmations.push(question);
      return platform.choices.confirm;
    },
    openExternal: async (url) => void platform.opened.push(url),
    openPath: async (path) => void platform.openedFolders.push(path),
    // The desktop's own allow-list decides, as in the app: a refused address throws and is not recorded.
    async openShareLink(url) {
      if (!canOpenExternally(url, 'share')) throw new Error(`The main process refuses to hand over ${url}`);
      if (!platform.choices.shareApp) return false;
      platform.shared.push(url);
      return true;
    },
    async chooseLogoFile(dialog) {
      platform.openDialogs.push({ ...dialog, picks: 'logo' });
      return platform.choices.logo;
    },
    async chooseStatementFile(dialog) {
      platform.openDialogs.push({ ...dialog, picks: 'statement' });
      return platform.choices.statement;
    },
    async chooseCaFile(dialog) {
      platform.openDialogs.push({ ...dialog, picks: 'ca' });
      return platform.choices.ca;
    },
    async chooseSaveFile(dialog) {
      platform.saveDialogs.push(dialog);
      return platform.choices.saveFile;
    },
    async chooseFolder(title) {
      platform.folderDialogs.push(title);
      return platform.choices.folder;
    },
    pdf: chromiumPdfRenderer(t),
    print: async (html) => void platform.printed.push(html),
    preview: async (html) => void platform.previewed.push(html),
    customerView: async (open) => void platform.customerViews.push(open),
    restart: async () => void platform.restarts++,
  };
  return platform;
}
