// The desktop as tests see it: dialogs answer with what the test put in, the browser and the printer
// are lists to inspect, and PDFs come from real Chromium.
import type { Confirmation, OpenDialog, Platform, SaveDialog } from '../../electron/core/platform';
import { chromiumPdfRenderer } from './chromium-pdf';

export type TestPlatform = Platform & {
  opened: string[];
  printed: string[];
  previewed: string[];
  saveDialogs: SaveDialog[];
  /** The open dialogs shown, statement or logo, with the words PayDesk gave them. */
  openDialogs: Array<OpenDialog & { picks: 'statement' | 'logo' }>;
  /** The titles of the folder dialogs shown. */
  folderDialogs: string[];
  /** The questions the main process asked the shopkeeper. */
  confirmations: Confirmation[];
  /** What the next dialogs answer; null is the shopkeeper pressing Cancel. */
  choices: {
    logo: Uint8Array | null;
    saveFile: string | null;
    folder: string | null;
    /** The shopkeeper's answer to the next confirmations (true: they chose the change). */
    confirm: boolean;
    /** The statement file the open dialog picks. */
    statement: { name: string; bytes: Uint8Array } | null;
  };
};

export function createTestPlatform(t: { after(fn: () => unknown): void }): TestPlatform {
  const platform: TestPlatform = {
    opened: [],
    printed: [],
    previewed: [],
    saveDialogs: [],
    openDialogs: [],
    folderDialogs: [],
    confirmations: [],
    choices: { logo: null, saveFile: null, folder: null, confirm: true, statement: null },
    async confirm(question) {
      platform.confirmations.push(question);
      return platform.choices.confirm;
    },
    openExternal: async (url) => void platform.opened.push(url),
    async chooseLogoFile(dialog) {
      platform.openDialogs.push({ ...dialog, picks: 'logo' });
      return platform.choices.logo;
    },
    async chooseStatementFile(dialog) {
      platform.openDialogs.push({ ...dialog, picks: 'statement' });
      return platform.choices.statement;
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
  };
  return platform;
}
