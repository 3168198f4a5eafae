// The export's CSV lines as PostgreSQL makes them, byte for byte the SQLite engine's (sqlite/order-queries.ts
// csvLine): the columns of CSV_COLUMNS in orders-csv.ts, RFC 4180 quoting, formula starts neutralised with an
// apostrophe, amounts as 150.50, times as local ISO 8601 with the offset (the session's TimeZone, which the export
// sets to the book's), each line ending CRLF.

/** Text a spreadsheet would run as a formula: = + - @ tab or CR at its start. */
const formula = (column: string) => `left(${column}, 1) IN ('=', '+', '-', '@', chr(9), chr(13))`;

/**
 * A CSV cell for text someone typed: empty for NULL, a formula start neutralised with an apostrophe, and quoted when
 * it holds a quote, comma or line break, or was neutralised.
 */
const csvCell = (column: string) => `CASE WHEN ${column} IS NULL THEN ''
  WHEN ${formula(column)} THEN '"' || replace('''' || ${column}, '"', '""') || '"'
  WHEN ${column} ~ '[",\\r\\n]' THEN '"' || replace(${column}, '"', '""') || '"'
  ELSE ${column} END`;

/** 2026-11-25T18:47:03+06:00 in the session's zone; NULL stays NULL. */
const localIso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')`;

/** One line of the export with its CRLF; the columns are CSV_COLUMNS in orders-csv.ts. */
const CSV_LINE = `o.ref || ',' || ${localIso('o.created_at')} || ',' || o.status || ','
  || CASE o.payment_source WHEN 'manual' THEN 'yes' ELSE 'no' END || ','
  || (o.amount_minor / 100)::text || '.' || lpad((o.amount_minor % 100)::text, 2, '0') || ',' || o.currency || ','
  || ${csvCell('o.customer_name')} || ',' || ${csvCell('o.customer_email')} || ',' || ${csvCell('o.note')} || ','
  || ${csvCell('o.transaction_id')} || ',' || coalesce(${localIso('o.paid_at')}, '') || ',' || ${csvCell('p.name')} || ','
  || coalesce(o.verification, '') || ',' || ${csvCell('c.name')} || chr(13) || chr(10)`;

/** The lines of the orders `where` selects, oldest first, one text column each. */
export const csvLinesSql = (where: string) =>
  `SELECT ${CSV_LINE} FROM orders o JOIN profiles p ON p.id = o.profile_id LEFT JOIN counters c ON c.id = o.counter_id ${where}
   ORDER BY o.created_at, o.id`;
