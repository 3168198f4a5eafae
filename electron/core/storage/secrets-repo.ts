// The vault's rows: each profile's API key as ciphertext, the key store that wrote it, and the origin it is for.
// The vault (setup/api-key-vault.ts) encrypts, decrypts and decides where a key may be kept; this only stores what
// it hands over.

export type StoredSecret = { profileId: number; ciphertext: Buffer; backend: string; origin: string | null };

export interface SecretsRepo {
  get(profileId: number): Promise<StoredSecret | null>;
  all(): Promise<StoredSecret[]>;
  put(secret: StoredSecret & { origin: string }, at: string): Promise<void>;
  /** Binds a key saved before origins were recorded (SQLite schema < 6) to its origin. */
  bindOrigin(profileId: number, origin: string): Promise<void>;
  remove(profileId: number): Promise<void>;
  /** The names of the other counters that hold a key for this profile (none on a book no other counter shares). */
  heldElsewhere(profileId: number): Promise<string[]>;
  /** Runs `work` as one transaction; the calls it awaits join it. */
  atomically(work: () => Promise<void>): Promise<void>;
  /**
   * Makes a replaced or removed key's old ciphertext unreadable where the engine keeps copies of old rows
   * (SQLite's WAL frames; PostgreSQL's dead tuples, by a VACUUM of the table).
   */
  scrub(): Promise<void>;
}
