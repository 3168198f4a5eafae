// The counters (tills) working on one order book. Each PayDesk data folder is one counter, with an id it made itself
// (counters/this-counter.ts); the shop names it. Only an implementation of this interface writes `counters` and
// `counter_settings`.
import type { SettingsRepo } from './settings-repo';

export type StoredCounter = { id: string; name: string };

export interface CountersRepo {
  /** Every counter of the book, by name. */
  list(): Promise<StoredCounter[]>;
  /**
   * The counter with this id, made on its first start under the first of `names` no other counter has (letter case
   * aside; the unique index decides between two counters starting at once), and kept as it is after.
   */
  enroll(id: string, names: Iterable<string>, at: string): Promise<StoredCounter>;
  /** Resolves null when another counter has that name (in any letter case). */
  rename(id: string, name: string): Promise<StoredCounter | null>;
  /** The settings that belong to this one counter, not to the shop (its active profile, its listener, its tunnel). */
  settingsOf(id: string): SettingsRepo;
  /**
   * Moves the shop's settings rows under these keys (kept there before the book knew counters) into this counter's
   * own, in one transaction, keeping a value the counter has already; a row another counter claimed first is gone.
   * Resolves to the keys it moved.
   */
  claimShared(id: string, keys: string[]): Promise<string[]>;
}
