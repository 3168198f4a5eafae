// The core's Platform on a real desktop: the system browser, open/save dialogs, and receipt windows
// (hidden for PDF and print, visible for preview). Receipts are loaded from a temporary file because a
// bulk export's document is too large for a data: URL.
import { app, BrowserWindow, dialog, shell } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Platform } from '../core/platform';
import { readAtMost } from '../core/files/read-at-most';
import { MAX_STATEMENT_BYTES } from '../core/reconciliation/statement-file';
import { CONFIRM_BUTTON, confirmationBox } from './confirm-dialog';
import { chooseCaFile } from './ca-file';
import { chooseLogoFile } from './logo-file';
import { canOpenExternally } from './navigation';
import { receiptWindowOptions } from './window-options';

export function createDesktopPlatform(
  mainWindow: () => BrowserWindow | null,
  customerView: (open: boolean) => Promise<void> | void,
  restart: () => void,
): Platform {
  // One hidden window renders every PDF, one document at a time.
  let renderer: BrowserWindow | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const withDocument = async <T>(html: string, use: (file: string) => Promise<T>): Promise<T> => {
    const dir = await mkdtemp(join(tmpdir(), 'paydesk-receipt-'));
    try {
      const file = join(dir, 'receipt.html');
      await writeFile(file, html, { mode: 0o600 });
      return await use(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  const parent = () => mainWindow() ?? undefined;

  return {
    async customerView(open) {
      await customerView(open);
    },
    async restart() {
      restart();
    },
    async confirm(question) {
      const window = parent();
      const box = confirmationBox(question);
      const { response } = window ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box);
      return response === CONFIRM_BUTTON;
    },
    async openExternal(url) {
      if (!canOpenExternally(url)) throw new Error('Only web addresses (http or https) can be opened in the browser.');
      await shell.openExternal(url);
    },
    async openPath(path) {
      // shell.openPath answers with the system's reason when no file manager opened the folder, '' when one did.
      const problem = await shell.openPath(path);
      if (problem) throw new Error(`The folder could not be opened: ${problem}`);
    },
    async openShareLink(url) {
      if (!canOpenExternally(url, 'share')) throw new Error('Only WhatsApp, SMS and e-mail messages go to another app.');
      // The system refuses when no app is registered for the scheme (no mail app, nothing for sms:).
      return shell.openExternal(url).then(
        () => true,
        () => false,
      );
    },
    chooseLogoFile: (words) => chooseLogoFile(dialog, mainWindow(), words),
    chooseCaFile: (words) => chooseCaFile(dialog, mainWindow(), words),
    async chooseStatementFile({ title, filesName }) {
      const options = {
        title,
        properties: ['openFile' as const],
        filters: [{ name: filesName, extensions: ['csv', 'xlsx', 'txt'] }],
      };
      const window = parent();
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = picked.filePaths[0];
      // One byte past the limit is enough for the core to refuse a file that is too large.
      return picked.canceled || !path ? null : { name: basename(path), bytes: await readAtMost(path, MAX_STATEMENT_BYTES + 1) };
    },
    async chooseSaveFile({ title, defaultName, filters }) {
      const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters };
      const window = parent();
      const picked = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    },
    async chooseFolder(title) {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const window = parent();
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    pdf: {
      pdf(html) {
        const run = queue.then(() =>
          withDocument(html, async (file) => {
            if (!renderer || renderer.isDestroyed()) renderer = new BrowserWindow(receiptWindowOptions(false));
            await renderer.loadFile(file);
            return renderer.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
          }),
        );
        queue = run.catch(() => undefined);
        return run;
      },
    },
    print(html) {
      return withDocument(html, async (file) => {
        const window = new BrowserWindow({ ...receiptWindowOptions(false), parent: parent() });
        try {
          await window.loadFile(file);
          await new Promise<void>((resolve, reject) =>
            window.webContents.print({ silent: false, printBackground: true }, (success, reason) =>
              success || reason === 'cancelled' ? resolve() : reject(new Error(`Printing failed: ${reason}.`)),
            ),
          );
        } finally {
          window.destroy();
        }
      });
    },
    async preview(html, title) {
      // The preview outlives this call, so its document stays until the window closes.
      const dir = await mkdtemp(join(tmpdir(), 'paydesk-preview-'));
      const file = join(dir, 'receipt.html');
      await writeFile(file, html, { mode: 0o600 });
      const window = new BrowserWindow({ ...receiptWindowOptions(true, title), parent: parent() });
      window.on('closed', () => void rm(dir, { recursive: true, force: true }));
      await window.loadFile(file);
    },
  };
}
