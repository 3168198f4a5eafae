// The cells of a statement line as PayDesk needs them: an amount in poisha, exactly, and an instant. Statements
// come from the gateway's panel and from mobile-wallet portals, in English or Bengali, so amounts may carry a
// taka sign, "Tk" or "BDT", thousands separators and Bengali digits, and times come in several local shapes.
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { parseAmount } from '../../../shared/money';

/** A cell's value, or why the line is not imported: a message whose params carry the cell as written. */
export type ValueParse<T> = { ok: true; value: T } | { ok: false; reason: Message };

const BENGALI_ZERO = 0x09e6;
export const asciiDigits = (text: string) => text.replace(/[\u09e6-\u09ef]/g, (d) => String(d.charCodeAt(0) - BENGALI_ZERO));

/** Currency marks before or after the number: ৳, Tk, Tk., BDT, টাকা, Taka. */
const CURRENCY = /^(?:৳|tk\.?|bdt|taka|টাকা)\s*|\s*(?:৳|tk\.?|bdt|taka|টাকা)$/i;

/** "৳1,500.50", "BDT 1500.5", "১,৫০০.৫০ টাকা" → 150050. Zero, negative and unreadable amounts are refused with a reason. */
export function parseStatementAmount(cell: string): ValueParse<number> {
  let text = asciiDigits(cell.normalize('NFC'))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  for (let i = 0; i < 2; i++) text = text.replace(CURRENCY, '').trim();
  const amount = cell.trim();
  const refuse = (reason: Message) => ({ ok: false as const, reason });
  if (text === '') return refuse(say('line_amount_empty'));
  if (/^(?:-|\u2212|\().*|.*-$/.test(text)) return refuse(say('line_amount_negative', { amount }));
  const parsed = parseAmount(text.replace(/^\+/, '').replace(/ /g, ''));
  if (parsed.ok) return { ok: true, value: parsed.minor };
  if (parsed.code === 'amount_zero' || /^0*(?:\.0*)?$/.test(text)) return refuse(say('line_amount_zero'));
  if (parsed.code === 'amount_empty') return refuse(say('line_amount_empty'));
  return refuse(say('line_amount_unreadable', { amount, refusal: parsed.code }));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Day-first dates, as written in Bangladesh: 20/11/2026, 20-11-2026, 20.11.2026, 20-Nov-2026, 20 Nov 2026. */
const DAY_FIRST = /^(\d{1,2})[/.\- ]([a-z]{3,9}|\d{1,2})[/.\- ,]+(\d{4})(?:[ T,]+(.+))?$/i;
/** Year first: 2026-11-20, 2026/11/20, with or without a time. */
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A statement's time as a UTC instant (ISO). A time with an offset or Z is taken as written; any other is the
 * shop's local time, as the gateway's panel and the wallets' portals show it. A date alone is its midnight.
 */
export function parseStatementTime(cell: string): ValueParse<string> {
  const text = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(cell)
    ? cell
    : asciiDigits(cell.normalize('NFC'))
        .replace(/[\s\u00a0]+/g, ' ')
        .trim();
  if (text === '') return { ok: false, reason: say('line_date_empty') };
  const refuse = { ok: false as const, reason: say('line_date_unreadable', { date: cell.trim() }) };
  if (ISO_WITH_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? refuse : { ok: true, value: new Date(ms).toISOString() };
  }
  let year: number, month: number, day: number, rest: string | undefined;
  const yearFirst = YEAR_FIRST.exec(text);
  const dayFirst = yearFirst ? null : DAY_FIRST.exec(text);
  if (yearFirst) {
    [year, month, day, rest] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]), yearFirst[4]];
  } else if (dayFirst) {
    const name = dayFirst[2]!;
    month = /^\d+$/.test(name) ? Number(name) : MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
    [year, day, rest] = [Number(dayFirst[3]), Number(dayFirst[1]), dayFirst[4]];
  } else {
    return refuse;
  }
  let hours = 0,
    minutes = 0,
    seconds = 0,
    ms = 0;
  if (rest) {
    const time = TIME.exec(rest.trim());
    if (!time) return refuse;
    hours = Number(time[1]);
    minutes = Number(time[2]);
    seconds = Number(time[3] ?? 0);
    ms = Math.floor(Number(`0.${time[4] ?? '0'}`) * 1000);
    const meridiem = time[5]?.toLowerCase().replace(/\./g, '');
    if (meridiem) {
      if (hours < 1 || hours > 12) return refuse;
      hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
    }
  }
  const local = new Date(year, month - 1, day, hours, minutes, seconds, ms);
  const valid =
    month >= 1 &&
    month <= 12 &&
    hours < 24 &&
    minutes < 60 &&
    seconds < 60 &&
    local.getFullYear() === year &&
    local.getMonth() === month - 1 &&
    local.getDate() === day;
  return valid ? { ok: true, value: local.toISOString() } : refuse;
}
