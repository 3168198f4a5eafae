// Closing the day: the figures of one local day for the active profile, and the same on paper (80 mm roll or
// A4) in the shop's language. The app, the CLI and the tests all read a day's close through here.
import { UNPROVEN, VERIFICATIONS, type ClosingReport, type Reply } from '../../../shared/contract';
import { render, say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import { closingFileName, renderClosingReport } from '../exports/closing-report-html';
import type { ReceiptLayout } from '../exports/receipt-html';
import type { PreferencesStore } from '../setup/preferences';
import type { ShopStore } from '../setup/shop';
import type { ClosingFigures, ClosingQueries, Tally } from '../storage/closing-queries';
import { localDay } from '../storage/local-days';
import type { ProfilesRepo } from '../storage/profiles-repo';

export type ClosingService = ReturnType<typeof createClosingService>;

export function createClosingService(deps: {
  queries: ClosingQueries;
  profiles: ProfilesRepo;
  shop: ShopStore;
  preferences: PreferencesStore;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  /** The close of `day` (today when absent), as the active profile's order book holds it now. */
  const report = async (day?: string): Promise<Reply<ClosingReport>> => {
    const profile = await deps.profiles.active();
    if (!profile) return fail(appError('not_configured', say('no_active_profile')));
    const at = now();
    const closed = day ?? localDay(at);
    return ok({
      day: closed,
      profileName: profile.name,
      sandbox: profile.mode === 'sandbox',
      at: at.toISOString(),
      ...tallied(await deps.queries.day(profile.id, closed)),
    });
  };

  return {
    report,

    /** The close as HTML ready for print, preview or PDF, with the file name and window title it goes by. */
    async document(day: string | undefined, layout: ReceiptLayout): Promise<Reply<{ html: string; fileName: string; title: string }>> {
      const figures = await report(day);
      if (!figures.ok) return figures;
      const { language, clock } = deps.preferences.get();
      return ok({
        html: renderClosingReport({ report: figures.value, shop: await deps.shop.get(), layout, language, clock }),
        fileName: closingFileName(figures.value.day),
        title: render(say('closing_title', { day: figures.value.day }), language),
      });
    },
  };
}

const none = (): Tally => ({ count: 0, sumMinor: 0 });
const add = (into: Tally, tally: Tally) => {
  into.count += tally.count;
  into.sumMinor += tally.sumMinor;
};

/** The query's groups added up into the report's totals. */
function tallied({ paid, made }: ClosingFigures): Omit<ClosingReport, 'day' | 'profileName' | 'sandbox' | 'at'> {
  const totals = {
    paid: none(),
    paidBy: { return: none(), counter: none(), statement: none(), by_hand: none() },
    byVerification: Object.fromEntries(VERIFICATIONS.map((v) => [v, none()])) as ClosingReport['byVerification'],
    notYetVerified: none(),
    made: none(),
    madeByStatus: { paid: none(), pending: none(), cancelled: none(), expired: none(), failed: none() },
  };
  for (const group of paid) {
    add(totals.paid, group);
    add(totals.paidBy[group.way], group);
    add(totals.byVerification[group.verification], group);
    if ((UNPROVEN as readonly string[]).includes(group.verification)) add(totals.notYetVerified, group);
  }
  for (const row of made) {
    add(totals.made, row);
    add(totals.madeByStatus[row.status], row);
  }
  return totals;
}
