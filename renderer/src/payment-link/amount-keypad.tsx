import type { MouseEvent } from 'react';
import { useLanguage } from '../i18n/language-provider';
import { inDigitsOf, type KeypadKey } from './amount-typing';

/** Laid out as a phone's keypad, largest digits on top as on a till: 7 8 9 ⌫ / 4 5 6 C / 1 2 3 . / 0 00. */
const KEYS: readonly KeypadKey[] = ['7', '8', '9', 'back', '4', '5', '6', 'clear', '1', '2', '3', '.', '0', '00'];

/** Pressing a key leaves the focus (and the caret) in the amount field, so typing and tapping mix. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * Digits for a touch screen or a mouse at the counter. Out of the Tab order: from the keyboard, typing the amount
 * is quicker than reaching a key.
 */
export function AmountKeypad({ onKey, disabled }: { onKey(key: KeypadKey): void; disabled: boolean }) {
  const { t, language } = useLanguage();
  const label = (key: KeypadKey) => (key === 'back' ? '⌫' : key === 'clear' ? 'C' : inDigitsOf(key, language));
  return (
    <div className="amount-keypad" role="group" aria-label={t.keypadLabel}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          tabIndex={-1}
          className={`key key-${key === '.' ? 'point' : key}`}
          aria-label={key === 'back' ? t.keypadBack : key === 'clear' ? t.keypadClear : undefined}
          // "C" is a key's face, not a word: the label says what it does.
          translate={key === 'clear' ? 'no' : undefined}
          disabled={disabled}
          onMouseDown={keepFocus}
          onClick={() => onKey(key)}
        >
          {label(key)}
        </button>
      ))}
    </div>
  );
}
