// What a search box's text matches, as SQL parts whose matches are unioned: the text anywhere in an order's typed
// details or its transaction id (the trigram indexes), the start of a ref or transaction id when it is too short for
// trigrams, and, when the text reads as an amount ("150.50", "৳150", "১৫০.৫০", "1,500"), the orders of exactly that
// amount. Digits are also how refs, transaction ids and phone numbers in notes are typed, so an amount is matched
// beside the text, never instead of it: "150" finds the ৳150.00 orders and PD-000150 alike.
import { parseAmount } from '../../../../shared/money';

/** The trigram index needs three characters. */
const TRIGRAM = 3;

export type SearchPart = {
  /** SELECT of the matching order ids (column `id`), in no particular order. */
  ids: string;
  /** The first @n of them by id, newest ('DESC') or oldest ('ASC') first: read only as far as asked. */
  stream(direction: 'ASC' | 'DESC'): string;
};

export type Search = { parts: SearchPart[]; params: Record<string, unknown> };

/** The parts of a search, or null when there is no text. */
export function searchOf(text: string | undefined): Search | null {
  const typed = text?.trim();
  if (!typed) return null;
  const parts: SearchPart[] = [];
  const params: Record<string, unknown> = {};
  if ([...typed].length >= TRIGRAM) {
    params.match = `"${typed.replace(/"/g, '""')}"`;
    for (const table of ['orders_search', 'transaction_search']) {
      const ids = `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH @match`;
      parts.push({ ids, stream: (direction) => `${ids} ORDER BY rowid ${direction} LIMIT @n` });
    }
  } else {
    // The start of a ref or a transaction id, each a range of its own index (as an OR, SQLite walked every order).
    params.low = typed.toUpperCase();
    params.high = `${typed.toUpperCase()}\u{10FFFF}`;
    const ref = `upper(o.ref) >= @low AND upper(o.ref) < @high`;
    const transaction = `o.transaction_id IS NOT NULL AND upper(o.transaction_id) >= @low AND upper(o.transaction_id) < @high`;
    // Read in id order, a start most orders share ("P") is met at once by walking the orders themselves.
    for (const test of [ref, transaction]) {
      parts.push({
        ids: `SELECT o.id FROM orders o WHERE ${test}`,
        stream: (direction) => `SELECT o.id FROM orders o NOT INDEXED WHERE ${test} ORDER BY o.id ${direction} LIMIT @n`,
      });
    }
  }
  const amount = parseAmount(typed);
  if (amount.ok) {
    params.amount = amount.minor;
    // Every order's profile is a row of profiles, so the IN only lets the (profile_id, amount_minor) index answer.
    const ids = `SELECT o.id FROM orders o WHERE o.profile_id IN (SELECT id FROM profiles) AND o.amount_minor = @amount`;
    parts.push({ ids, stream: (direction) => `${ids} ORDER BY o.id ${direction} LIMIT @n` });
  }
  return { parts, params };
}

/** Every match of the search as one SELECT of ids. */
export const unionOf = (search: Search) => search.parts.map((part) => part.ids).join(' UNION ');
