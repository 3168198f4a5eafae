// The counters (tills) of a SQLite book and each one's own settings. A SQLite book is usually one counter's alone, but
// the app and the CLI of one folder share it, and a folder copied to another computer brings its counters along.
import { byName, ENROLL_ATTEMPTS, nextFreeName, noFreeName } from '../counter-rows';
import type { CountersRepo, StoredCounter } from '../counters-repo';
import type { SettingsRepo } from '../settings-repo';
import type { SqliteConnection } from './connection';
import type { Db } from './database';
import type { SettingsSteps } from './settings-repo';

export function createCountersRepo(connection: SqliteConnection): CountersRepo {
  const { db } = connection;
  const all = db.prepare<[], StoredCounter>(`SELECT id, name FROM counters`);
  const byId = db.prepare<[string], StoredCounter>(`SELECT id, name FROM counters WHERE id = ?`);
  // The unique index on lower(name) decides between two PayDesks enrolling at once: the one that loses inserts nothing.
  const insert = db.prepare(`INSERT INTO counters (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`);
  const rename = db.prepare(`UPDATE counters SET name = ? WHERE id = ?`);
  const moveShared = db.prepare(
    `INSERT INTO counter_settings (counter_id, key, value)
     SELECT ?, key, value FROM settings WHERE key IN (SELECT value FROM json_each(?)) ON CONFLICT DO NOTHING`,
  );
  const dropShared = db.prepare<[string]>(`DELETE FROM settings WHERE key IN (SELECT value FROM json_each(?)) RETURNING key`);

  const get = (id: string) => {
    const counter = byId.get(id);
    if (!counter) throw new Error(`No counter with id ${id}.`);
    return counter;
  };

  return {
    list: () => connection.run(() => byName(all.all())),
    enroll: (id, names, at) =>
      connection.run(() => {
        const known = byId.get(id);
        if (known) return known;
        const offered = names[Symbol.iterator]();
        for (let attempt = 0; attempt < ENROLL_ATTEMPTS; attempt++) {
          const name = nextFreeName(
            offered,
            all.all().map((counter) => counter.name),
          );
          if (name === null) break;
          insert.run(id, name, at);
          // Enrolled now, or meanwhile by the other PayDesk of this folder (the app and `paydesk listen`).
          const enrolled = byId.get(id);
          if (enrolled) return enrolled;
        }
        throw noFreeName(id);
      }),
    rename: (id, name) =>
      connection.run(() => {
        get(id);
        try {
          rename.run(name, id);
        } catch (error) {
          if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
          throw error;
        }
        return get(id);
      }),
    settingsOf: (id) => counterSettings(connection, createCounterSettingsSteps(db, id)),
    claimShared: (id, keys) =>
      connection.atomically(() =>
        connection.run(() => {
          const list = JSON.stringify(keys);
          moveShared.run(id, list);
          return dropShared.all(list).map((row) => (row as { key: string }).key);
        }),
      ),
  };
}

/** One counter's settings as synchronous steps, for the SQLite repositories that keep theirs there (the active profile). */
export function createCounterSettingsSteps(db: Db, counterId: string): SettingsSteps {
  const read = db.prepare<[string, string], { value: string }>(`SELECT value FROM counter_settings WHERE counter_id = ? AND key = ?`);
  const write = db.prepare(
    `INSERT INTO counter_settings (counter_id, key, value) VALUES (?, ?, ?) ON CONFLICT (counter_id, key) DO UPDATE SET value = excluded.value`,
  );
  const remove = db.prepare(`DELETE FROM counter_settings WHERE counter_id = ? AND key = ?`);
  return {
    get<T>(key: string) {
      const row = read.get(counterId, key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    set: (key, value) => void write.run(counterId, key, JSON.stringify(value)),
    delete: (key) => void remove.run(counterId, key),
  };
}

const counterSettings = (connection: SqliteConnection, steps: SettingsSteps): SettingsRepo => ({
  get: <T>(key: string) => connection.run(() => steps.get<T>(key)),
  set: (key, value) => connection.run(() => steps.set(key, value)),
  delete: (key) => connection.run(() => steps.delete(key)),
});
