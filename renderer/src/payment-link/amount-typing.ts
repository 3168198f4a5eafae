// Whether what is in the amount field, as typed so far, can still become an amount parseAmount takes: the field
// says what is wrong at once only when no further typing could put it right.
import type { Language } from '../../../shared/messages/catalog';
import { asciiDigits, SUM_ENDINGS, TAKA_MARKS, toDecimalString } from '../../../shared/money';

/** Every ending a written sum may have after its number: a taka mark, "/-", or both ("500 tk/-"). */
const TAILS = ['', ...TAKA_MARKS].flatMap((mark) => ['', ...SUM_ENDINGS].map((ending) => `${mark}${ending}`));

/** A mark before the number, the number so far (at most two decimals), what follows it. */
const PARTS = /^(\D*?)\s*(\d[\d,]*(?:\.\d{0,2})?)?([^\d]*)$/;

export function isBeyondRepair(text: string): boolean {
  const typed = asciiDigits(text.trim().toLowerCase());
  const parts = PARTS.exec(typed);
  if (!parts) return true;
  const [, before = '', number, after = ''] = parts;
  // Nothing numeric yet: what there is may be the start of a mark ("T", "Tk", "৳"), or a whole one.
  if (number === undefined) return !TAKA_MARKS.some((mark) => mark.startsWith(typed.replace(/\s+$/, '')));
  const head = before.trim();
  if (head !== '' && !(TAKA_MARKS as readonly string[]).includes(head)) return true;
  const tail = after.replace(/\s+/g, '');
  return !TAILS.some((ending) => ending.startsWith(tail));
}

const BENGALI_ZERO = 0x09e6;

/** Digits as the language writes them, so what a button puts in the field reads like what the shopkeeper types. */
export const inDigitsOf = (text: string, language: Language): string =>
  language === 'bn' ? text.replace(/[0-9]/g, (d) => String.fromCharCode(BENGALI_ZERO + Number(d))) : text;

/** 50000 → "500", 15050 → "150.50" ("৫০০", "১৫০.৫০" in Bengali): an amount as typed, ungrouped, so more keys can follow. */
export function typedAmount(minor: number, language: Language): string {
  const decimal = toDecimalString(minor);
  return inDigitsOf(decimal.endsWith('.00') ? decimal.slice(0, -3) : decimal, language);
}

/** What a key of the on-screen keypad does: a digit, "00" or the decimal point goes in; ⌫ takes one back; C empties. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '.' | 'back' | 'clear';

/**
 * The field after a keypad key, pressed with the caret (or a selection) at `start`–`end`, as typing would do it:
 * what goes in replaces the selection; ⌫ takes the selection, or the character before the caret.
 */
export function pressKey(
  value: string,
  key: KeypadKey,
  [start, end]: readonly [number, number],
  language: Language,
): { value: string; caret: number } {
  if (key === 'clear') return { value: '', caret: 0 };
  if (key === 'back') {
    const from = start === end ? Math.max(0, start - 1) : start;
    return { value: value.slice(0, from) + value.slice(end), caret: from };
  }
  const text = inDigitsOf(key, language);
  return { value: value.slice(0, start) + text + value.slice(end), caret: start + text.length };
}
