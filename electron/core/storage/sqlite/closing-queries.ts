// The figures of a day's close, in two short reads. Money paid on the day is found by when it was paid, local
// time as the dashboard counts it: a range of the (profile, verification, paid_at) index, which holds every paid
// order, so the walk touches only the day's payments whatever the size of the book. Links made on the day are
// read from the per-day counters the triggers keep (order_counts), so they cost one row per status; those know no
// counters (tills), so one counter's links are counted from its own index (counter, created_at) instead.
import { VERIFICATIONS, type OrderStatus } from '../../../../shared/contract';
import type { ClosingQueries, PaidGroup, Tally } from '../closing-queries';
import { addDays, localDayStart } from '../local-days';
import type { SqliteConnection } from './connection';

/** A statement line settled by hand is a gateway payment proved by the line; an old payment with no proof came back. */
const WAY = `CASE WHEN payment_source = 'manual' THEN 'by_hand' WHEN payment_proof = 'counter' THEN 'counter'
  WHEN payment_proof = 'statement' THEN 'statement' ELSE 'return' END`;

type Range = { profileId: number; from: string; until: string };

export function createClosingQueries({ db, run }: SqliteConnection): ClosingQueries {
  // Naming every verification lets the planner walk the partial index as a few ranges of paid_at.
  const paidSql = (counter: string) =>
    `SELECT ${WAY} AS way, verification, counter_id AS counterId, count(*) AS count, sum(amount_minor) AS sumMinor
     FROM orders INDEXED BY orders_profile_verification_paid
     WHERE profile_id = @profileId AND verification IN (${VERIFICATIONS.map((v) => `'${v}'`).join(', ')})
       AND paid_at >= @from AND paid_at < @until AND status = 'paid' ${counter}
     GROUP BY way, verification, counter_id ORDER BY way, verification, counter_id`;
  const paid = db.prepare<Range, PaidGroup>(paidSql(''));
  const paidAt = db.prepare<Range & { counterId: string }, PaidGroup>(paidSql('AND counter_id = @counterId'));
  const made = db.prepare<{ profileId: number; day: string }, Tally & { status: OrderStatus }>(
    `SELECT status, orders AS count, amount_minor AS sumMinor FROM order_counts
     WHERE profile_id = @profileId AND day = @day AND orders > 0 ORDER BY status`,
  );
  const madeAt = db.prepare<Range & { counterId: string }, Tally & { status: OrderStatus }>(
    `SELECT status, count(*) AS count, sum(amount_minor) AS sumMinor FROM orders
     WHERE counter_id = @counterId AND created_at >= @from AND created_at < @until AND profile_id = @profileId
     GROUP BY status ORDER BY status`,
  );
  return {
    day(profileId, day, counterId) {
      const range = { profileId, from: localDayStart(day), until: localDayStart(addDays(day, 1)) };
      return run(() =>
        counterId === undefined
          ? { paid: paid.all(range), made: made.all({ profileId, day }) }
          : { paid: paidAt.all({ ...range, counterId }), made: madeAt.all({ ...range, counterId }) },
      );
    },
  };
}
