// The log file: <dataDir>/logs/paydesk.log, one line per event, kept to a size (1 MiB, then paydesk.1.log …
// paydesk.3.log, the oldest dropped). Writing never holds the caller: a line joins a buffer that one append at
// a time drains, so a slow disk delays the file, not a return being answered. The buffer is bounded: past its
// size the oldest lines are dropped and the file says how many. Closing writes what is still waiting.
// The app and the `paydesk` command share the data folder, so they share this file; each append reads the
// file's size afresh, so one rotates what the other wrote too.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, open, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { consoleLog, errorText, type Log, type LogLevel } from './log';
import { maskSecrets } from './log-masking';

export const LOGS_FOLDER = 'logs';
export const LOG_FILE = 'paydesk.log';
const MAX_BYTES = 1024 * 1024;
const KEEP = 3;
const MAX_PENDING_BYTES = 256 * 1024;
/** A line longer than this is cut: a log line is a sentence, not a document. */
const MAX_TEXT = 2000;
/** How far back the recent problems are looked for, in each of the newest two files. */
const TAIL_BYTES = 256 * 1024;

export type LogFileOptions = {
  /** The folder of the log files (<dataDir>/logs). */
  dir: string;
  maxBytes?: number;
  /** How many rotated files are kept beside the current one. */
  keep?: number;
  /** How much may wait for the disk before the oldest waiting lines are dropped. */
  maxPendingBytes?: number;
  /** Where errors are also printed (the console by default); null for nowhere. */
  echo?: Log | null;
  now?: () => Date;
};

export type LogFile = Log & {
  readonly dir: string;
  readonly path: string;
  /** The newest warning and error lines in the log (of this run and the ones before), oldest first. */
  recentProblems(count: number): Promise<string[]>;
  /** Resolves once every line written so far is in the file. */
  flush(): Promise<void>;
  /** Writes what waits and takes no more lines. */
  close(): Promise<void>;
};

const LEVELS: Record<LogLevel, string> = { info: 'INFO ', warn: 'WARN ', error: 'ERROR' };

/** One line of the file: ISO time, level, code, text on one line with its secrets masked. */
export function logLine(at: Date, level: LogLevel, code: string, text: string): string {
  // A control character would break the line, or the terminal showing it.
  const flat = maskSecrets(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const shown = flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
  return `${at.toISOString()} ${LEVELS[level]} ${code.replace(/[^a-z0-9_]/gi, '_')} ${shown}\n`;
}

export const rotatedName = (n: number) => (n === 0 ? LOG_FILE : LOG_FILE.replace(/\.log$/, `.${n}.log`));

export function createLogFile(options: LogFileOptions): LogFile {
  const { dir } = options;
  const path = join(dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const keep = options.keep ?? KEEP;
  const maxPending = options.maxPendingBytes ?? MAX_PENDING_BYTES;
  const echo = options.echo === undefined ? consoleLog : options.echo;
  const now = options.now ?? (() => new Date());
  let pending: string[] = [];
  let pendingBytes = 0;
  let dropped = 0;
  let draining: Promise<void> | null = null;
  let closed = false;
  let failing = false;
  let madeDir = false;

  async function rotate(): Promise<void> {
    for (let n = keep; n >= 1; n--) {
      await rename(join(dir, rotatedName(n - 1)), join(dir, rotatedName(n))).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }

  async function append(chunk: string): Promise<void> {
    if (!madeDir) {
      // Only the logs folder itself: the data folder is the core's to make, and one removed is never made again.
      await mkdir(dir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      madeDir = true;
    }
    const size = await stat(path).then(
      (found) => found.size,
      () => 0,
    );
    if (size > 0 && size + Buffer.byteLength(chunk) > maxBytes) await rotate();
    await appendFile(path, chunk, { mode: 0o600 });
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const lost = dropped ? logLine(now(), 'warn', 'log_lines_dropped', `${dropped} log lines were dropped: the disk was too slow.`) : '';
      const chunk = lost + pending.join('');
      pending = [];
      pendingBytes = 0;
      dropped = 0;
      try {
        await append(chunk);
        failing = false;
      } catch (error) {
        // A data folder that is gone (removed with PayDesk still closing) has nowhere to log to, and is not remade.
        const gone = (error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(dirname(dir));
        // Said once per run of failures; the lines are lost, the caller never waits on the disk.
        if (!failing && !gone) echo?.error('log_unwritable', `the log could not be written (${errorText(error)}).`);
        failing = true;
      }
    }
    draining = null;
  }

  function write(level: LogLevel, code: string, text: string): void {
    if (level === 'error') echo?.error(code, maskSecrets(text));
    if (closed) return;
    const line = logLine(now(), level, code, text);
    pending.push(line);
    pendingBytes += line.length;
    while (pendingBytes > maxPending && pending.length > 1) {
      pendingBytes -= pending.shift()!.length;
      dropped++;
    }
    draining ??= Promise.resolve().then(drain);
  }

  async function flush(): Promise<void> {
    while (draining) await draining;
  }

  /** The last `bytes` of a file as whole lines; none when it is not there. */
  async function tail(file: string, bytes: number): Promise<string[]> {
    const handle = await open(file, 'r').catch(() => null);
    if (!handle) return [];
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - bytes);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const lines = buffer.toString('utf8').split('\n');
      if (start > 0) lines.shift(); // cut in the middle of a line
      return lines.filter(Boolean);
    } finally {
      await handle.close();
    }
  }

  return {
    dir,
    path,
    info: (code, text) => write('info', code, text),
    warn: (code, text) => write('warn', code, text),
    error: (code, text) => write('error', code, text),
    async recentProblems(count) {
      await flush();
      const lines = [...(await tail(join(dir, rotatedName(1)), TAIL_BYTES)), ...(await tail(path, TAIL_BYTES))];
      return lines.filter((line) => / (WARN |ERROR) /.test(line.slice(0, 32))).slice(-count);
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
