// The figures of a day's close, in two short reads. Money paid on the day is found by when it was paid, local
// time as the dashboard counts it: a range of the (profile, verification, paid_at) index, which holds every paid
// order, so the walk touches only the day's payments whatever the size of the book. Links made on the day are
// read from the per-day counters the triggers keep (order_counts), so they cost one row per status.
import { VERIFICATIONS, type OrderStatus } from '../../../../shared/contract';
import type { ClosingQueries, PaidGroup, Tally } from '../closing-queries';
import { addDays, localDayStart } from '../local-days';
import type { SqliteConnection } from './connection';

/** A statement line settled by hand is a gateway payment proved by the line; an old payment with no proof came back. */
const WAY = `CASE WHEN payment_source = 'manual' THEN 'by_hand' WHEN payment_proof = 'counter' THEN 'counter'
  WHEN payment_proof = 'statement' THEN 'statement' ELSE 'return' END`;

export function createClosingQueries({ db, run }: SqliteConnection): ClosingQueries {
  // Naming every verification lets the planner walk the partial index as a few ranges of paid_at.
  const paid = db.prepare<{ profileId: number; from: string; until: string }, PaidGroup>(
    `SELECT ${WAY} AS way, verification, count(*) AS count, sum(amount_minor) AS sumMinor
     FROM orders INDEXED BY orders_profile_verification_paid
     WHERE profile_id = @profileId AND verification IN (${VERIFICATIONS.map((v) => `'${v}'`).join(', ')})
       AND paid_at >= @from AND paid_at < @until AND status = 'paid'
     GROUP BY way, verification`,
  );
  const made = db.prepare<{ profileId: number; day: string }, Tally & { status: OrderStatus }>(
    `SELECT status, orders AS count, amount_minor AS sumMinor FROM order_counts
     WHERE profile_id = @profileId AND day = @day AND orders > 0`,
  );
  return {
    day(profileId, day) {
      const range = { profileId, from: localDayStart(day), until: localDayStart(addDays(day, 1)) };
      return run(() => ({ paid: paid.all(range), made: made.all({ profileId, day }) }));
    },
  };
}
