import { useEffect, useRef } from 'react';
import { useLanguage } from '../i18n/language-provider';
import { onPaydeskEvent } from '../paydesk-call';
import { chimeUrl, ring } from './chime';

/** Rings when a customer's payment comes back (the orderPaid event), as loud as Settings say, unless turned off. */
export function PaidChime() {
  const { preferences } = useLanguage();
  const audio = useRef<HTMLAudioElement>(null);
  const chosen = useRef(preferences);
  chosen.current = preferences;

  useEffect(
    () =>
      onPaydeskEvent('orderPaid', () => {
        const { paidSound, paidSoundVolume } = chosen.current;
        if (paidSound && audio.current) ring(audio.current, paidSoundVolume);
      }),
    [],
  );

  return <audio ref={audio} className="paid-chime" src={chimeUrl} preload="auto" />;
}
