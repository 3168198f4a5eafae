import { useEffect, useState } from 'react';
import type { Verification } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';

/** The verifications "Paid, not yet verified" gathers, as the dashboard lists them. */
export const UNPROVEN = ['unverified', 'amount_mismatch', 'missing'] as const satisfies readonly Verification[];
export type Unproven = (typeof UNPROVEN)[number];

/** Asked in this order, the likeliest first: before any statement every unproven order is simply unverified. */
const ASKED = ['unverified', 'missing'] as const satisfies readonly Unproven[];

/**
 * How many paid orders stand at each unproven verification, so each gets a button to its list. `total` is the
 * dashboard's count of them all, asked again when it changes; the orders list's totals (a page of one order)
 * answer for each verification in turn until the counts add up to it, and the last one is what is left: at most
 * two requests, one where no statement questioned any.
 */
export function useUnverifiedBreakdown(scope: string, total: number): Partial<Record<Unproven, number>> {
  const [counts, setCounts] = useState<Partial<Record<Unproven, number>>>({});

  useEffect(() => {
    let current = true;
    if (total === 0) {
      setCounts({});
      return;
    }
    void (async () => {
      const found: Partial<Record<Unproven, number>> = {};
      let left = total;
      for (const verification of ASKED) {
        if (left === 0) break;
        const reply = await callPaydesk('listOrders', { status: 'paid', verification, limit: 1 });
        if (!current) return;
        // Without one count the rest cannot be worked out; the buttons shown so far stay right.
        if (!reply.ok) break;
        found[verification] = reply.value.total;
        left -= reply.value.total;
      }
      if (left > 0 && ASKED.every((verification) => found[verification] !== undefined)) found.amount_mismatch = left;
      if (current) setCounts(found);
    })();
    return () => {
      current = false;
    };
  }, [scope, total]);

  return counts;
}
