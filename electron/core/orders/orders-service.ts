// The orders use-cases. Everything the app, the CLI and the tests do with orders goes through here, so the
// rules (audit, one transaction per change, no retry of a payment request) hold for all of them. Its peers
// (reconciliation, exports) are wired beside it by the composition root, and change orders through `writable`
// and `changed`, so their changes are announced the same way.
import type {
  CreateLinkRequest,
  Dashboard,
  ListOrdersQuery,
  Message,
  Order,
  OrderDetail,
  OrderFilterQuery,
  OrderPage,
  OrderTotals,
  Reply,
} from '../../../shared/contract';
import { AsyncLocalStorage } from 'node:async_hooks';
import { say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import type { CoreEvents } from '../core-events';
import type { EventBus } from '../event-bus';
import { toPublicOrder } from './public-order';
import type { CheckoutClient } from '../gateway/checkout-client';
import { localDay } from '../storage/local-days';
import type { TotalsCounter } from '../storage/order-book';
import type { OrderQueries } from '../storage/order-queries';
import { OrderBookUnreachable } from '../storage/order-book-unreachable';
import { formatRef, type CancelOutcome, type OrdersRepo, type ReturnOutcome, type StoredOrder } from '../storage/orders-repo';
import type { ProfilesRepo } from '../storage/profiles-repo';
import { cancelPath, hashToken, newReturnToken, successPath } from './return-tokens';
import type { PreferencesStore } from '../setup/preferences';
import type { SecretStore } from '../setup/secrets';
import { foldTransactionId, type TransactionId } from '../values/transaction-id';

/** What is running right now, as opposed to what is configured. */
export type Runtime = {
  /** Origin customers come back to (the listener's, or the profile's public return base). */
  returnBaseUrl: string | null;
  /** Why the return listener is not running, phrased to stand alone. */
  listenerProblem: Message | null;
  /** What binding beyond loopback exposes; null on loopback. */
  listenerWarning: Message | null;
  sandboxUrl: string | null;
  /** Listeners still answering at addresses PayDesk moved away from, until `until` (ISO). */
  oldListeners: Array<{ url: string; until: string; exposed: boolean }>;
};

export type ServiceDeps = {
  orders: OrdersRepo;
  queries: OrderQueries;
  /** The totals of a filter, counted off the main thread where it can be. */
  totals: Pick<TotalsCounter, 'latest'>;
  preferences: PreferencesStore;
  profiles: ProfilesRepo;
  secrets: SecretStore;
  checkout: CheckoutClient;
  events: EventBus<CoreEvents>;
  runtime: () => Runtime;
  /** This counter (counters/this-counter.ts): every order it makes records it. */
  counterId: string;
  /**
   * Where a link's failure waits when the book cannot take it (the local journal, journal/return-journal.ts): the
   * order is marked failed once the book answers. Absent on a SQLite book, which is never unreachable.
   */
  unwritten?: { linkFailed(orderId: number, at: string): void };
  now?: () => string;
};

export type ReturnResult =
  { kind: 'paid' | 'repeat' | 'identified' | 'conflict' | 'duplicate_transaction'; order: Order } | { kind: 'unknown_token' };
export type CancelResult = { kind: 'cancelled' | 'unchanged'; order: Order } | { kind: 'unknown_token' };

export type OrdersService = ReturnType<typeof createOrdersService>;

export function createOrdersService(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date().toISOString());
  const hours = (h: number) => h * 3600_000;
  // Inside `batch`, events wait for the commit: nothing is announced that could still roll back. Batches of
  // different requests may now be open at once (each waits for the order book in turn), so each async context
  // holds its own batch's events.
  const held = new AsyncLocalStorage<Array<() => void>>();
  /** Batches open now, nested ones included. */
  let batches = 0;
  const announce = <E extends keyof CoreEvents>(name: E, payload: CoreEvents[E]) => {
    const batch = held.getStore();
    if (batch) batch.push(() => deps.events.emit(name, payload));
    else deps.events.emit(name, payload);
  };
  const changed = (stored: StoredOrder): Order => {
    const order = toPublicOrder(stored);
    announce('orderChanged', order);
    return order;
  };

  /** An order the shopkeeper may still act on: orders of a removed profile are read-only. */
  /** The filter for the active profile's orders, or every profile's when asked. */
  const scoped = async <F extends object>(filter: F, allProfiles: boolean | undefined) => {
    const profile = allProfiles ? null : await deps.profiles.active();
    return { ...filter, ...(profile ? { profileId: profile.id } : {}) };
  };

  const writable = async (ref: string): Promise<Reply<StoredOrder>> => {
    const order = await deps.orders.findByRef(ref);
    if (!order) return fail(orderNotFound(ref));
    if ((await deps.profiles.get(order.profileId)).removed) {
      return fail(appError('forbidden', say('order_of_removed_profile', { ref })));
    }
    return ok(order);
  };

  /**
   * `replayed`: a journaled arrival written now. Its repeat is announced all the same: the first write may have
   * committed with its answer lost, and this counter's screens, told of nothing, would show the order as it was before.
   */
  const returned = (outcome: ReturnOutcome, replayed = false): ReturnResult => {
    if (outcome.kind === 'unknown_token') return outcome;
    const order = outcome.kind === 'repeat' && !replayed ? toPublicOrder(outcome.order) : changed(outcome.order);
    if (outcome.kind === 'paid') announce('orderPaid', order);
    return { kind: outcome.kind, order };
  };
  const cancelled = (outcome: CancelOutcome, replayed = false): CancelResult => {
    if (outcome.kind === 'unknown_token') return outcome;
    const order = outcome.kind === 'cancelled' || replayed ? changed(outcome.order) : toPublicOrder(outcome.order);
    return { kind: outcome.kind, order };
  };

  return {
    writable,
    /** Announces a changed order (after the commit, inside `batch`) and gives it back as the page sees it. */
    changed,

    async createPaymentLink(request: CreateLinkRequest): Promise<Reply<Order>> {
      const profile = await deps.profiles.active();
      if (!profile) return fail(noProfile());
      const { returnBaseUrl, listenerProblem } = deps.runtime();
      if (!returnBaseUrl) return fail(appError('not_configured', listenerProblem ?? say('listener_not_started')));
      const apiKey = await deps.secrets.get(profile);
      if (!apiKey) return fail(appError('not_configured', say('api_key_missing', { profile: profile.name, variable: 'PAYDESK_API_KEY' })));

      const successToken = newReturnToken();
      const cancelToken = newReturnToken();
      const createdAt = now();
      const pending = await deps.orders.createPending(
        {
          profileId: profile.id,
          counterId: deps.counterId,
          amountMinor: request.amount,
          customerName: request.customerName,
          customerEmail: request.customerEmail,
          note: request.note,
          returnTokenHash: hashToken(successToken),
          cancelTokenHash: hashToken(cancelToken),
          expiresAt: new Date(Date.parse(createdAt) + hours(deps.preferences.get().linkExpiryHours)).toISOString(),
        },
        createdAt,
      );
      changed(pending);

      const base = returnBaseUrl.replace(/\/+$/, '');
      const result = await deps.checkout.createCheckout(
        { baseUrl: profile.baseUrl, apiKey },
        {
          amountMinor: pending.amountMinor,
          customerName: request.customerName,
          customerEmail: request.customerEmail,
          successUrl: base + successPath(successToken),
          cancelUrl: base + cancelPath(cancelToken),
          orderRef: pending.ref,
        },
      );
      // The gateway has answered; should the book be unreachable now, the order must not be left looking like a link
      // to hand out: it is marked failed once the book answers again, and the shopkeeper is told what happened.
      const unwritten = (error: unknown) => {
        if (!(error instanceof OrderBookUnreachable)) throw error;
        deps.unwritten?.linkFailed(pending.id, now());
      };
      if (result.ok) {
        try {
          return ok(changed(await deps.orders.issueLink(pending.id, result.paymentUrl, base, now())));
        } catch (error) {
          unwritten(error);
          return fail(appError('network', say('link_not_saved', { ref: pending.ref })));
        }
      }

      const { kind, message, gatewayMessage, httpStatus } = result.error;
      try {
        changed(await deps.orders.failLink(pending.id, { kind, message, ...(httpStatus ? { httpStatus } : {}) }, now()));
      } catch (error) {
        unwritten(error);
      }
      return fail(appError(kind, message, { gatewayMessage }));
    },

    /**
     * A window of the active profile's orders (or every profile's, when asked), with the filter's totals unless
     * `totals` is false. One row more than asked for is read, to tell whether more follow.
     */
    async listOrders({ allProfiles, sort, direction, offset, limit, totals, ...filter }: Partial<ListOrdersQuery>): Promise<OrderPage> {
      const shown = limit ?? 200;
      const query = {
        ...(await scoped(filter, allProfiles)),
        sort: sort ?? 'time',
        direction: direction ?? 'desc',
        offset: offset ?? 0,
        limit: shown + 1,
      };
      const listed = totals === false ? { orders: await deps.queries.page(query), totals: null } : await deps.queries.list(query);
      return {
        orders: listed.orders.slice(0, shown).map(toPublicOrder),
        hasMore: listed.orders.length > shown,
        total: listed.totals?.total ?? null,
        paidCount: listed.totals?.paidCount ?? null,
        paidSumMinor: listed.totals?.paidSumMinor ?? null,
      };
    },

    /**
     * The totals of every order the filter matches: a broad search's take longer than its page, so they are counted
     * by the order book's counter (on SQLite, a worker thread), never holding the return listener.
     */
    async countOrders({ allProfiles, ...filter }: Partial<OrderFilterQuery>): Promise<OrderTotals> {
      return deps.totals.latest(await scoped(filter, allProfiles));
    },

    async getOrder(ref: string): Promise<Reply<OrderDetail>> {
      const order = await deps.orders.findByRef(ref);
      if (!order) return fail(orderNotFound(ref));
      const timeline = (await deps.orders.events(order.id)).map((event) => ({
        kind: event.kind,
        at: event.at,
        message: event.message,
        detail: Object.fromEntries(
          Object.entries(event.detail ?? {}).map(([key, value]) => [
            key,
            value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as string) : JSON.stringify(value),
          ]),
        ),
      }));
      return ok({ order: toPublicOrder(order), timeline });
    },

    async cancelOrder(ref: string): Promise<Reply<Order>> {
      const order = await writable(ref);
      if (!order.ok) return order;
      const cancelled = await deps.orders.cancelByShopkeeper(order.value.id, now());
      if (!cancelled) return fail(appError('invalid_input', say('cancel_not_pending', { ref, status: order.value.status })));
      return ok(changed(cancelled));
    },

    async markPaidManually(ref: string, reason: string): Promise<Reply<Order>> {
      const order = await writable(ref);
      if (!order.ok) return order;
      const paid = await deps.orders.markPaidManually(order.value.id, reason, now());
      if (!paid) return fail(appError('invalid_input', say('order_already_paid', { ref })));
      return ok(changed(paid));
    },

    async claimAtCounter(ref: string, typed: string): Promise<Reply<Order>> {
      const order = await writable(ref);
      if (!order.ok) return order;
      const transactionId = foldTransactionId(typed);
      if (!transactionId) return fail(appError('invalid_input', say('transaction_id_invalid'), { field: 'transactionId' }));
      const claim = await deps.orders.claimAtCounter(order.value.id, transactionId, now());
      switch (claim.kind) {
        case 'paid':
          return ok(changed(claim.order));
        case 'held':
          return fail(
            appError('invalid_input', say('transaction_pays_other_order', { transactionId: transactionId.id, ref: claim.ref }), {
              field: 'transactionId',
            }),
          );
        case 'already_paid':
          return fail(appError('invalid_input', say('order_already_paid', { ref })));
      }
    },

    async dashboard(): Promise<Reply<Dashboard>> {
      const profile = await deps.profiles.active();
      if (!profile) return fail(noProfile());
      return ok(await deps.queries.dashboard(profile.id, localDay(new Date(now()))));
    },

    /** Turns pending links past their time into expired ones; returns how many. */
    async expireDue(): Promise<number> {
      const expired = await deps.orders.expireDue(now(), 500);
      expired.forEach(changed);
      return expired.length;
    },

    async findOrder(ref: string): Promise<Order | null> {
      const order = await deps.orders.findByRef(ref);
      return order ? toPublicOrder(order) : null;
    },

    async recordReturn(token: string, transactionId: TransactionId): Promise<ReturnResult> {
      return returned(await deps.orders.recordReturn(hashToken(token), transactionId, now()));
    },

    async recordCancel(token: string): Promise<CancelResult> {
      return cancelled(await deps.orders.recordCancel(hashToken(token), now()));
    },

    /**
     * A return the journal kept while the book could not be reached (its token as the book keeps it, hashed), recorded
     * as it would have been when it arrived, at `at`: a repeat changes nothing (it is announced all the same), a conflict
     * is audited like any other.
     */
    async replayReturn(tokenHash: string, transactionId: TransactionId, at: string): Promise<ReturnResult> {
      return returned(await deps.orders.recordReturn(tokenHash, transactionId, at), true);
    },

    async replayCancel(tokenHash: string, at: string): Promise<CancelResult> {
      return cancelled(await deps.orders.recordCancel(tokenHash, at), true);
    },

    /** A link the book was not told of (see createPaymentLink) is marked failed, unless it has moved on; whether it was. */
    async replayLinkFailure(orderId: number, at: string): Promise<boolean> {
      const order = await deps.orders.findByRef(formatRef(orderId));
      if (order?.status !== 'pending') return false;
      changed(await deps.orders.failLink(orderId, { kind: 'network', message: say('link_never_handed_out') }, at));
      return true;
    },

    /**
     * Runs several use-cases as one transaction (one disk commit for a burst of returns) and announces
     * their events once it has committed.
     */
    async batch<T>(work: () => Promise<T>): Promise<T> {
      const outer = held.getStore();
      const mine: Array<() => void> = [];
      let result: T;
      batches++;
      try {
        // Nested inside another batch this is a savepoint: it can fail alone, with its events dropped.
        result = await held.run(mine, () => deps.orders.atomically(work));
      } finally {
        // As the SQLite connection does (connection.ts): the hooks of an enabled AsyncLocalStorage cost every request.
        if (--batches === 0) held.disable();
      }
      if (outer) outer.push(...mine);
      else for (const emit of mine) emit();
      return result;
    },

    rejectReturn(token: string, reason: string, detail: Record<string, unknown>): Promise<void> {
      return deps.orders.auditRejectedReturn(hashToken(token), reason, detail, now());
    },
  };
}

function orderNotFound(ref: string) {
  return appError('not_found', say('order_not_found', { ref }));
}

function noProfile() {
  return appError('not_configured', say('no_profile_yet'));
}
