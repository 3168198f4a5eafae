// Small named values kept in the order book, as jsonb: what the app, the CLI and every counter must agree on.
// jsonb keeps the value, not its spelling: an object's keys come back in jsonb's own order.
import type { SettingsRepo } from '../settings-repo';
import type { Executor } from './connection';

export function createSettingsRepo(db: Pick<Executor, 'query'>): SettingsRepo {
  return {
    async get<T>(key: string) {
      const { rows } = await db.query<{ value: T }>(`SELECT value FROM settings WHERE key = $1`, [key]);
      return rows[0]?.value ?? null;
    },
    async set(key, value) {
      // Sent as JSON text: node-postgres would send a bare string as itself, not as a JSON string.
      await db.query(`INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
        key,
        JSON.stringify(value),
      ]);
    },
    async delete(key) {
      await db.query(`DELETE FROM settings WHERE key = $1`, [key]);
    },
  };
}
