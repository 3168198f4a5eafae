// The shop logo is chosen in the system's open dialog, shown by the main process: the renderer never
// names a path. Reading stops one byte past the largest logo PayDesk accepts (shop.ts), so a huge file costs
// nothing and is still refused as too large.
import type { BrowserWindow, Dialog } from 'electron';
import { readAtMost } from '../core/files/read-at-most';
import type { OpenDialog } from '../core/platform';
import { MAX_LOGO_BYTES } from '../core/setup/shop';

export async function chooseLogoFile(dialog: Pick<Dialog, 'showOpenDialog'>, window: BrowserWindow | null, words: OpenDialog) {
  const options = {
    title: words.title,
    properties: ['openFile' as const],
    filters: [{ name: words.filesName, extensions: ['png', 'jpg', 'jpeg', 'webp'] }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = picked.filePaths[0];
  return picked.canceled || !path ? null : readAtMost(path, MAX_LOGO_BYTES + 1);
}
