// Which counter (till) this data folder is: an id made once, on its first start, and kept in <dataDir>/counter.json.
// The id, not the computer's name, is what the order book knows the counter by (its orders, its API keys, its own
// settings), so renaming the computer or the counter changes nothing of that.
import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const COUNTER_FILE = 'counter.json';

const CounterFile = z.object({ id: z.uuid() });

/**
 * This data folder's counter id, made and saved the first time it is asked for. Two PayDesks of one folder starting
 * at once (the app and `paydesk listen`) agree on one: the file is put in place by a link that fails when it exists.
 * A damaged file is an error, never a new id: a new id would leave this counter's keys and settings behind.
 */
export async function thisCounterId(dataDir: string): Promise<string> {
  const file = join(dataDir, COUNTER_FILE);
  const read = async () => {
    const parsed = CounterFile.safeParse(parseJson(await readFile(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`${file} does not name this counter (${parsed.error.issues[0]?.message}); restore it from a backup.`);
    return parsed.data.id;
  };
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const temp = join(dataDir, `.${COUNTER_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify({ id: randomUUID() })}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(temp, { force: true });
  }
  return read();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
