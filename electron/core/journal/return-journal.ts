// The local journal of what this counter could not write to the shared order book while it was unreachable: the
// returns and cancels its listener took (each committed, fsync'd, before the customer is thanked), and the links
// whose failure could not be recorded. One SQLite file in the data folder; an entry is deleted only once the book has
// it (journal-replay.ts), or moved to `set_aside` (kept for good, never deleted) once the book has refused it for a
// reason other than being away too many times. It keeps no secret: a token only as the SHA-256 the book itself keeps (return-tokens.ts),
// which cannot be turned back into a link, and a transaction id as the gateway sent it.
import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashToken } from '../orders/return-tokens';

export const JOURNAL_FILE = 'return-journal.db';

/**
 * How many entries may wait. An outage long enough to reach it would be days of a busy shop's returns; past it the
 * listener says "try again" rather than let a flood of made-up tokens fill the disk while the book cannot judge them.
 */
export const MAX_WAITING = 100_000;

/** A return or cancel as the listener took it: its token (hashed before it is kept), and the instant it arrived. */
export type Arrival = { kind: 'return'; token: string; transactionId: string; at: string } | { kind: 'cancel'; token: string; at: string };

export type JournalEntry =
  | { id: number; kind: 'return'; tokenHash: string; transactionId: string; at: string }
  | { id: number; kind: 'cancel'; tokenHash: string; at: string }
  /** The gateway made a link the book could not be told of: the order is to be marked failed, as it was never handed out. */
  | { id: number; kind: 'link_failed'; orderId: number; at: string };

export class JournalFull extends Error {
  constructor() {
    super(`the return journal holds ${MAX_WAITING} entries already`);
  }
}

export type ReturnJournal = {
  file: string;
  /** Keeps the arrivals in one transaction, durable when it returns; throws (keeping none) when it cannot. */
  append(arrivals: readonly Arrival[]): void;
  /** Keeps a link's failure for the book. */
  linkFailed(orderId: number, at: string): void;
  /** The returns and cancels waiting (what the screen counts). */
  waiting(): number;
  /** Every entry waiting, links' failures included. */
  size(): number;
  /** Up to `limit` entries after `afterId`, in the order they arrived. */
  after(afterId: number, limit: number): JournalEntry[];
  /** Deletes entries the book has taken. */
  remove(ids: readonly number[]): void;
  /** Counts a try at writing the entry that the book refused (not for being away); the tries so far. */
  refused(id: number): number;
  /** Moves an entry the book keeps refusing out of those waiting, into `set_aside`, with the book's last word on it. */
  setAside(id: number, reason: string, at: string): void;
  /** The entries set aside. */
  setAsideCount(): number;
  /** Called after every change, with the returns and cancels waiting. */
  onChange(listener: (waiting: number) => void): () => void;
  close(): void;
};

type Row = { id: number; kind: JournalEntry['kind']; token_hash: string; transaction_id: string; order_id: number; at: string };

export function openReturnJournal(dataDir: string, { nativeBinding }: { nativeBinding?: string } = {}): ReturnJournal {
  const file = join(dataDir, JOURNAL_FILE);
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  // The shop's alone, as the order book's file is (SQLite gives the -wal and -shm files its mode).
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  // A customer is thanked once the entry is on the disk itself, not in the OS's cache: a power cut loses nothing
  // acknowledged. Entries are few (only while the book is away), so the fsync each costs is paid rarely.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  // An absent field is '' or 0, not NULL, so that the unique key catches a customer's reload of the same return.
  db.exec(`
    CREATE TABLE IF NOT EXISTS entries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('return', 'cancel', 'link_failed')),
      token_hash TEXT NOT NULL DEFAULT '',
      transaction_id TEXT NOT NULL DEFAULT '',
      order_id INTEGER NOT NULL DEFAULT 0,
      at TEXT NOT NULL,
      tries INTEGER NOT NULL DEFAULT 0,
      UNIQUE (kind, token_hash, transaction_id, order_id)
    );
    CREATE TABLE IF NOT EXISTS set_aside (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      token_hash TEXT NOT NULL,
      transaction_id TEXT NOT NULL,
      order_id INTEGER NOT NULL,
      at TEXT NOT NULL,
      tries INTEGER NOT NULL,
      reason TEXT NOT NULL,
      set_aside_at TEXT NOT NULL
    )`);
  for (const path of [`${file}-wal`, `${file}-shm`]) if (process.platform !== 'win32' && existsSync(path)) chmodSync(path, 0o600);

  const insert = db.prepare(
    `INSERT OR IGNORE INTO entries (kind, token_hash, transaction_id, order_id, at) VALUES (@kind, @tokenHash, @transactionId, @orderId, @at)`,
  );
  const count = db.prepare<[], { all: number; customers: number }>(
    `SELECT count(*) AS "all", count(*) FILTER (WHERE kind <> 'link_failed') AS customers FROM entries`,
  );
  const read = db.prepare<[number, number], Row>(`SELECT * FROM entries WHERE id > ? ORDER BY id LIMIT ?`);
  const remove = db.prepare(`DELETE FROM entries WHERE id = ?`);
  const tried = db.prepare<[number], { tries: number }>(`UPDATE entries SET tries = tries + 1 WHERE id = ? RETURNING tries`);
  const moveAside = db.prepare(
    `INSERT INTO set_aside (id, kind, token_hash, transaction_id, order_id, at, tries, reason, set_aside_at)
     SELECT id, kind, token_hash, transaction_id, order_id, at, tries, @reason, @now FROM entries WHERE id = @id`,
  );
  const countAside = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM set_aside`);
  const listeners = new Set<(waiting: number) => void>();
  let counted = count.get()!;
  const changed = () => {
    counted = count.get()!;
    for (const listener of listeners) listener(counted.customers);
  };
  const appendAll = db.transaction((arrivals: readonly Arrival[]) => {
    for (const arrival of arrivals) {
      insert.run({
        kind: arrival.kind,
        tokenHash: hashToken(arrival.token),
        transactionId: arrival.kind === 'return' ? arrival.transactionId : '',
        orderId: 0,
        at: arrival.at,
      });
    }
  });
  const removeAll = db.transaction((ids: readonly number[]) => {
    for (const id of ids) remove.run(id);
  });
  const setAside = db.transaction((id: number, reason: string, now: string) => {
    moveAside.run({ id, reason, now });
    remove.run(id);
  });

  return {
    file,
    append(arrivals) {
      if (arrivals.length === 0) return;
      if (counted.all + arrivals.length > MAX_WAITING) throw new JournalFull();
      appendAll(arrivals);
      changed();
    },
    linkFailed(orderId, at) {
      insert.run({ kind: 'link_failed', tokenHash: '', transactionId: '', orderId, at });
      changed();
    },
    waiting: () => counted.customers,
    size: () => counted.all,
    after: (afterId, limit) => read.all(afterId, limit).map(toEntry),
    remove(ids) {
      if (ids.length === 0) return;
      removeAll(ids);
      changed();
    },
    refused: (id) => tried.get(id)?.tries ?? 0,
    setAside(id, reason, at) {
      setAside(id, reason, at);
      changed();
    },
    setAsideCount: () => countAside.get()!.n,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.close(),
  };
}

function toEntry(row: Row): JournalEntry {
  switch (row.kind) {
    case 'return':
      return { id: row.id, kind: 'return', tokenHash: row.token_hash, transactionId: row.transaction_id, at: row.at };
    case 'cancel':
      return { id: row.id, kind: 'cancel', tokenHash: row.token_hash, at: row.at };
    case 'link_failed':
      return { id: row.id, kind: 'link_failed', orderId: row.order_id, at: row.at };
  }
}
