import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '../i18n/language-provider';
import { asciiDigits } from '../../../shared/money';
import { parseTypedDay, type Day } from './typed-day';

type Props = {
  id: string;
  label: string;
  /** The day filtered on, YYYY-MM-DD, or '' for none. */
  value: Day | '';
  onChange(day: Day | ''): void;
  /** Whether the text in the box is no date, so the shopkeeper is told (the list keeps the last date that was). */
  onUnreadable(unreadable: boolean): void;
  /** Marked wrong from outside (the range is reversed), described by `describedBy`. */
  invalid: boolean;
  describedBy: string | undefined;
};

/** A four-digit year ends a date as typed; "1/12/26" waits for Enter or leaving the box, where it may be all. */
const COMPLETE = /\d{4}\s*$|^\s*\d{4}\D\d{1,2}\D\d{1,2}\s*$/;

/**
 * A date typed as the shopkeeper writes it, day first, in either digits; shown in the language's digits. Not the
 * browser's date input, which writes month first in Latin digits whatever the language.
 */
export function DayField({ id, label, value, onChange, onUnreadable, invalid, describedBy }: Props) {
  const { t, formats } = useLanguage();
  const [text, setText] = useState(() => (value ? formats.dayTyped(value) : ''));
  const typed = useRef({ text, onUnreadable });
  typed.current = { text, onUnreadable };

  // A day set from outside (a preset, Clear filters, the dashboard) is written out; what is being typed is kept.
  useEffect(() => {
    const parsed = parseTypedDay(typed.current.text);
    if (parsed.ok && (parsed.day ?? '') === value) return;
    setText(value ? formats.dayTyped(value) : '');
    typed.current.onUnreadable(false);
  }, [value, formats]);

  const commit = (entered: string) => {
    const parsed = parseTypedDay(entered);
    onUnreadable(!parsed.ok);
    if (!parsed.ok) return;
    onChange(parsed.day ?? '');
    // Read, it is written back as the language writes it: "01-12-2026" becomes ১/১২/২০২৬ in Bengali.
    if (parsed.day) setText(formats.dayTyped(parsed.day));
  };

  return (
    <div className="toolbar-field day-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
        placeholder={t.dayPlaceholder}
        value={text}
        onChange={(event) => {
          const entered = event.target.value;
          setText(entered);
          const parsed = parseTypedDay(entered);
          if (parsed.ok) onUnreadable(false);
          if (parsed.ok && (parsed.day === null || COMPLETE.test(asciiDigits(entered)))) onChange(parsed.day ?? '');
        }}
        onBlur={() => commit(text)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
