// Merchant profiles: which gateway to talk to and where customers come back. API keys are not here;
// they live in a SecretStore.
import type { Db } from './database';

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
};

export type NewProfile = Omit<Profile, 'id'>;

export interface ProfilesRepo {
  list(): Profile[];
  findByName(name: string): Profile | null;
  add(profile: NewProfile): Profile;
  update(id: number, changes: Partial<Omit<Profile, 'id'>>): Profile;
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
};

const toProfile = (row: ProfileRow): Profile => ({
  id: row.id,
  name: row.name,
  mode: row.mode,
  baseUrl: row.base_url,
  listenHost: row.listen_host,
  listenPort: row.listen_port,
  returnBaseUrl: row.return_base_url,
});

const COLUMNS = 'id, name, mode, base_url, listen_host, listen_port, return_base_url';

export function createProfilesRepo(db: Db, now: () => string = () => new Date().toISOString()): ProfilesRepo {
  const byId = db.prepare<[number], ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE id = ?`);
  const byName = db.prepare<[string], ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE name = ?`);
  const all = db.prepare<[], ProfileRow>(`SELECT ${COLUMNS} FROM profiles ORDER BY name`);
  const insert = db.prepare(
    `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, return_base_url, created_at)
     VALUES (@name, @mode, @baseUrl, @listenHost, @listenPort, @returnBaseUrl, @createdAt)`,
  );
  const activeId = db.prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'active_profile'`);
  const setActiveId = db.prepare(
    `INSERT INTO settings (key, value) VALUES ('active_profile', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  const get = (id: number): Profile => {
    const row = byId.get(id);
    if (!row) throw new Error(`No profile with id ${id}.`);
    return toProfile(row);
  };

  return {
    list: () => all.all().map(toProfile),
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
      db.prepare(
        `UPDATE profiles SET name = @name, mode = @mode, base_url = @baseUrl, listen_host = @listenHost,
           listen_port = @listenPort, return_base_url = @returnBaseUrl WHERE id = @id`,
      ).run(next);
      return get(id);
    },
    active() {
      const row = activeId.get();
      if (row) {
        const profile = byId.get(Number(row.value));
        if (profile) return toProfile(profile);
      }
      return null;
    },
    setActive(id) {
      get(id);
      setActiveId.run(String(id));
    },
  };
}
