// Closing the day: the figures of one local day for the active profile, every counter's (till's) or one's, and the
// same on paper (80 mm roll or A4) in the shop's language. The app, the CLI and the tests all read a day's close
// through here.
import { UNPROVEN, VERIFICATIONS, type ClosingReport, type Reply } from '../../../shared/contract';
import { render, say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import { closingFileName, renderClosingReport } from '../exports/closing-report-html';
import type { ReceiptLayout } from '../exports/receipt-html';
import type { PreferencesStore } from '../setup/preferences';
import type { ShopStore } from '../setup/shop';
import type { ClosingFigures, ClosingQueries, Tally } from '../storage/closing-queries';
import type { CountersRepo, StoredCounter } from '../storage/counters-repo';
import { localDay } from '../storage/local-days';
import type { ProfilesRepo } from '../storage/profiles-repo';

export type ClosingService = ReturnType<typeof createClosingService>;

/** Which day's close (today when absent), and of which counter's orders (a counter's id; every counter's when absent). */
export type ClosingAsked = { day?: string | undefined; counter?: string | undefined };

export function createClosingService(deps: {
  queries: ClosingQueries;
  counters: Pick<CountersRepo, 'list'>;
  profiles: ProfilesRepo;
  shop: ShopStore;
  preferences: PreferencesStore;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  /** The close of the day asked, as the active profile's order book holds it now. */
  const report = async ({ day, counter }: ClosingAsked = {}): Promise<Reply<ClosingReport>> => {
    const profile = await deps.profiles.active();
    if (!profile) return fail(appError('not_configured', say('no_active_profile')));
    const at = now();
    const closed = day ?? localDay(at);
    const figures = await deps.queries.day(profile.id, closed, counter);
    // Read after the figures, so every counter they name is in it (counters are never removed).
    const counters = await deps.counters.list();
    const asked = counter === undefined ? null : counters.find((c) => c.id === counter);
    if (asked === undefined) return fail(appError('not_found', say('closing_counter_unknown')));
    return ok({
      day: closed,
      profileName: profile.name,
      sandbox: profile.mode === 'sandbox',
      at: at.toISOString(),
      counterName: asked?.name ?? null,
      ...tallied(figures, asked ? [asked] : counters),
    });
  };

  return {
    report,

    /** The close as HTML ready for print, preview or PDF, with the file name and window title it goes by. */
    async document(asked: ClosingAsked, layout: ReceiptLayout): Promise<Reply<{ html: string; fileName: string; title: string }>> {
      const figures = await report(asked);
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

/** The query's groups added up into the report's totals; `counters` are those the figures are of, by name. */
function tallied(
  { paid, made }: ClosingFigures,
  counters: StoredCounter[],
): Omit<ClosingReport, 'day' | 'profileName' | 'sandbox' | 'at' | 'counterName'> {
  const totals = {
    paid: none(),
    paidBy: { return: none(), counter: none(), statement: none(), by_hand: none() },
    byVerification: Object.fromEntries(VERIFICATIONS.map((v) => [v, none()])) as ClosingReport['byVerification'],
    notYetVerified: none(),
    made: none(),
    madeByStatus: { paid: none(), pending: none(), cancelled: none(), expired: none(), failed: none() },
  };
  const byCounter = new Map<string | null, Tally>(counters.map((c) => [c.id, none()]));
  for (const group of paid) {
    add(totals.paid, group);
    if (!byCounter.has(group.counterId)) byCounter.set(group.counterId, none());
    add(byCounter.get(group.counterId)!, group);
    add(totals.paidBy[group.way], group);
    add(totals.byVerification[group.verification], group);
    if ((UNPROVEN as readonly string[]).includes(group.verification)) add(totals.notYetVerified, group);
  }
  for (const row of made) {
    add(totals.made, row);
    add(totals.madeByStatus[row.status], row);
  }
  const names = new Map(counters.map((c) => [c.id, c.name]));
  // The counters by name (as listed), then the orders from before counters (null).
  const ordered = [...byCounter].sort(([a], [b]) => Number(a === null) - Number(b === null));
  return { ...totals, byCounter: ordered.map(([id, tally]) => ({ counterName: id === null ? null : names.get(id)!, paid: tally })) };
}
