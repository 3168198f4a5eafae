// The figures of a day's close on PostgreSQL, as the SQLite engine reads them (sqlite/closing-queries.ts): money paid
// on the day by when it was paid (a range of the (profile, verification, paid_at) index, which holds every paid
// order), and links made on the day from the per-day counters the trigger keeps, or, for one counter (till), from
// its own index (counter, created_at), since the per-day counters know no counters. The day is the book's.
import { VERIFICATIONS, type OrderStatus } from '../../../../shared/contract';
import type { ClosingQueries, PaidGroup, Tally } from '../closing-queries';
import type { Executor } from './connection';

/** A statement line settled by hand is a gateway payment proved by the line; an old payment with no proof came back. */
const WAY = `CASE WHEN payment_source = 'manual' THEN 'by_hand' WHEN payment_proof = 'counter' THEN 'counter'
  WHEN payment_proof = 'statement' THEN 'statement' ELSE 'return' END`;

const ZONE = `(SELECT time_zone FROM book)`;
/** The day bound as $2, as a range of a column. */
const onTheDay = (column: string) =>
  `${column} >= ($2::date::timestamp AT TIME ZONE ${ZONE}) AND ${column} < (($2::date + 1)::timestamp AT TIME ZONE ${ZONE})`;

export function createClosingQueries(db: Executor): ClosingQueries {
  return {
    async day(profileId, day, counterId) {
      const params = counterId === undefined ? [profileId, day] : [profileId, day, counterId];
      const ofCounter = counterId === undefined ? '' : 'AND counter_id = $3';
      const [paid, made] = await Promise.all([
        // Naming every verification lets the planner walk the partial index as a few ranges of paid_at.
        db.query<PaidGroup>(
          `SELECT ${WAY} AS way, verification, counter_id AS "counterId", count(*) AS count, sum(amount_minor) AS "sumMinor"
           FROM orders
           WHERE profile_id = $1 AND verification IN (${VERIFICATIONS.map((v) => `'${v}'`).join(', ')})
             AND ${onTheDay('paid_at')} AND status = 'paid' ${ofCounter}
           GROUP BY 1, 2, 3 ORDER BY 1, 2, counter_id COLLATE "C" NULLS FIRST`,
          params,
        ),
        counterId === undefined
          ? db.query<Tally & { status: OrderStatus }>(
              `SELECT status, orders AS count, amount_minor AS "sumMinor" FROM order_counts
               WHERE profile_id = $1 AND day = $2::date AND orders > 0 ORDER BY status`,
              params,
            )
          : db.query<Tally & { status: OrderStatus }>(
              `SELECT status, count(*) AS count, sum(amount_minor) AS "sumMinor" FROM orders
               WHERE counter_id = $3 AND ${onTheDay('created_at')} AND profile_id = $1
               GROUP BY status ORDER BY status`,
              params,
            ),
      ]);
      return { paid: paid.rows, made: made.rows };
    },
  };
}
