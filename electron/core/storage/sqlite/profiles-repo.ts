// Merchant profiles on SQLite: which gateway to talk to and where customers come back. API keys are not here;
// they live in a SecretStore.
import type { Profile, ProfilesRepo } from '../profiles-repo';
import { ACTIVE_PROFILE, PROFILE_COLUMNS, toProfile, type ProfileRow } from '../profile-rows';
import { stepped, type SqliteConnection } from './connection';
import type { SettingsSteps } from './settings-repo';

/** `counterSettings`: this counter's own settings, where its active profile is kept (counters-repo.ts). */
export function createProfilesRepo(
  connection: SqliteConnection,
  counterSettings: SettingsSteps,
  now: () => string = () => new Date().toISOString(),
): ProfilesRepo {
  const { db } = connection;
  const byId = db.prepare<[number], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id = ?`);
  const byName = db.prepare<[string], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE name = ? AND removed_at IS NULL`);
  const all = db.prepare<[], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles ORDER BY removed_at IS NOT NULL, name, id`);
  const insert = db.prepare(
    `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, return_base_url, created_at)
     VALUES (@name, @mode, @baseUrl, @listenHost, @listenPort, @returnBaseUrl, @createdAt)`,
  );
  // Which profile is active is this counter's setting (its id, as JSON), so the app and the CLI of its folder agree on it.
  const settings = counterSettings;

  const get = (id: number): Profile => {
    const row = byId.get(id);
    if (!row) throw new Error(`No profile with id ${id}.`);
    return toProfile(row);
  };

  return stepped<ProfilesRepo>(connection, {
    list: ({ includeRemoved = false } = {}) =>
      all
        .all()
        .map(toProfile)
        .filter((profile) => includeRemoved || !profile.removed),
    get,
    findByName(name) {
      const row = byName.get(name);
      return row ? toProfile(row) : null;
    },
    add(profile) {
      const { lastInsertRowid } = insert.run({ ...profile, createdAt: now() });
      return get(Number(lastInsertRowid));
    },
    update(id, changes) {
      const next = { ...get(id), ...changes };
      if (next.removed) throw new Error(`Profile ${next.name} was removed and cannot be changed.`);
      db.prepare(
        `UPDATE profiles SET name = @name, base_url = @baseUrl, listen_host = @listenHost,
           listen_port = @listenPort, return_base_url = @returnBaseUrl WHERE id = @id`,
      ).run(next);
      return get(id);
    },
    remove(id) {
      db.prepare(`UPDATE profiles SET removed_at = ? WHERE id = ? AND removed_at IS NULL`).run(now(), id);
    },
    active() {
      const id = settings.get<number>(ACTIVE_PROFILE);
      const profile = id === null ? undefined : byId.get(Number(id));
      return profile && profile.removed_at === null ? toProfile(profile) : null;
    },
    setActive(id) {
      if (get(id).removed) throw new Error(`Profile ${id} was removed and cannot be made active.`);
      settings.set(ACTIVE_PROFILE, id);
    },
  });
}
