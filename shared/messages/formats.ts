// How numbers, taka, dates and times are written in each language, as a reader in Bangladesh writes them: Intl
// gives the digits, the month and weekday names and the lakh grouping; what Intl writes otherwise is set here
// (the day period before a Bengali time, never "AM/PM"; ৳ before the number; day-first dates in English too).
import type { Preferences } from '../contract';
import type { Language } from './catalog';
import { formatTaka, numberFormat } from '../money';

/** How the shopkeeper reads the time of day: "বিকাল ৫:৫৭" / "5:57 pm", or "১৭:৫৭" / "17:57". */
export type Clock = Preferences['clock'];

export type Formats = {
  language: Language;
  /** The Intl locale of dates: bn-BD, or en-IN (day-first; ICU's en-BD writes the month first). */
  locale: string;
  /** 15050 → "৳150.50" (en), "৳১৫০.৫০" (bn); lakh grouping: "৳1,50,000.00". */
  money(minor: number): string;
  /** For chart axes: 7500000 → "৳75K" / "৳৭৫ হাজার", 15000000 → "৳1.5 lakh" / "৳১.৫ লাখ". */
  moneyShort(minor: number): string;
  count(n: number): string;
  /** An instant, in local time: "25 Nov 2026, 5:57 pm" / "২৫ নভেম্বর, ২০২৬, বিকাল ৫:৫৭". */
  dateTime(iso: string): string;
  /** An instant's local date alone: "25 Nov 2026" / "২৫ নভেম্বর, ২০২৬". */
  date(iso: string): string;
  /** An instant's local time of day alone: "5:57 pm" / "বিকাল ৫:৫৭" (12-hour), "17:57" / "১৭:৫৭" (24-hour). */
  time(iso: string): string;
  /** A local day (YYYY-MM-DD): "25 Nov" / "২৫ নভে". */
  dayShort(day: string): string;
  /** A local day (YYYY-MM-DD): "Wednesday, 25 November 2026" / "বুধবার, ২৫ নভেম্বর, ২০২৬". */
  dayLong(day: string): string;
  /** A local day (YYYY-MM-DD) as a shopkeeper types it, day first: "25/11/2026" / "২৫/১১/২০২৬". */
  dayTyped(day: string): string;
};

const DATE_LOCALES: Record<Language, string> = { en: 'en-IN', bn: 'bn-BD' };

/**
 * The Bengali parts of the day, by the hour they start: CLDR's bounds (Intl's `dayPeriod` gives the same words),
 * written here so Node and every Chromium agree, and with "রাত" as it is said where CLDR writes "রাত্রি".
 */
const BENGALI_DAY_PERIODS: ReadonlyArray<readonly [number, string]> = [
  [20, 'রাত'],
  [18, 'সন্ধ্যা'],
  [16, 'বিকাল'],
  [12, 'দুপুর'],
  [6, 'সকাল'],
  [4, 'ভোর'],
  [0, 'রাত'],
];

export const bengaliDayPeriod = (hour: number): string => BENGALI_DAY_PERIODS.find(([from]) => hour >= from)![1];

/** Compact units of taka, smallest first: as the shop counts, in thousands, lakhs and crores. */
const UNITS: Record<Language, ReadonlyArray<readonly [number, string]>> = {
  en: [
    [1_000, 'K'],
    [100_000, ' lakh'],
    [10_000_000, ' crore'],
  ],
  bn: [
    [1_000, ' হাজার'],
    [100_000, ' লাখ'],
    [10_000_000, ' কোটি'],
  ],
};

/** A local day as the Date of its local midnight. */
const dayDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

const made = new Map<string, Formats>();

/** Building Intl formatters costs far more than using them, and the listener and exports format often. */
export function formatsFor(language: Language, clock: Clock = '12h'): Formats {
  const key = `${language} ${clock}`;
  let formats = made.get(key);
  if (!formats) {
    formats = makeFormats(language, clock);
    made.set(key, formats);
  }
  return formats;
}

function makeFormats(language: Language, clock: Clock): Formats {
  const locale = DATE_LOCALES[language];
  const count = numberFormat(language);
  const compact = numberFormat(language, { min: 0, max: 1 });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: language === 'bn' ? 'long' : 'short', year: 'numeric' });
  const hourMinute = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle: clock === '24h' ? 'h23' : 'h12' });
  const dayShort = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const dayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const dayTyped = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' });

  const time = (at: Date): string => {
    if (language !== 'bn' || clock === '24h') return hourMinute.format(at);
    // Bengali says the part of the day first ("বিকাল ৫:৫৭"), where Intl writes "৫:৫৭ PM".
    const clockFace = hourMinute
      .formatToParts(at)
      .filter((part) => part.type !== 'dayPeriod')
      .map((part) => part.value)
      .join('')
      .trim();
    return `${bengaliDayPeriod(at.getHours())} ${clockFace}`;
  };

  const moneyShort = (minor: number): string => {
    const taka = Math.abs(minor) / 100;
    const sign = minor < 0 ? '-' : '';
    if (Math.round(taka) < 1_000) return `${sign}৳${count.format(Math.round(taka))}`;
    const units = UNITS[language];
    for (const [i, [size, word]] of units.entries()) {
      const shown = Math.round((taka / size) * 10) / 10;
      // 99,960 would read "100K": the next unit up says it ("1 lakh").
      const next = units[i + 1];
      if (!next || shown < next[0] / size) return `${sign}৳${compact.format(shown)}${word}`;
    }
    throw new Error('unreachable: the last unit takes any amount');
  };

  return {
    language,
    locale,
    money: (minor) => formatTaka(minor, language),
    moneyShort,
    count: (n) => count.format(n),
    dateTime: (iso) => `${date.format(new Date(iso))}, ${time(new Date(iso))}`,
    date: (iso) => date.format(new Date(iso)),
    time: (iso) => time(new Date(iso)),
    dayShort: (day) => dayShort.format(dayDate(day)),
    dayLong: (day) => dayLong.format(dayDate(day)),
    dayTyped: (day) => dayTyped.format(dayDate(day)),
  };
}
