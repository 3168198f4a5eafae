// Whether what is in the amount field, as typed so far, can still become an amount parseAmount takes: the field
// says what is wrong at once only when no further typing could put it right.
import { asciiDigits, SUM_ENDINGS, TAKA_MARKS } from '../../../shared/money';

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
