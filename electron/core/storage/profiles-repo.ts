// Merchant profiles: which gateway to talk to and where customers come back. API keys are not here; they live
// in a SecretStore.

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
  list(options?: { includeRemoved?: boolean }): Promise<Profile[]>;
  /** Rejects when there is no such profile. */
  get(id: number): Promise<Profile>;
  /** The profile of that name that has not been removed. */
  findByName(name: string): Promise<Profile | null>;
  /** Rejects (a unique constraint) when a profile not removed has that name, in any letter case. */
  add(profile: NewProfile): Promise<Profile>;
  /** A profile's mode is fixed once it exists (the schema holds it too): its orders are live or sandbox by it. */
  update(id: number, changes: Partial<Omit<NewProfile, 'mode'>>): Promise<Profile>;
  remove(id: number): Promise<void>;
  active(): Promise<Profile | null>;
  setActive(id: number): Promise<void>;
}
