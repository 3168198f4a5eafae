// Merchant profiles on PostgreSQL, as the SQLite engine keeps them: names unique in any letter case among the
// profiles not removed (the schema's profiles_name index), a mode fixed once made (its trigger), and the active
// profile a setting of each counter's own, so the app and the CLI of one data folder agree on it and other counters
// keep theirs.
import type { NewProfile, Profile, ProfilesRepo } from '../profiles-repo';
import { ACTIVE_PROFILE, PROFILE_COLUMNS, toProfile, type ProfileRow } from '../profile-rows';
import type { SettingsRepo } from '../settings-repo';
import type { Executor } from './connection';

/** `settings`: this counter's own (counters-repo.ts), where its active profile is kept. */
export function createProfilesRepo(db: Executor, settings: SettingsRepo, now: () => string = () => new Date().toISOString()): ProfilesRepo {
  const find = async (id: number, lock = ''): Promise<ProfileRow | undefined> =>
    (await db.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id = $1 ${lock}`, [id])).rows[0];

  const get = async (id: number, lock = ''): Promise<Profile> => {
    const row = await find(id, lock);
    if (!row) throw new Error(`No profile with id ${id}.`);
    return toProfile(row);
  };

  return {
    async list({ includeRemoved = false } = {}) {
      // SQLite sorts names without regard to letter case (NOCASE): lower() does the same here.
      const { rows } = await db.query<ProfileRow>(
        `SELECT ${PROFILE_COLUMNS} FROM profiles ORDER BY removed_at IS NOT NULL, lower(name), id`,
      );
      return rows.map(toProfile).filter((profile) => includeRemoved || !profile.removed);
    },
    get: (id) => get(id),
    async findByName(name) {
      const { rows } = await db.query<ProfileRow>(
        `SELECT ${PROFILE_COLUMNS} FROM profiles WHERE lower(name) = lower($1) AND removed_at IS NULL`,
        [name],
      );
      return rows[0] ? toProfile(rows[0]) : null;
    },
    async add(profile) {
      const { rows } = await db.query<ProfileRow>(
        `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, return_base_url, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${PROFILE_COLUMNS}`,
        [profile.name, profile.mode, profile.baseUrl, profile.listenHost, profile.listenPort, profile.returnBaseUrl, now()],
      );
      return toProfile(rows[0]!);
    },
    update: (id, changes: Partial<Omit<NewProfile, 'mode'>>) =>
      // Read and written under the row's lock, so a counter removing the profile meanwhile is not undone.
      db.atomically(async () => {
        const next = { ...(await get(id, 'FOR UPDATE')), ...changes };
        if (next.removed) throw new Error(`Profile ${next.name} was removed and cannot be changed.`);
        await db.query(
          `UPDATE profiles SET name = $2, base_url = $3, listen_host = $4, listen_port = $5, return_base_url = $6 WHERE id = $1`,
          [id, next.name, next.baseUrl, next.listenHost, next.listenPort, next.returnBaseUrl],
        );
        return get(id);
      }),
    async remove(id) {
      await db.query(`UPDATE profiles SET removed_at = $1 WHERE id = $2 AND removed_at IS NULL`, [now(), id]);
    },
    async active() {
      const id = await settings.get<number>(ACTIVE_PROFILE);
      const row = id === null ? undefined : await find(Number(id));
      return row && row.removed_at === null ? toProfile(row) : null;
    },
    async setActive(id) {
      if ((await get(id)).removed) throw new Error(`Profile ${id} was removed and cannot be made active.`);
      await settings.set(ACTIVE_PROFILE, id);
    },
  };
}
