// What makes two transaction ids the same payment. To a person (and to the statements of the gateway and the
// wallets) letter case is no part of an id: every place that compares, stores uniquely, searches or matches an
// id uses its key, the id upper-cased. What a key is made of must be plain ASCII letters, digits and . _ -.
// A gateway's return is held to that as it comes: a return with spaces around its id, full-width digits or a
// look-alike letter from another script (Cyrillic А, Greek Ο) is refused at the door. Text a person typed or a
// spreadsheet kept (statements) is folded first: NFKC makes full-width letters and digits ASCII, and
// surrounding spaces go; a look-alike letter stays non-ASCII after folding and is refused, never guessed at.

/**
 * Gateways use short references of letters and digits (e.g. CJH1D2Y4W1), at most with a dash, dot or
 * underscore inside. Anything else is not a proof of payment: markup, quotes and SQL, a leading = + - @ that
 * a spreadsheet runs as a formula, slashes, look-alike letters.
 */
export const TRANSACTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export type TransactionId = {
  /** As shown to people: its case kept as the gateway wrote it. */
  id: string;
  /** The identity: `id` upper-cased. */
  key: string;
};

/** The id and its key, or null when the text is not exactly a transaction id. */
export function canonicalTransactionId(text: string): TransactionId | null {
  return TRANSACTION_ID_PATTERN.test(text) ? { id: text, key: text.toUpperCase() } : null;
}

/** A typed or imported id: full-width forms folded to ASCII and surrounding spaces removed, then judged. */
export const foldTransactionId = (text: string): TransactionId | null => canonicalTransactionId(text.normalize('NFKC').trim());
