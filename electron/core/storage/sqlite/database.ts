// Opens the order book: one SQLite file in WAL mode, shared safely by the app and the CLI.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

export type OpenOptions = {
  /** A better-sqlite3 addon built for this runtime's ABI (Electron needs its own build). */
  nativeBinding?: string;
};

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file === ':memory:') throw new Error('PayDesk keeps its order book in a file.');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // The folder and the book are the shop's alone, whoever made them (mkdir's mode does nothing to a folder
  // that already existed). SQLite gives the -wal and -shm files the database file's own mode.
  restrict(dirname(file), 0o700);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) restrict(path, 0o600);
  // Deleted rows (an API key's ciphertext above all) are overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  // The app's listener and a CLI command may write at the same moment: wait rather than fail.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // NORMAL is WAL's own recommendation: a commit survives the app crashing or being killed at once; only a
  // power cut can lose the last moments before a checkpoint. FULL would fsync every commit, which made each
  // return and each link wait ~4 ms for the disk (see the payment-path bench); the gateway's own record
  // and reconciliation cover the rare return a power cut takes.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A 16 MB page cache (eight times SQLite's default) keeps searches of years of orders mostly off the
  // disk, while an export's memory stays bounded.
  db.pragma('cache_size = -16384');
  migrate(db, file);
  return db;
}

/** chmod where the file system has POSIX modes; Windows keeps the user's profile folder private by itself. */
export function restrict(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  chmodSync(path, mode);
}
