// A PostgreSQL server's CA certificate is chosen in the system's open dialog, shown by the main process: the renderer
// never names a path. Reading stops one byte past the largest bundle PayDesk reads (setup/ca-certificate.ts), so a
// huge file costs nothing and is still refused as too large; the core reads the PEM.
import type { BrowserWindow, Dialog } from 'electron';
import { basename } from 'node:path';
import { readAtMost } from '../core/files/read-at-most';
import type { OpenDialog } from '../core/platform';
import { MAX_CA_BYTES } from '../core/setup/ca-certificate';

/** The names PEM certificates go by. */
export const CA_EXTENSIONS = ['pem', 'crt', 'cer'];

export async function chooseCaFile(dialog: Pick<Dialog, 'showOpenDialog'>, window: BrowserWindow | null, words: OpenDialog) {
  const options = {
    title: words.title,
    properties: ['openFile' as const],
    filters: [{ name: words.filesName, extensions: CA_EXTENSIONS }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = picked.filePaths[0];
  return picked.canceled || !path ? null : { name: basename(path), bytes: await readAtMost(path, MAX_CA_BYTES + 1) };
}
