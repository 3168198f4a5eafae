// The figures of a day's close on PostgreSQL, as the SQLite engine reads them (sqlite/closing-report.ts): money paid
// on the day by when it was paid (a range of the (profile, verification, paid_at) index, which holds every paid
// order), and links made on the day from the per-day counters the trigger keeps. The day is the book's.
import { VERIFICATIONS, type OrderStatus } from '../../../../shared/contract';
import type { ClosingQueries, PaidGroup, Tally } from '../closing-queries';
import type { Executor } from './connection';

/** A statement line settled by hand is a gateway payment proved by the line; an old payment with no proof came back. */
const WAY = `CASE WHEN payment_source = 'manual' THEN 'by_hand' WHEN payment_proof = 'counter' THEN 'counter'
  WHEN payment_proof = 'statement' THEN 'statement' ELSE 'return' END`;

const ZONE = `(SELECT time_zone FROM book)`;

export function createClosingQueries(db: Executor): ClosingQueries {
  return {
    async day(profileId, day) {
      const [paid, made] = await Promise.all([
        // Naming every verification lets the planner walk the partial index as a few ranges of paid_at.
        db.query<PaidGroup>(
          `SELECT ${WAY} AS way, verification, count(*) AS count, sum(amount_minor) AS "sumMinor" FROM orders
           WHERE profile_id = $1 AND verification IN (${VERIFICATIONS.map((v) => `'${v}'`).join(', ')})
             AND paid_at >= ($2::date::timestamp AT TIME ZONE ${ZONE}) AND paid_at < (($2::date + 1)::timestamp AT TIME ZONE ${ZONE})
             AND status = 'paid'
           GROUP BY 1, 2 ORDER BY 1, 2`,
          [profileId, day],
        ),
        db.query<Tally & { status: OrderStatus }>(
          `SELECT status, orders AS count, amount_minor AS "sumMinor" FROM order_counts
           WHERE profile_id = $1 AND day = $2::date AND orders > 0 ORDER BY status`,
          [profileId, day],
        ),
      ]);
      return { paid: paid.rows, made: made.rows };
    },
  };
}
