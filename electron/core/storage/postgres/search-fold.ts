// How search folds letters on PostgreSQL, as SQLite's trigram index folds them: lower(), then the letters whose case
// folding is not their lower case (long s, final sigma, the Greek symbol forms, the micro sign, iota subscript), which
// SQLite's tokenizer folds and lower() keeps. translate() is immutable, so the generated search_doc can use it.
const FROM = '\u00b5\u017f\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe';
const TO = '\u03bc\u0073\u03b9\u03c3\u03b2\u03b8\u03c6\u03c0\u03ba\u03c1\u03b5\u1e61\u03b9';

/** `sql`, folded for search. */
export const foldSql = (sql: string) => `translate(lower(${sql}), '${FROM}', '${TO}')`;
