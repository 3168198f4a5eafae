// What a search box's text matches, as SQL parts whose matches are unioned: the text anywhere in an order's typed
// details or its transaction id (the trigram indexes), the start of a ref or transaction id when it is too short for
// trigrams, and, when the text reads as an amount ("150.50", "৳150", "১৫০.৫০", "1,500"), the orders of exactly that
// amount. Digits are also how refs, transaction ids and phone numbers in notes are typed, so an amount is matched
// beside the text, never instead of it: "150" finds the ৳150.00 orders and PD-000150 alike.
import { parseAmount } from '../../../../shared/money';

/** The trigram index needs three characters. */
const TRIGRAM = 3;

/**
 * Characters whose case SQLite's lower() and the trigram index fold alike: ASCII (both lower A-Z alone), Bengali and
 * the joiners Bengali is written with (no case to fold). FTS5's trigram tokenizer folds every other cased letter by
 * Unicode ("Ç" to "ç", the Kelvin sign to "k"), which lower() leaves as it is.
 */
const PLAIN = '\u0001-\u007f\u0980-\u09ff\u200c\u200d';
const plain = new RegExp(`^[${PLAIN}]*$`, 'u');
/** GLOB for a text holding some character outside PLAIN. */
const UNPLAIN = `*[^${PLAIN}]*`;

/** An order's typed details as the orders_search_insert trigger indexes them (migrations.ts, v3). */
const DOC = `concat_ws(' ', o.ref, o.customer_name, o.customer_email, o.note)`;

export type SearchPart = {
  /** SELECT of the matching order ids (column `id`), in no particular order. */
  ids: string;
  /** The first @n of them by id, newest ('DESC') or oldest ('ASC') first. */
  stream(direction: 'ASC' | 'DESC'): string;
  /** The stream reads every match to rank them (its index is not in id order): only for a part of modest size. */
  streamReadsAll: boolean;
  /** Whether the order `o` is one of `ids`, exactly, as a test of its row. */
  test: string;
  /** The test may look the order up in a trigram index: ten to a hundred times the cost of a test of the row alone. */
  probes: boolean;
};

export type Search = { parts: SearchPart[]; params: Record<string, unknown> };

/**
 * A trigram index's match as a test of one order's row. The index matches the text anywhere in the folded
 * document; for text and document both PLAIN that is exactly `instr(lower(doc), lower(text))`, which a row answers
 * in a microsecond where the index takes up to half a millisecond per order for a long phrase. A document holding
 * other letters is asked of the index itself (instr finding the text there proves the match: folding only makes
 * more alike); a text holding them always is.
 */
function trigramTest(table: string, doc: string, typed: string): { test: string; probes: boolean } {
  const probe = `EXISTS (SELECT 1 FROM ${table} WHERE ${table} MATCH @match AND rowid = o.id)`;
  if (!plain.test(typed)) return { test: probe, probes: true };
  return { test: `instr(lower(${doc}), @lowered) > 0 OR (${doc} GLOB @unplain AND ${probe})`, probes: false };
}

/** The parts of a search, or null when there is no text. */
export function searchOf(text: string | undefined): Search | null {
  const typed = text?.trim();
  if (!typed) return null;
  const parts: SearchPart[] = [];
  const params: Record<string, unknown> = {};
  if ([...typed].length >= TRIGRAM) {
    Object.assign(params, {
      match: `"${typed.replace(/"/g, '""')}"`,
      lowered: typed.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()),
      unplain: UNPLAIN,
    });
    // The transaction-id index holds each order's transaction id once it has one, written in the transaction that
    // records the payment (transaction-search.ts), so the row's own id answers for it.
    const docs = { orders_search: DOC, transaction_search: 'o.transaction_id' };
    for (const [table, doc] of Object.entries(docs)) {
      const ids = `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH @match`;
      const { test, probes } = trigramTest(table, doc, typed);
      const stream = (direction: string) => `${ids} ORDER BY rowid ${direction} LIMIT @n`;
      parts.push({ ids, stream, streamReadsAll: false, test: `(${test})`, probes });
    }
  } else {
    // The start of a ref or a transaction id, each a range of its own index (as an OR, SQLite walked every order).
    params.low = typed.toUpperCase();
    params.high = `${typed.toUpperCase()}\u{10FFFF}`;
    const ref = `upper(o.ref) >= @low AND upper(o.ref) < @high`;
    const transaction = `o.transaction_id IS NOT NULL AND upper(o.transaction_id) >= @low AND upper(o.transaction_id) < @high`;
    for (const test of [ref, transaction]) {
      const ids = `SELECT o.id FROM orders o WHERE ${test}`;
      const stream = (direction: string) => `${ids} ORDER BY o.id ${direction} LIMIT @n`;
      parts.push({ ids, stream, streamReadsAll: true, test: `(${test})`, probes: false });
    }
  }
  const amount = parseAmount(typed);
  if (amount.ok) {
    params.amount = amount.minor;
    // Every order's profile is a row of profiles, so the IN only lets the (profile_id, amount_minor) index answer.
    const ids = `SELECT o.id FROM orders o WHERE o.profile_id IN (SELECT id FROM profiles) AND o.amount_minor = @amount`;
    const stream = (direction: string) => `${ids} ORDER BY o.id ${direction} LIMIT @n`;
    parts.push({ ids, stream, streamReadsAll: false, test: 'o.amount_minor = @amount', probes: false });
  }
  return { parts, params };
}

/** Every match of the search as one SELECT of ids. */
export const unionOf = (search: Search) => search.parts.map((part) => part.ids).join(' UNION ');
