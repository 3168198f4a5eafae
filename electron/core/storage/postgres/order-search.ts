// What a search box's text matches on PostgreSQL, with the SQLite engine's meaning (sqlite/order-search.ts): the text
// anywhere in an order's typed details (search_doc) or its transaction id, folded alike on both sides (search-fold.ts), as the
// pg_trgm GIN indexes answer a LIKE '%…%'; the start of a ref or a transaction id when the text is too short for
// trigrams (the upper(...) text_pattern_ops indexes); and, when it reads as an amount ("150.50", "৳150", "১৫০.৫০"),
// the orders of exactly that amount, beside the text, never instead of it.
import { parseAmount } from '../../../../shared/money';
import { foldSql } from './search-fold';

/** The trigram index needs three characters. */
const TRIGRAM = 3;

/** Values bound to a statement as $1, $2, …; each `add` names its own. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export type Search = {
  /** The matches as conditions on `o` that the indexes answer (bitmap scans of the GIN and prefix indexes). */
  indexed: string;
  /** The same matches as a test of one order's row, cheapest when walking an index in a page's order. */
  test: string;
};

/** LIKE's wildcards and its escape, escaped. */
const likeEscaped = (sql: string) => `replace(replace(replace(${sql}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/** The search in `text`, its values bound to `params`; null when there is no text. */
export function searchOf(text: string | undefined, params: Params): Search | null {
  const typed = text?.trim();
  if (!typed) return null;
  const indexed: string[] = [];
  const tests: string[] = [];
  if ([...typed].length >= TRIGRAM) {
    // Folded in SQL, so the text and search_doc go through the same lower(); with the value known when the statement
    // is planned, the pattern is a constant the GIN index reads trigrams from.
    const folded = foldSql(params.add(typed));
    const pattern = `('%' || ${likeEscaped(folded)} || '%')`;
    const doc = `o.search_doc LIKE ${pattern}`;
    const transaction = `lower(o.transaction_id) LIKE ${pattern}`;
    indexed.push(doc, transaction);
    // strpos finds the same text as the LIKE, at half its cost per row.
    tests.push(`strpos(o.search_doc, ${folded}) > 0`, `strpos(lower(o.transaction_id), ${folded}) > 0`);
  } else {
    const prefix = params.add(`${typed.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const ref = `upper(o.ref) LIKE ${prefix}`;
    const transaction = `upper(o.transaction_id) LIKE ${prefix}`;
    indexed.push(ref, transaction);
    tests.push(ref, transaction);
  }
  const amount = parseAmount(typed);
  if (amount.ok) {
    const equal = `o.amount_minor = ${params.add(amount.minor)}`;
    indexed.push(equal);
    tests.push(equal);
  }
  return { indexed: `(${indexed.join(' OR ')})`, test: `(${tests.join(' OR ')})` };
}
