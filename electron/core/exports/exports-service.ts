// Receipts and exports: a receipt for one paid order, a CSV of the list's filter, receipts in bulk.
// One export runs at a time and can be cancelled; its progress goes out as events.
import type { z } from 'zod';
import type { ExportFilter, ReceiptLayout, Reply } from '../../../shared/contract';
import { render, say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import type { TotalsCounter } from '../storage/order-book';
import type { OrderFilter, OrderQueries } from '../storage/order-queries';
import type { OrdersRepo, StoredOrder } from '../storage/orders-repo';
import type { ProfilesRepo } from '../storage/profiles-repo';
import type { EventBus } from '../event-bus';
import type { Platform } from '../platform';
import type { PreferencesStore } from '../setup/preferences';
import { exportReceipts } from './bulk-receipts';
import { writeOrdersCsv } from './orders-csv';
import { receiptFileName, renderReceipt } from './receipt-html';
import type { CoreEvents } from '../core-events';
import { toPublicOrder } from '../orders/public-order';
import type { ShopStore } from '../setup/shop';

type Filter = z.output<typeof ExportFilter>;
type Layout = z.output<typeof ReceiptLayout>;

const BATCH = 5000;

export type ExportsService = ReturnType<typeof createExportsService>;

export function createExportsService(deps: {
  orders: OrdersRepo;
  queries: OrderQueries;
  /** An export's count, made off the main thread: a broad search's takes seconds at a million orders. */
  totals: Pick<TotalsCounter, 'totals'>;
  profiles: ProfilesRepo;
  shop: ShopStore;
  preferences: PreferencesStore;
  events: EventBus<CoreEvents>;
}) {
  let running: AbortController | null = null;

  const scope = async ({ allProfiles, ...filter }: Filter): Promise<OrderFilter> => {
    const profile = allProfiles ? null : await deps.profiles.active();
    return { ...filter, ...(profile ? { profileId: profile.id } : {}) };
  };

  /**
   * How many orders an export will write, for its progress: counted in the worker, or here where the worker fails
   * (its time limit, a fault), as before there was one. Null when the shopkeeper cancels meanwhile.
   */
  const countFor = (filter: OrderFilter, signal?: AbortSignal): Promise<number | null> => {
    const counted = deps.totals.totals(filter).then(
      (totals) => totals.total,
      async () => (await deps.queries.totals(filter)).total,
    );
    if (!signal) return counted;
    return new Promise((resolve, reject) => {
      const cancelled = () => resolve(null);
      if (signal.aborted) return cancelled();
      signal.addEventListener('abort', cancelled, { once: true });
      counted.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancelled));
    });
  };

  const receiptsRefusal = async (filter: Filter) => {
    if (filter.status && filter.status !== 'paid') {
      return appError('invalid_input', say('receipts_paid_only'));
    }
    // Whether any paid order matches is the first row of a page, fast however broad the search; counting them is not.
    const first = await deps.queries.page({
      ...(await scope(filter)),
      status: 'paid',
      sort: 'time',
      direction: 'desc',
      offset: 0,
      limit: 1,
    });
    if (first.length === 0) {
      return appError('invalid_input', say('receipts_none_match'));
    }
    return null;
  };

  return {
    /**
     * Runs one export at a time — its dialog included, so a Cancel pressed while the dialog is still open
     * is kept — with a signal the shopkeeper's Cancel aborts.
     */
    async exclusive<T>(work: (signal: AbortSignal) => Promise<Reply<T>>): Promise<Reply<T>> {
      if (running) return fail(appError('invalid_input', say('export_running')));
      running = new AbortController();
      try {
        return await work(running.signal);
      } finally {
        running = null;
      }
    },

    /** The receipt of a paid order, as HTML ready for print, preview or PDF. */
    async receipt(ref: string, layout: Layout): Promise<Reply<{ html: string; fileName: string; title: string }>> {
      const order = await deps.orders.findByRef(ref);
      if (!order) return fail(appError('not_found', say('order_not_found', { ref })));
      if (order.status !== 'paid') return fail(appError('invalid_input', say('receipt_not_paid', { ref, status: order.status })));
      const { language, clock } = deps.preferences.get();
      const html = renderReceipt({ order: toPublicOrder(order), shop: await deps.shop.get(), layout, language, clock });
      return ok({ html, fileName: receiptFileName(order, 'pdf'), title: render(say('receipt_title', { ref: order.ref }), language) });
    },

    async exportCsv(filter: Filter, file: string, signal?: AbortSignal): Promise<Reply<Finished>> {
      const scoped = await scope(filter);
      const total = await countFor(scoped, signal);
      if (total === null) return ok({ count: 0, cancelled: true });
      const result = await writeOrdersCsv(file, deps.queries.csvChunks(scoped, BATCH), {
        signal,
        onProgress: (done) => deps.events.emit('exportProgress', { kind: 'csv', done, total }),
      });
      if (result.ok) return ok({ count: result.rows, cancelled: false });
      return result.cancelled ? ok({ count: 0, cancelled: true }) : fail(appError('internal', result.message));
    },

    async exportReceipts(
      filter: Filter,
      layout: Layout,
      target: Parameters<typeof exportReceipts>[0]['target'],
      platform: Pick<Platform, 'pdf'>,
      signal?: AbortSignal,
    ): Promise<Reply<Finished>> {
      const refusal = await receiptsRefusal(filter);
      if (refusal) return fail(refusal);
      const scoped: OrderFilter = { ...(await scope(filter)), status: 'paid' };
      const total = await countFor(scoped, signal);
      if (total === null) return ok({ count: 0, cancelled: true });
      const { language, clock } = deps.preferences.get();
      const result = await exportReceipts({
        batches: mapBatches(deps.queries.batches(scoped, BATCH)),
        total,
        shop: await deps.shop.get(),
        layout,
        language,
        clock,
        renderer: platform.pdf,
        target,
        signal,
        onProgress: (done) => deps.events.emit('exportProgress', { kind: 'receipts', done, total }),
      });
      if (result.ok) return ok({ count: result.receipts, cancelled: false });
      return result.cancelled ? ok({ count: 0, cancelled: true }) : fail(appError('internal', result.message));
    },

    /** Why receipts cannot be made for this filter (checked before the dialog), or null. */
    receiptsRefusal(filter: Filter) {
      return receiptsRefusal(filter);
    },

    cancel(): void {
      running?.abort();
    },
  };
}

/** How an export ended: written (with its count) or cancelled by the shopkeeper, leaving nothing. */
export type Finished = { count: number; cancelled: boolean };

async function* mapBatches(batches: AsyncIterable<StoredOrder[]>) {
  for await (const batch of batches) yield batch.map(toPublicOrder);
}
