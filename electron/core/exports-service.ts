// Receipts and exports: a receipt for one paid order, a CSV of the list's filter, receipts in bulk.
// One export runs at a time and can be cancelled; its progress goes out as events.
import type { z } from 'zod';
import type { ExportFilter, ReceiptLayout, Reply } from '../../shared/contract';
import { appError, fail, ok } from './app-error';
import type { OrderFilter, OrderQueries } from './db/order-queries';
import type { OrdersRepo } from './db/orders-repo';
import type { ProfilesRepo } from './db/profiles-repo';
import type { EventBus } from './event-bus';
import type { Platform } from './platform';
import type { PreferencesStore } from './preferences';
import { exportReceipts } from './receipts/bulk-receipts';
import { writeOrdersCsv } from './receipts/orders-csv';
import { receiptFileName, renderReceipt } from './receipts/receipt-html';
import { toPublicOrder, type CoreEvents } from './service';
import type { ShopStore } from './shop';

type Filter = z.output<typeof ExportFilter>;
type Layout = z.output<typeof ReceiptLayout>;

const BATCH = 5000;

export type ExportsService = ReturnType<typeof createExportsService>;

export function createExportsService(deps: {
  orders: OrdersRepo;
  queries: OrderQueries;
  profiles: ProfilesRepo;
  shop: ShopStore;
  preferences: PreferencesStore;
  events: EventBus<CoreEvents>;
}) {
  let running: AbortController | null = null;

  const scope = ({ allProfiles, ...filter }: Filter): OrderFilter => {
    const profile = allProfiles ? null : deps.profiles.active();
    return { ...filter, ...(profile ? { profileId: profile.id } : {}) };
  };

  /** Runs one export at a time, with a signal the shopkeeper's Cancel aborts. */
  const exclusive = async <T>(work: (signal: AbortSignal) => Promise<Reply<T>>): Promise<Reply<T>> => {
    if (running) return fail(appError('invalid_input', 'Another export is still running; wait for it or cancel it.'));
    running = new AbortController();
    try {
      return await work(running.signal);
    } finally {
      running = null;
    }
  };

  return {
    /** The receipt of a paid order, as HTML ready for print, preview or PDF. */
    receipt(ref: string, layout: Layout): Reply<{ html: string; fileName: string; title: string }> {
      const order = deps.orders.findByRef(ref);
      if (!order) return fail(appError('not_found', `There is no order ${ref}.`));
      if (order.status !== 'paid') {
        return fail(appError('invalid_input', `Order ${ref} is ${order.status}; receipts are for paid orders.`));
      }
      const html = renderReceipt({
        order: toPublicOrder(order),
        shop: deps.shop.get(),
        layout,
        language: deps.preferences.get().language,
      });
      return ok({ html, fileName: receiptFileName(order, 'pdf'), title: `Receipt ${order.ref}` });
    },

    exportCsv(filter: Filter, file: string): Promise<Reply<{ count: number }>> {
      return exclusive(async (signal) => {
        const scoped = scope(filter);
        const { total } = deps.queries.totals(scoped);
        const result = await writeOrdersCsv(file, deps.queries.csvBatches(scoped, BATCH), {
          signal,
          onProgress: (done) => deps.events.emit('exportProgress', { kind: 'csv', done, total }),
        });
        return result.ok
          ? ok({ count: result.rows })
          : fail(appError(result.cancelled ? 'invalid_input' : 'internal', result.message));
      });
    },

    exportReceipts(
      filter: Filter,
      layout: Layout,
      target: Parameters<typeof exportReceipts>[0]['target'],
      platform: Pick<Platform, 'pdf'>,
    ): Promise<Reply<{ count: number }>> {
      return exclusive(async (signal) => {
        if (filter.status && filter.status !== 'paid') {
          return fail(appError('invalid_input', 'Receipts are for paid orders; choose the Paid filter or no status filter.'));
        }
        const scoped: OrderFilter = { ...scope(filter), status: 'paid' };
        const { total } = deps.queries.totals(scoped);
        if (total === 0) return fail(appError('invalid_input', 'No paid orders match this filter, so there are no receipts to make.'));
        const result = await exportReceipts({
          batches: mapBatches(deps.queries.batches(scoped, BATCH)),
          total,
          shop: deps.shop.get(),
          layout,
          language: deps.preferences.get().language,
          renderer: platform.pdf,
          target,
          signal,
          onProgress: (done) => deps.events.emit('exportProgress', { kind: 'receipts', done, total }),
        });
        return result.ok
          ? ok({ count: result.receipts })
          : fail(appError(result.cancelled ? 'invalid_input' : 'internal', result.message));
      });
    },

    cancel(): void {
      running?.abort();
    },
  };
}

function* mapBatches(batches: Iterable<Parameters<typeof toPublicOrder>[0][]>) {
  for (const batch of batches) yield batch.map(toPublicOrder);
}
