// The shopkeeper's preferences, remembered in the order book so the app and the CLI agree.
import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/contract';
import type { SettingsRepo } from '../storage/settings-repo';

const KEY = 'preferences';

export type PreferencesStore = { get(): Preferences; save(preferences: Preferences): Promise<Preferences> };

/**
 * Read once as PayDesk starts and written through on every save, so `get` answers synchronously: the return
 * listener picks each customer's page language by it, and the main process's tray and close questions ask it
 * with no await to hand. The CLI changes none, so on one machine the copy never goes stale; counters sharing a
 * PostgreSQL book will need to hear each other's saves before they may rely on it.
 */
export async function createPreferencesStore(settings: SettingsRepo): Promise<PreferencesStore> {
  // Preferences saved before a setting existed take that setting's default.
  let current: Preferences = { ...DEFAULT_PREFERENCES, ...(await settings.get<Partial<Preferences>>(KEY)) };
  return {
    get: () => current,
    async save(preferences) {
      await settings.set(KEY, preferences);
      current = preferences;
      return preferences;
    },
  };
}
