// A profile's row as both engines read it, and the profile the core holds made of it.
import type { Profile, ProfileMode } from './profiles-repo';

export type ProfileRow = {
  id: number;
  name: string;
  mode: ProfileMode;
  base_url: string;
  listen_host: string;
  listen_port: number;
  return_base_url: string | null;
  removed_at: string | null;
};

export const toProfile = (row: ProfileRow): Profile => ({
  id: row.id,
  name: row.name,
  mode: row.mode,
  baseUrl: row.base_url,
  listenHost: row.listen_host,
  listenPort: row.listen_port,
  returnBaseUrl: row.return_base_url,
  removed: row.removed_at !== null,
});

/** The counter's own setting that names its active profile, so the app and the CLI of one data folder agree on it. */
export const ACTIVE_PROFILE = 'active_profile';

export const PROFILE_COLUMNS = 'id, name, mode, base_url, listen_host, listen_port, return_base_url, removed_at';
