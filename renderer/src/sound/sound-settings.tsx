import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { chimeUrl, ring } from './chime';

/** A slider's last position is saved once it rests, not at every step of a drag. */
const SAVE_AFTER_MS = 300;

/** The Paid chime: on or off, how loud, and a button to hear it. Each change is saved at once. */
export function SoundSettings() {
  const { t, formats, preferences, savePreferences } = useLanguage();
  const [volume, setVolume] = useState(preferences.paidSoundVolume);
  const [error, setError] = useState<AppError | null>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const latest = useRef(preferences);
  latest.current = preferences;
  const resting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The choice on its way to the core, shown at once so the box does not flick back while it travels. */
  const [turning, setTurning] = useState<boolean | null>(null);
  const on = turning ?? preferences.paidSound;

  useEffect(() => {
    if (volume === latest.current.paidSoundVolume) return;
    resting.current = setTimeout(() => {
      void savePreferences({ ...latest.current, paidSoundVolume: volume }).then((reply) => setError(reply.ok ? null : reply.error));
    }, SAVE_AFTER_MS);
    return () => clearTimeout(resting.current);
  }, [volume, savePreferences]);

  async function turn(paidSound: boolean) {
    // The volume still resting goes with this save, so the two never cross on their way to the core.
    clearTimeout(resting.current);
    setTurning(paidSound);
    const reply = await savePreferences({ ...preferences, paidSound, paidSoundVolume: volume });
    setTurning(null);
    setError(reply.ok ? null : reply.error);
  }

  return (
    <fieldset className="sound-settings">
      <legend>{t.soundLegend}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={on} onChange={(event) => turn(event.target.checked)} />
        {t.soundOn}
      </label>
      <div className="sound-volume">
        <label htmlFor="sound-volume">{t.soundVolume}</label>
        <input
          id="sound-volume"
          type="range"
          min={0}
          max={100}
          step={10}
          value={volume}
          disabled={!on}
          aria-valuetext={t.soundVolumeValue(formats.count(volume))}
          onChange={(event) => setVolume(Number(event.target.value))}
        />
        <output htmlFor="sound-volume">{t.soundVolumeValue(formats.count(volume))}</output>
        <button type="button" disabled={!on} onClick={() => audio.current && ring(audio.current, volume)}>
          {t.soundTry}
        </button>
        <audio ref={audio} src={chimeUrl} preload="none" />
      </div>
      {error && <ErrorAlert error={error} />}
    </fieldset>
  );
}
