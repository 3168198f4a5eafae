// Reading a file the shopkeeper named (a logo, a statement) stops one byte past what PayDesk accepts, so a
// huge file is refused without being read whole.
import { open, type FileHandle } from 'node:fs/promises';

/** The first `limit` bytes of the file at `path`, or all of it if it is shorter. */
export async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  return readOpenedAtMost(await open(path, 'r'), limit);
}

/** The first `limit` bytes of a file already opened, which it then closes. */
export async function readOpenedAtMost(file: FileHandle, limit: number): Promise<Uint8Array> {
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
