// The shopkeeper's preferences, remembered in the order book so the app and the CLI agree.
import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/contract';
import type { SettingsRepo } from '../storage/sqlite/settings-repo';

const KEY = 'preferences';

export type PreferencesStore = { get(): Preferences; save(preferences: Preferences): Preferences };

export function createPreferencesStore(settings: SettingsRepo): PreferencesStore {
  return {
    // Preferences saved before a setting existed take that setting's default.
    get: () => ({ ...DEFAULT_PREFERENCES, ...settings.get<Partial<Preferences>>(KEY) }),
    save(preferences) {
      settings.set(KEY, preferences);
      return preferences;
    },
  };
}
