import { useState, type FormEvent } from 'react';
import { CLOCKS, NOTIFICATION_NAMES, type AppError, type Preferences } from '../../../shared/contract';
import { formatsFor } from '../../../shared/messages/formats';
import { ErrorAlert } from '../error-alert';
import { SoundSettings } from '../sound/sound-settings';
import type { Language } from '../../../shared/messages/catalog';
import { useLanguage } from '../i18n/language-provider';
import { TextField } from '../text-field';

const LANGUAGES: ReadonlyArray<{ id: Language; name: string }> = [
  { id: 'bn', name: 'বাংলা' },
  { id: 'en', name: 'English' },
];

const MAX_HOURS = 720;
/** A time that reads differently on each clock: 5:57 in the afternoon, today. */
const CLOCK_EXAMPLE = new Date(new Date().setHours(17, 57, 0, 0)).toISOString();
const BENGALI_ZERO = 0x09e6;

/** "৪৮" or "48" → 48; anything but a whole number from 1 to 720 → null. */
function parseHours(text: string): number | null {
  const digits = text.trim().replace(/[\u09e6-\u09ef]/g, (d) => String(d.charCodeAt(0) - BENGALI_ZERO));
  if (!/^\d{1,3}$/.test(digits)) return null;
  const hours = Number(digits);
  return hours >= 1 && hours <= MAX_HOURS ? hours : null;
}

/**
 * The screen language and whose name a "Paid" notification shows (each applied and remembered at once), and how
 * long a new payment link stays payable.
 */
export function PreferencesForm() {
  const { t, formats, say, preferences, loadError, savePreferences } = useLanguage();
  const [hours, setHours] = useState(() => formats.count(preferences.linkExpiryHours));
  const [hoursError, setHoursError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  /** The language on its way to the core, shown chosen at once so the switch does not flick back while it travels. */
  const [choosing, setChoosing] = useState<Language | null>(null);
  const chosen = choosing ?? preferences.language;
  const [choosingNames, setChoosingNames] = useState<Preferences['notificationNames'] | null>(null);
  const chosenNames = choosingNames ?? preferences.notificationNames;
  const [choosingClock, setChoosingClock] = useState<Preferences['clock'] | null>(null);
  const chosenClock = choosingClock ?? preferences.clock;

  async function chooseLanguage(language: Language) {
    setChoosing(language);
    setError(null);
    const reply = await savePreferences({ ...preferences, language });
    setChoosing(null);
    if (!reply.ok) setError(reply.error);
  }

  async function chooseClock(clock: Preferences['clock']) {
    setChoosingClock(clock);
    setError(null);
    const reply = await savePreferences({ ...preferences, clock });
    setChoosingClock(null);
    if (!reply.ok) setError(reply.error);
  }

  async function chooseNames(notificationNames: Preferences['notificationNames']) {
    setChoosingNames(notificationNames);
    setError(null);
    const reply = await savePreferences({ ...preferences, notificationNames });
    setChoosingNames(null);
    if (!reply.ok) setError(reply.error);
  }

  async function saveHours(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const linkExpiryHours = parseHours(hours);
    if (linkExpiryHours === null) return setHoursError(t.linkHoursInvalid);
    setSaving(true);
    setError(null);
    const reply = await savePreferences({ ...preferences, linkExpiryHours });
    setSaving(false);
    if (!reply.ok) return reply.error.kind === 'invalid_input' ? setHoursError(say(reply.error)) : setError(reply.error);
    setSaved(true);
  }

  return (
    <div className="preferences">
      {loadError && <ErrorAlert error={loadError} />}
      <fieldset className="language-choice">
        <legend>{t.languageLegend}</legend>
        <div className="segmented">
          {LANGUAGES.map((language) => (
            <label key={language.id} className={chosen === language.id ? 'is-chosen' : undefined}>
              <input
                type="radio"
                name="language"
                value={language.id}
                checked={chosen === language.id}
                onChange={() => chooseLanguage(language.id)}
              />
              {/* Each language is named in itself, as language choices are everywhere. */}
              <span lang={language.id} translate="no">
                {language.name}
              </span>
            </label>
          ))}
        </div>
        <p className="field-hint">{t.languageHint}</p>
      </fieldset>
      <fieldset className="clock-choice">
        <legend>{t.clockLegend}</legend>
        <div className="segmented">
          {CLOCKS.map((clock) => (
            <label key={clock} className={chosenClock === clock ? 'is-chosen' : undefined}>
              <input type="radio" name="clock" value={clock} checked={chosenClock === clock} onChange={() => chooseClock(clock)} />
              {t.clocks[clock]} ({formatsFor(preferences.language, clock).time(CLOCK_EXAMPLE)})
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="notification-names" aria-describedby="notification-names-hint">
        <legend>{t.notificationNamesLegend}</legend>
        {NOTIFICATION_NAMES.map((names) => (
          <label key={names} className="radio">
            <input
              type="radio"
              name="notification-names"
              value={names}
              checked={chosenNames === names}
              onChange={() => chooseNames(names)}
            />
            {t.notificationNames[names]}
          </label>
        ))}
        <p className="field-hint" id="notification-names-hint">
          {t.notificationNamesHint}
        </p>
      </fieldset>
      <SoundSettings />
      <form className="link-hours" onSubmit={saveHours} noValidate aria-busy={saving}>
        <TextField
          id="link-hours"
          label={t.linkHoursLabel}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          value={hours}
          onChange={(value) => {
            setHours(value);
            setHoursError(null);
            setSaved(false);
          }}
          error={hoursError}
          hint={t.linkHoursHint}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t.saving : t.saveLinkHours}
          </button>
          <p className="saved-inline" role="status">
            {saved && t.linkHoursSaved(formats.count(preferences.linkExpiryHours))}
          </p>
        </div>
      </form>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
