// Text PostgreSQL can keep. SQLite keeps any string; PostgreSQL's text holds no NUL, and its jsonb no NUL and no
// half of a surrogate pair (JSON.stringify writes a lone one as an escape, which jsonb refuses). What a customer's
// browser or a statement file sends may hold either, so each becomes U+FFFD rather than a refused write.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const storableText = (text: string) => text.replace(UNSTORABLE, '\uFFFD');

export const storableNullable = (text: string | null | undefined) => (text == null ? null : storableText(text));

/** JSON for a jsonb column, its strings made storable. */
export const storableJson = (value: unknown) =>
  JSON.stringify(value, (_key, part: unknown) => (typeof part === 'string' ? storableText(part) : part));
