// Days as a shopkeeper in Bangladesh types them into a filter: day first, in Bengali or Latin digits
// (১/১২/২০২৬, 1/12/2026, 01-12-2026, 1.12.26), or pasted as 2026-12-01. The contract takes YYYY-MM-DD.
import { asciiDigits } from '../../../shared/money';

/** A local day, YYYY-MM-DD. */
export type Day = string;

/** What a typed date field holds: nothing, a day, or text that is no date (said, never dropped). */
export type TypedDay = { ok: true; day: Day | null } | { ok: false };

const DAY_FIRST = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of a Date. */
export const dayOf = (date: Date): Day => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The day, if year, month and day name one on the calendar (not 31/2). */
function calendarDay(year: number, month: number, day: number): Day | null {
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? dayOf(date) : null;
}

export function parseTypedDay(text: string): TypedDay {
  const typed = asciiDigits(text.trim());
  if (typed === '') return { ok: true, day: null };
  const dayFirst = DAY_FIRST.exec(typed);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(typed);
  let day: Day | null = null;
  if (dayFirst) {
    const [, d, m, y] = dayFirst.map(Number) as [number, number, number, number];
    // "1/12/26": a shop's orders are of this century.
    day = calendarDay(y < 100 ? 2000 + y : y, m, d);
  } else if (yearFirst) {
    const [, y, m, d] = yearFirst.map(Number) as [number, number, number, number];
    day = calendarDay(y, m, d);
  }
  return day ? { ok: true, day } : { ok: false };
}

export const DAY_PRESETS = ['today', 'yesterday', 'thisWeek', 'thisMonth'] as const;
export type DayPreset = (typeof DAY_PRESETS)[number];

/** The working week in Bangladesh starts on Sunday (CLDR's first day for BD), after the Friday–Saturday weekend. */
const WEEK_STARTS_ON = 0;

/** The days a preset covers, from and to (both included), on the day `now` falls on. */
export function presetDays(preset: DayPreset, now: Date): { from: Day; to: Day } {
  const on = (shift: (d: Date) => void) => {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    shift(d);
    return dayOf(d);
  };
  const today = dayOf(now);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const yesterday = on((d) => d.setDate(d.getDate() - 1));
      return { from: yesterday, to: yesterday };
    }
    case 'thisWeek':
      return { from: on((d) => d.setDate(d.getDate() - ((d.getDay() - WEEK_STARTS_ON + 7) % 7))), to: today };
    case 'thisMonth':
      return { from: on((d) => d.setDate(1)), to: today };
  }
}
