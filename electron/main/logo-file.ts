// The shop logo is chosen in the system's open dialog, shown by the main process: the renderer never
// names a path. Reading stops just past the largest logo PayDesk accepts, so a huge file costs nothing.
import type { BrowserWindow, Dialog } from 'electron';
import { readAtMost } from '../core/read-at-most';

export const MAX_LOGO_READ = 512 * 1024 + 1;

export async function chooseLogoFile(dialog: Pick<Dialog, 'showOpenDialog'>, window: BrowserWindow | null) {
  const options = {
    title: 'Choose your shop logo',
    properties: ['openFile' as const],
    filters: [{ name: 'Images (PNG, JPEG, WebP)', extensions: ['png', 'jpg', 'jpeg', 'webp'] }],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = picked.filePaths[0];
  return picked.canceled || !path ? null : readAtMost(path, MAX_LOGO_READ);
}
