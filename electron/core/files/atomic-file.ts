// A file appears whole or not at all, and stays once it has appeared: it is filled beside its target (the same
// folder, so the rename never crosses a disk), flushed to the disk, renamed over the target, and the folder is
// flushed so that the rename itself survives a power cut. Every file PayDesk replaces in place goes through here.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Puts `data` in `file` (owner-only, 0600). */
export const writeFileAtomically = (file: string, data: Uint8Array | string): Promise<void> =>
  replaceFileAtomically(file, (temp) => writeFile(temp, data, { flag: 'wx', mode: 0o600 }));

/**
 * `fill` creates the temp file it is given and writes it whole (a stream, a move); it then replaces `file`.
 * When `fill` or a step after it fails, the temp file is removed and `file` is as it was.
 */
export async function replaceFileAtomically(file: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fill(temp);
    await flush(temp, 'r+');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // Windows cannot open a folder to flush it (NTFS journals the rename), and some file systems refuse to: the
  // file is in place either way.
  if (process.platform !== 'win32') await flush(dirname(file), 'r').catch(() => {});
}

async function flush(path: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
