// What the screen turned to the customer shows, and when it changes: the shop while nothing is on the counter,
// the link this counter just made (amount and QR address), then PAID with the amount and the transaction id for
// a few seconds, and back to the shop. It follows one order only, the last link made here, so nothing about any
// other order (nor a total, nor a name) can reach the customer's screen.
import type { CustomerDisplay, Order, ShopDetails } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import type { CoreEvents } from '../core-events';
import type { EventBus } from '../event-bus';
import { errorText, type Log } from '../log/log';

/** Long enough for the customer to read PAID and the transaction id from the counter, short enough for the queue. */
export const PAID_HOLD_MS = 10_000;

export type CustomerDisplayService = {
  /** What the customer view shows now. */
  state(): Promise<CustomerDisplay>;
  /**
   * A new link is on its way: the one on show goes, so the next customer never scans the last one's code. Resolves
   * once the customer view has been told (as do `linkMade` and `shopChanged`).
   */
  linkRequested(): Promise<void>;
  /** The link this counter just made: the customer view shows it until it is paid, cancelled or expires. */
  linkMade(order: Order): Promise<void>;
  /** The shop's name, logo or language may have changed: the customer view shows them afresh. Gives back what it was given. */
  shopChanged<T>(result: Promise<T>): Promise<T>;
  close(): void;
};

type Deps = {
  events: Pick<EventBus<CoreEvents>, 'on' | 'emit'>;
  shop: () => Promise<ShopDetails>;
  language: () => Language;
  paidHoldMs?: number;
  /** Where a state that could not be read (the shop's details) is told. */
  log: Pick<Log, 'error'>;
};

type Sale = { kind: 'idle' } | { kind: 'link'; order: Order } | { kind: 'paid'; order: Order };

export function createCustomerDisplay({ events, shop, language, paidHoldMs = PAID_HOLD_MS, log }: Deps): CustomerDisplayService {
  let sale: Sale = { kind: 'idle' };
  let backToIdle: ReturnType<typeof setTimeout> | null = null;

  const state = async (): Promise<CustomerDisplay> => {
    const { name, logoDataUrl } = await shop();
    const on = { shop: { name, logoDataUrl, language: language() } };
    if (sale.kind === 'idle') return { kind: 'idle', ...on };
    const { amountMinor, paymentUrl, transactionId, sandbox } = sale.order;
    if (sale.kind === 'paid') return { kind: 'paid', ...on, amountMinor, transactionId, sandbox };
    return { kind: 'link', ...on, amountMinor, paymentUrl: paymentUrl ?? '', sandbox };
  };

  const show = (next: Sale) => {
    if (backToIdle) clearTimeout(backToIdle);
    backToIdle = null;
    sale = next;
    if (next.kind === 'paid') {
      backToIdle = setTimeout(() => void show({ kind: 'idle' }), paidHoldMs);
      backToIdle.unref?.();
    }
    return shown();
  };
  /** Tells the customer view what it shows now; states read one after another are told in that order. */
  let telling = Promise.resolve();
  const shown = () => {
    const next = state();
    telling = telling
      .then(() => next)
      .then(
        (display) => events.emit('customerDisplay', display),
        (error: unknown) => log.error('customer_view_not_told', `the customer view could not be told what to show: ${errorText(error)}`),
      );
    return telling;
  };

  const stop = events.on('orderChanged', (order) => {
    if (sale.kind !== 'link' || order.ref !== sale.order.ref || order.status === 'pending') return;
    void show(order.status === 'paid' ? { kind: 'paid', order } : { kind: 'idle' });
  });

  return {
    state,
    linkRequested: () => (sale.kind === 'link' ? show({ kind: 'idle' }) : Promise.resolve()),
    linkMade: (order) => (order.status === 'pending' && order.paymentUrl ? show({ kind: 'link', order }) : Promise.resolve()),
    async shopChanged(result) {
      const changed = await result;
      await shown();
      return changed;
    },
    close() {
      stop();
      if (backToIdle) clearTimeout(backToIdle);
    },
  };
}
