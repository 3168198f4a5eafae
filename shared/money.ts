// Money is integer minor units (poisha) everywhere inside PayDesk. User input is parsed as a decimal
// string, never through floating point, and becomes the gateway's float only at the gateway's edge.

export const CURRENCY = 'BDT';

/** 12 integer digits: 999,999,999,999.99 taka is far above any shop's sale and far below 2^53 poisha. */
const MAX_INTEGER_DIGITS = 12;

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;
/** Thousands grouping as typed in Bangladesh: western 1,500,000 or lakh-style 15,00,000. */
const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.\d*)?$/;
const BENGALI_ZERO = 0x09e6;

/** What a shopkeeper writes beside an amount to say it is taka, before it ("৳500", "Tk 500") or after it ("500 টাকা"). */
export const TAKA_MARKS = ['৳', 'টাকা', 'tk.', 'tk', 'taka', 'bdt'] as const;
/** What closes a written sum so nothing can be added to it: "1500/-", "৫০০/=". */
export const SUM_ENDINGS = ['/-', '/='] as const;

const escaped = (words: readonly string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
const MARK_BEFORE = new RegExp(`^(?:${escaped(TAKA_MARKS)})\\s*`, 'i');
const ENDING_AFTER = new RegExp(`\\s*(?:${escaped(SUM_ENDINGS)})$`);
const MARK_AFTER = new RegExp(`\\s*(?:${escaped(TAKA_MARKS)})$`, 'i');

export function asciiDigits(text: string): string {
  return text.replace(/[\u09e6-\u09ef]/g, (d) => String(d.charCodeAt(0) - BENGALI_ZERO));
}

/** The number of a written sum: "Tk 1,500/-" → "1,500"; the marks go, whatever else was typed stays. */
function bareNumber(typed: string): string {
  return typed.replace(MARK_BEFORE, '').replace(ENDING_AFTER, '').replace(MARK_AFTER, '').trim();
}

/** Why a typed amount is not one: a message code of shared/messages (area input). */
export type AmountRefusal = 'amount_empty' | 'amount_commas' | 'amount_decimals' | 'amount_not_number' | 'amount_too_large' | 'amount_zero';

export type AmountParse = { ok: true; minor: number } | { ok: false; code: AmountRefusal };

/**
 * "150.50" → 15050. Accepts Bengali digits, correct thousands grouping and the ways a sum is written in
 * Bangladesh ("৳500", "Tk 500", "500 টাকা", "1500/-"); rejects zero, signs, exponents, other words and more
 * than two decimals.
 */
export function parseAmount(input: string): AmountParse {
  const typed = bareNumber(asciiDigits(input.trim()));
  if (typed === '') return { ok: false, code: 'amount_empty' };
  if (typed.includes(',') && !GROUPED.test(typed)) {
    return { ok: false, code: 'amount_commas' };
  }
  const text = typed.replace(/,/g, '');
  const match = DECIMAL.exec(text);
  if (!match) {
    if (/^\d*\.\d{3,}$/.test(text)) {
      return { ok: false, code: 'amount_decimals' };
    }
    return { ok: false, code: 'amount_not_number' };
  }
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_INTEGER_DIGITS) {
    return { ok: false, code: 'amount_too_large' };
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const minor = Number(whole) * 100 + Number(fraction);
  if (minor === 0) return { ok: false, code: 'amount_zero' };
  return { ok: true, minor };
}

/** 15050 → "150.50": the plain decimal used in JSON, CSV and the CLI. */
export function toDecimalString(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const fraction = String(minor % 100).padStart(2, '0');
  return `${whole}.${fraction}`;
}

/** 15050 → 150.5: only for the gateway's JSON body, which documents `amount` as a float. */
export function toGatewayAmount(minor: number): number {
  return Number(toDecimalString(minor));
}

const grouped = new Map<string, Intl.NumberFormat>();

/**
 * The digits of a number as the language writes them, grouped in lakhs and crores (1,50,000) as Bangladesh
 * does in both languages: bn-BD writes Bengali digits, and en-IN is the English locale whose ICU data groups
 * by lakh (en-BD groups by thousands).
 */
export function numberFormat(language: string, fractionDigits: { min: number; max: number } = { min: 0, max: 3 }): Intl.NumberFormat {
  const locale = language.startsWith('bn') ? 'bn-BD' : 'en-IN';
  const key = `${locale} ${fractionDigits.min} ${fractionDigits.max}`;
  let format = grouped.get(key);
  if (!format) {
    // Building a formatter costs far more than using one; the listener formats every thank-you page.
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits.min, maximumFractionDigits: fractionDigits.max });
    grouped.set(key, format);
  }
  return format;
}

/**
 * 15050 → "৳150.50", 15000000 → "৳1,50,000.00"; in Bengali (`language` "bn" or a bn-… locale) "৳১,৫০,০০০.০০".
 * The sign stands before the number in both languages, as price tags and receipts in Bangladesh write it.
 */
export function formatTaka(minor: number, language = 'en'): string {
  const digits = numberFormat(language, { min: 2, max: 2 }).format(Math.abs(minor) / 100);
  return `${minor < 0 ? '-' : ''}৳${digits}`;
}
