// Money is integer minor units (poisha) everywhere inside PayDesk. User input is parsed as a decimal
// string, never through floating point, and becomes the gateway's float only at the gateway's edge.

export const CURRENCY = 'BDT';

/** 12 integer digits: 999,999,999,999.99 taka is far above any shop's sale and far below 2^53 poisha. */
const MAX_INTEGER_DIGITS = 12;

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;
/** Thousands grouping as typed in Bangladesh: western 1,500,000 or lakh-style 15,00,000. */
const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.\d*)?$/;
const BENGALI_ZERO = 0x09e6;

function asciiDigits(text: string): string {
  return text.replace(/[\u09e6-\u09ef]/g, (d) => String(d.charCodeAt(0) - BENGALI_ZERO));
}

export type AmountParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * "150.50" → 15050. Accepts Bengali digits and correct thousands grouping; rejects zero, signs,
 * exponents, words and more than two decimals.
 */
export function parseAmount(input: string): AmountParse {
  const typed = asciiDigits(input.trim());
  if (typed === '') return { ok: false, message: 'Enter an amount, for example 150.50.' };
  if (typed.includes(',') && !GROUPED.test(typed)) {
    return { ok: false, message: 'Check the commas in that amount, for example 1,500.50.' };
  }
  const text = typed.replace(/,/g, '');
  const match = DECIMAL.exec(text);
  if (!match) {
    if (/^\d*\.\d{3,}$/.test(text)) {
      return { ok: false, message: 'Taka amounts have at most two decimals (poisha), for example 150.50.' };
    }
    return { ok: false, message: 'Enter the amount as a number of taka, for example 150.50.' };
  }
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_INTEGER_DIGITS) {
    return { ok: false, message: 'That amount is too large.' };
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const minor = Number(whole) * 100 + Number(fraction);
  if (minor === 0) return { ok: false, message: 'The amount must be more than zero.' };
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

const formats = new Map<string, Intl.NumberFormat>();

/** 15050 → "৳150.50" with the locale's grouping (en-BD: "৳150.50", bn-BD: "১৫০.৫০৳"). */
export function formatTaka(minor: number, locale = 'en-BD'): string {
  let format = formats.get(locale);
  if (!format) {
    // Building a formatter costs far more than using one; the listener formats every thank-you page.
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: CURRENCY,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formats.set(locale, format);
  }
  return format.format(minor / 100);
}
