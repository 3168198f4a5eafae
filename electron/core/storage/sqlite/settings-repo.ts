// Small named values kept in the order book (JSON), for what the app and the CLI must agree on.
import type { SettingsRepo } from '../settings-repo';
import type { SqliteConnection } from './connection';
import type { Db } from './database';

/** The settings as synchronous steps, for the SQLite repositories that keep theirs there (the active profile). */
export type SettingsSteps = {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
  delete(key: string): void;
};

export function createSettingsRepo(connection: SqliteConnection): SettingsRepo {
  const steps = createSettingsSteps(connection.db);
  return {
    get: <T>(key: string) => connection.run(() => steps.get<T>(key)),
    set: (key, value) => connection.run(() => steps.set(key, value)),
    delete: (key) => connection.run(() => steps.delete(key)),
  };
}

export function createSettingsSteps(db: Db): SettingsSteps {
  const read = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const write = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const remove = db.prepare(`DELETE FROM settings WHERE key = ?`);
  return {
    get<T>(key: string) {
      const row = read.get(key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    set: (key, value) => void write.run(key, JSON.stringify(value)),
    delete: (key) => void remove.run(key),
  };
}
