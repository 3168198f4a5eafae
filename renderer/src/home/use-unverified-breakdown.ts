import { useEffect, useState } from 'react';
import type { Verification } from '../../../shared/contract';
import { callPaydesk } from '../paydesk-call';

/** The verifications "Paid, not yet verified" gathers, as the dashboard lists them. */
export const UNPROVEN = ['unverified', 'amount_mismatch', 'missing'] as const satisfies readonly Verification[];
export type Unproven = (typeof UNPROVEN)[number];

/**
 * How many paid orders stand at each unproven verification, so each gets a button to its list. The orders list's
 * own totals answer (a page of one order); `total` is the dashboard's count, asked again when it changes.
 */
export function useUnverifiedBreakdown(scope: string, total: number): Partial<Record<Unproven, number>> {
  const [counts, setCounts] = useState<Partial<Record<Unproven, number>>>({});

  useEffect(() => {
    let current = true;
    if (total === 0) {
      setCounts({});
      return;
    }
    void Promise.all(
      UNPROVEN.map(async (verification) => {
        const reply = await callPaydesk('listOrders', { status: 'paid', verification, limit: 1 });
        return [verification, reply.ok ? reply.value.total : undefined] as const;
      }),
    ).then((entries) => {
      if (current) setCounts(Object.fromEntries(entries.filter(([, n]) => n !== undefined)));
    });
    return () => {
      current = false;
    };
  }, [scope, total]);

  return counts;
}
