// The use-cases. Everything the app, the CLI and the tests do with orders goes through here, so the
// rules (audit, one transaction per change, no retry of a payment request) hold for all of them.
import type { CreateLinkRequest, ListOrdersQuery, Order, Reply } from '../../shared/contract';
import { appError, fail, ok } from './app-error';
import type { EventBus } from './event-bus';
import type { CheckoutClient } from './gateway/checkout-client';
import type { OrdersRepo, StoredOrder } from './db/orders-repo';
import type { ProfilesRepo } from './db/profiles-repo';
import { cancelPath, hashToken, newReturnToken, successPath } from './return-tokens';
import type { SecretStore } from './secrets';

export type CoreEvents = { orderChanged: Order };

/** What is running right now, as opposed to what is configured. */
export type Runtime = {
  /** Origin customers come back to (the listener's, or the profile's public return base). */
  returnBaseUrl: string | null;
  listenerProblem: string | null;
  /** What binding beyond loopback exposes; null on loopback. */
  listenerWarning: string | null;
  sandboxUrl: string | null;
};

export type ServiceDeps = {
  orders: OrdersRepo;
  profiles: ProfilesRepo;
  secrets: SecretStore;
  checkout: CheckoutClient;
  events: EventBus<CoreEvents>;
  runtime: () => Runtime;
  now?: () => string;
};

export type ReturnResult =
  | { kind: 'paid' | 'repeat' | 'conflict' | 'duplicate_transaction'; order: Order }
  | { kind: 'unknown_token' };
export type CancelResult = { kind: 'cancelled' | 'unchanged'; order: Order } | { kind: 'unknown_token' };

export type PaydeskService = ReturnType<typeof createPaydeskService>;

export function toPublicOrder({ id: _id, profileId: _profileId, ...order }: StoredOrder): Order {
  return order;
}

export function createPaydeskService(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date().toISOString());
  const changed = (stored: StoredOrder): Order => {
    const order = toPublicOrder(stored);
    deps.events.emit('orderChanged', order);
    return order;
  };

  return {
    async createPaymentLink(request: CreateLinkRequest): Promise<Reply<Order>> {
      const profile = deps.profiles.active();
      if (!profile) return fail(noProfile());
      const { returnBaseUrl, listenerProblem } = deps.runtime();
      if (!returnBaseUrl) {
        return fail(
          appError(
            'not_configured',
            `PayDesk cannot take payments until its return listener runs: ${listenerProblem ?? 'it is stopped.'}`,
          ),
        );
      }
      const apiKey = await deps.secrets.get(profile);
      if (!apiKey) {
        return fail(
          appError(
            'not_configured',
            `No API key is saved for the profile “${profile.name}”. Add it in Settings, or set PAYDESK_API_KEY for the command line.`,
          ),
        );
      }

      const successToken = newReturnToken();
      const cancelToken = newReturnToken();
      const pending = deps.orders.createPending(
        {
          profileId: profile.id,
          amountMinor: request.amount,
          customerName: request.customerName,
          customerEmail: request.customerEmail,
          note: request.note,
          returnTokenHash: hashToken(successToken),
          cancelTokenHash: hashToken(cancelToken),
        },
        now(),
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
      if (result.ok) return ok(changed(deps.orders.issueLink(pending.id, result.paymentUrl, now())));

      const { kind, message, gatewayMessage, httpStatus } = result.error;
      changed(deps.orders.failLink(pending.id, { kind, message, ...(httpStatus ? { httpStatus } : {}) }, now()));
      return fail(appError(kind, message, { gatewayMessage }));
    },

    /** The active profile's orders, or every profile's when asked: sandbox and live never mix silently. */
    listOrders({ allProfiles, ...query }: Omit<ListOrdersQuery, 'allProfiles'> & { allProfiles?: boolean }): Order[] {
      const profile = allProfiles ? null : deps.profiles.active();
      return deps.orders.list({ ...query, ...(profile ? { profileId: profile.id } : {}) }).map(toPublicOrder);
    },

    findOrder(ref: string): Order | null {
      const order = deps.orders.findByRef(ref);
      return order ? toPublicOrder(order) : null;
    },

    recordReturn(token: string, transactionId: string): ReturnResult {
      const outcome = deps.orders.recordReturn(hashToken(token), transactionId, now());
      if (outcome.kind === 'unknown_token') return outcome;
      const order = outcome.kind === 'repeat' ? toPublicOrder(outcome.order) : changed(outcome.order);
      return { kind: outcome.kind, order };
    },

    recordCancel(token: string): CancelResult {
      const outcome = deps.orders.recordCancel(hashToken(token), now());
      if (outcome.kind === 'unknown_token') return outcome;
      const order = outcome.kind === 'cancelled' ? changed(outcome.order) : toPublicOrder(outcome.order);
      return { kind: outcome.kind, order };
    },

    rejectReturn(token: string, reason: string, detail: Record<string, unknown>): void {
      deps.orders.auditRejectedReturn(hashToken(token), reason, detail, now());
    },
  };
}

function noProfile() {
  return appError('not_configured', 'No merchant profile is set up yet. Add one in Settings, or use the sandbox.');
}
