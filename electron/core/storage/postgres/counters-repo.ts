// The counters (tills) sharing a PostgreSQL book, and each one's own settings (jsonb, as the shop's settings are).
import { byName, ENROLL_ATTEMPTS, nextFreeName, noFreeName } from '../counter-rows';
import type { CountersRepo, StoredCounter } from '../counters-repo';
import type { SettingsRepo } from '../settings-repo';
import type { Executor } from './connection';

const UNIQUE_VIOLATION = '23505';

export function createCountersRepo(db: Executor): CountersRepo {
  const find = async (id: string) => (await db.query<StoredCounter>(`SELECT id, name FROM counters WHERE id = $1`, [id])).rows[0] ?? null;
  const names = async () => (await db.query<{ name: string }>(`SELECT name FROM counters`)).rows.map((row) => row.name);

  return {
    async list() {
      return byName((await db.query<StoredCounter>(`SELECT id, name FROM counters`)).rows);
    },
    async enroll(id, offered, at) {
      const known = await find(id);
      if (known) return known;
      const next = offered[Symbol.iterator]();
      for (let attempt = 0; attempt < ENROLL_ATTEMPTS; attempt++) {
        const name = nextFreeName(next, await names());
        if (name === null) break;
        // A counter starting at the same moment may take the name first: the unique index decides, and this one
        // inserts nothing and tries the next name.
        const { rows } = await db.query<StoredCounter>(
          `INSERT INTO counters (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id, name`,
          [id, name, at],
        );
        const enrolled = rows[0] ?? (await find(id));
        if (enrolled) return enrolled;
      }
      throw noFreeName(id);
    },
    rename: (id, name) =>
      // A savepoint of its own, so a name taken refuses this statement and not a transaction it is called in.
      db
        .atomically(async () => {
          const { rows } = await db.query<StoredCounter>(`UPDATE counters SET name = $2 WHERE id = $1 RETURNING id, name`, [id, name]);
          if (!rows[0]) throw new Error(`No counter with id ${id}.`);
          return rows[0];
        })
        .catch((error: { code?: unknown }) => {
          if (error.code === UNIQUE_VIOLATION) return null;
          throw error;
        }),
    settingsOf: (id) => counterSettings(db, id),
    async claimShared(id, keys) {
      // One statement: a row two counters starting at once both reach is deleted by one of them, which alone moves it.
      const { rows } = await db.query<{ key: string }>(
        `WITH taken AS (DELETE FROM settings WHERE key = ANY($2::text[]) RETURNING key, value),
           moved AS (INSERT INTO counter_settings (counter_id, key, value) SELECT $1, key, value FROM taken ON CONFLICT DO NOTHING)
         SELECT key FROM taken`,
        [id, keys],
      );
      return rows.map((row) => row.key);
    },
  };
}

function counterSettings(db: Pick<Executor, 'query'>, counterId: string): SettingsRepo {
  return {
    async get<T>(key: string) {
      const { rows } = await db.query<{ value: T }>(`SELECT value FROM counter_settings WHERE counter_id = $1 AND key = $2`, [
        counterId,
        key,
      ]);
      return rows[0]?.value ?? null;
    },
    async set(key, value) {
      // Sent as JSON text: node-postgres would send a bare string as itself, not as a JSON string.
      await db.query(
        `INSERT INTO counter_settings (counter_id, key, value) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (counter_id, key) DO UPDATE SET value = excluded.value`,
        [counterId, key, JSON.stringify(value)],
      );
    },
    async delete(key) {
      await db.query(`DELETE FROM counter_settings WHERE counter_id = $1 AND key = $2`, [counterId, key]);
    },
  };
}
