// An order's row as the PostgreSQL engine reads it: the same join and column names as the SQLite engine's, in the
// types order-rows.ts names (the pool's parsers read ids and amounts as numbers, instants as ISO strings).

/**
 * The OrderRow columns of `orders o` joined with `profiles p`: also what an UPDATE … FROM profiles p RETURNS, which is
 * why the counter's name is a subquery (an UPDATE's FROM cannot LEFT JOIN to the row it changes).
 */
export const ORDER_COLUMNS = `o.id, o.ref, o.profile_id, p.name AS profile_name, p.base_url AS profile_base_url,
  o.sandbox::int AS sandbox, o.amount_minor, o.currency, o.customer_name, o.customer_email, o.note, o.status,
  o.payment_source, o.payment_proof, o.payment_url, o.transaction_id, o.transaction_key, o.failure,
  o.created_at, o.expires_at, o.paid_at, o.cancelled_at, o.verification, o.statement_amount_minor,
  (SELECT c.name FROM counters c WHERE c.id = o.counter_id) AS counter_name`;

export const SELECT_ORDERS = `SELECT ${ORDER_COLUMNS} FROM orders o JOIN profiles p ON p.id = o.profile_id`;
