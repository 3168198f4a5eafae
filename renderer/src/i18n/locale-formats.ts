// How numbers, taka and dates are written in each language: Intl does the work (bn-BD writes Bengali digits
// and lakh grouping), so nothing here hand-formats a number or a date.
import { formatTaka } from '../../../shared/money';
import type { Language } from './english';

export type Formats = {
  /** The Intl locale: bn-BD or en-BD. */
  locale: string;
  /** 15050 → ৳150.50 (en) or ১৫০.৫০৳ (bn). */
  money(minor: number): string;
  /** 1250000 → ৳12.5K (en) or ১২.৫ হা৳ (bn): for chart axes. */
  moneyShort(minor: number): string;
  count(n: number): string;
  /** An instant, in local time: date and time. */
  dateTime(iso: string): string;
  /** An instant's local date alone: "25 Nov 2026". */
  date(iso: string): string;
  /** An instant's local time of day alone: "6:48 pm". */
  time(iso: string): string;
  /** A local day (YYYY-MM-DD): "25 Nov". */
  dayShort(day: string): string;
  /** A local day (YYYY-MM-DD): "Wednesday, 25 November 2026". */
  dayLong(day: string): string;
};

const LOCALES: Record<Language, string> = { en: 'en-BD', bn: 'bn-BD' };

/** A local day as the Date of its local midnight. */
const dayDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

export function formatsFor(language: Language): Formats {
  const locale = LOCALES[language];
  const count = new Intl.NumberFormat(locale);
  const moneyShort = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'BDT',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const dayShort = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const dayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return {
    locale,
    money: (minor) => formatTaka(minor, locale),
    moneyShort: (minor) => moneyShort.format(minor / 100),
    count: (n) => count.format(n),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    dayShort: (day) => dayShort.format(dayDate(day)),
    dayLong: (day) => dayLong.format(dayDate(day)),
  };
}
