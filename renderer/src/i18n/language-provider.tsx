import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_PREFERENCES, type AppError, type Message, type Preferences, type Reply } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import { formatsFor, type Formats } from '../../../shared/messages/formats';
import { render } from '../../../shared/messages/say';
import { callPaydesk } from '../paydesk-call';
import { bengali } from './bengali';
import { english, type Messages } from './english';

const MESSAGES: Record<Language, Messages> = { en: english, bn: bengali };

/** What PayDesk assumes when the core cannot say: the core's own defaults. */
const FALLBACK: Preferences = DEFAULT_PREFERENCES;

export type LanguageState = {
  language: Language;
  /** Every string the screens show, in the shopkeeper's language. */
  t: Messages;
  formats: Formats;
  /** What the core said (an error, a check's step, a warning), in the shopkeeper's language. */
  say(message: Message): string;
  preferences: Preferences;
  /** Why the saved preferences could not be read (the defaults are in use meanwhile). */
  loadError: AppError | null;
  savePreferences(preferences: Preferences): Promise<Reply<Preferences>>;
};

const LanguageContext = createContext<LanguageState | null>(null);

/**
 * The shopkeeper's language and preferences, read from the core before anything is drawn, so a Bengali
 * shop never sees an English flash on start. The page's `lang` follows, for screen readers and the font.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void callPaydesk('getPreferences', {}).then((reply) => {
      if (!current) return;
      setPreferences(reply.ok ? reply.value : FALLBACK);
      setLoadError(reply.ok ? null : reply.error);
    });
    return () => {
      current = false;
    };
  }, []);

  const language = preferences?.language ?? null;
  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);

  const savePreferences = useCallback(async (next: Preferences) => {
    const reply = await callPaydesk('savePreferences', next);
    if (reply.ok) {
      setPreferences(reply.value);
      setLoadError(null);
    }
    return reply;
  }, []);

  const value = useMemo<LanguageState | null>(
    () =>
      preferences && {
        language: preferences.language,
        t: MESSAGES[preferences.language],
        formats: formatsFor(preferences.language, preferences.clock),
        say: (message: Message) => render(message, preferences.language, formatsFor(preferences.language, preferences.clock)),
        preferences,
        loadError,
        savePreferences,
      },
    [preferences, loadError, savePreferences],
  );

  return value ? <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider> : null;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage is used outside LanguageProvider.');
  return state;
}
