// The desktop as tests see it: dialogs answer with what the test put in, the browser and the printer
// are lists to inspect, and PDFs come from real Chromium.
import type { Confirmation, Platform, SaveDialog } from '../../electron/core/platform';
import { chromiumPdfRenderer } from './chromium-pdf';

export type TestPlatform = Platform & {
  opened: string[];
  printed: string[];
  previewed: string[];
  saveDialogs: SaveDialog[];
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
    confirmations: [],
    choices: { logo: null, saveFile: null, folder: null, confirm: true, statement: null },
    async confirm(question) {
      platform.confirmations.push(question);
      return platform.choices.confirm;
    },
    openExternal: async (url) => void platform.opened.push(url),
    chooseLogoFile: async () => platform.choices.logo,
    chooseStatementFile: async () => platform.choices.statement,
    async chooseSaveFile(dialog) {
      platform.saveDialogs.push(dialog);
      return platform.choices.saveFile;
    },
    chooseFolder: async () => platform.choices.folder,
    pdf: chromiumPdfRenderer(t),
    print: async (html) => void platform.printed.push(html),
    preview: async (html) => void platform.previewed.push(html),
  };
  return platform;
}
