// Merchant profiles: which gateway to talk to and where customers come back. API keys are not here;
// they live in a SecretStore.
import type { Db } from './database';
import { createSettingsRepo } from './settings-repo';

export type ProfileMode = 'live' | 'sandbox';

export type Profile = {
  id: number;
  name: string;
  mode: ProfileMode;
  /** Exactly as the shopkeeper typed it: the gateway compares it character by character. */
  baseUrl: string;
  listenHost: string;
  listenPort: number;
  /** Public origin the gateway sends customers back to (LAN address or tunnel); null means the listener's own. */
  returnBaseUrl: string | null;
  /** Removed profiles keep their orders, read-only. */
  removed: boolean;
};

export type NewProfile = Omit<Profile, 'id' | 'removed'>;

export interface ProfilesRepo {
  list(options?: { includeRemoved?: boolean }): Profile[];
  get(id: number): Profile;
  /** The profile of that name that has not been removed. */
  findByName(name: string): Profile | null;
  add(profile: NewProfile): Profile;
  /** A profile's mode is fixed once it exists (schema v6 holds it too): its orders are live or sandbox by it. */
  update(id: number, changes: Partial<Omit<NewProfile, 'mode'>>): Profile;
  remove(id: number): void;
  active(): Profile | null;
  setActive(id: number): void;
}

type ProfileRow = {
  id: number;
  name: string;
  mode: ProfileMode;
  base_url: string;
  listen_host: string;
  listen_port: number;
  return_base_url: string | null;
  removed_at: string | null;
};

const toProfile = (row: ProfileRow): Profile => ({
  id: row.id,
  name: row.name,
  mode: row.mode,
  baseUrl: row.base_url,
  listenHost: row.listen_host,
  listenPort: row.listen_port,
  returnBaseUrl: row.return_base_url,
  removed: row.removed_at !== null,
});

const ACTIVE_PROFILE = 'active_profile';

const COLUMNS = 'id, name, mode, base_url, listen_host, listen_port, return_base_url, removed_at';

export function createProfilesRepo(db: Db, now: () => string = () => new Date().toISOString()): ProfilesRepo {
  const byId = db.prepare<[number], ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE id = ?`);
  const byName = db.prepare<[string], ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE name = ? AND removed_at IS NULL`);
  const all = db.prepare<[], ProfileRow>(`SELECT ${COLUMNS} FROM profiles ORDER BY removed_at IS NOT NULL, name, id`);
  const insert = db.prepare(
    `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, return_base_url, created_at)
     VALUES (@name, @mode, @baseUrl, @listenHost, @listenPort, @returnBaseUrl, @createdAt)`,
  );
  // Which profile is active is a setting (its id, as JSON), so the app and the CLI agree on it.
  const settings = createSettingsRepo(db);

  const get = (id: number): Profile => {
    const row = byId.get(id);
    if (!row) throw new Error(`No profile with id ${id}.`);
    return toProfile(row);
  };

  return {
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
  };
}
