// The shop logo is chosen in the system's open dialog, shown by the main process: the renderer never
// names a path. Reading stops just past the largest logo PayDesk accepts, so a huge file costs nothing.
import type { BrowserWindow, Dialog } from 'electron';
import { open } from 'node:fs/promises';

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

export async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await file.read(buffer, filled, limit - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await file.close();
  }
}
