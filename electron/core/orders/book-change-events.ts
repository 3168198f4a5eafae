// What other PayDesks change in a shared order book (storage/book-changes.ts), announced as this PayDesk announces its
// own changes (orders-service.ts): every change as orderChanged (the list, the customer view), a payment a customer's
// return brought as orderPaid (the toast, the chime, the notification), and changes missed one by one as
// ordersResynced (whatever shows orders reads them again).
import type { CoreEvents } from '../core-events';
import type { EventBus } from '../event-bus';
import type { Log } from '../log/log';
import type { BookChangeListener } from '../storage/book-changes';
import { toPublicOrder } from './public-order';

/** Orders remembered as announced paid: far more than a day's payments between two reads of the same order. */
const ANNOUNCED_PAID_MAX = 2_000;

export function bookChangeEvents(events: EventBus<CoreEvents>, log: Log): BookChangeListener {
  // Every payment this process announced, whoever wrote it (its own listener, its journal's replay, another counter):
  // the book may tell of one again (a catch-up reading what this PayDesk wrote while its connection was away, or
  // overlapping what it heard), and a customer pays once, so the till rings once.
  const announcedPaid = new Set<string>();
  events.on('orderPaid', ({ ref }) => {
    announcedPaid.add(ref);
    if (announcedPaid.size > ANNOUNCED_PAID_MAX) announcedPaid.delete(announcedPaid.values().next().value!);
  });
  return {
    changed(stored, paid) {
      const order = toPublicOrder(stored);
      events.emit('orderChanged', order);
      // recordReturn's moment at the counter whose listener took the return; a hand payment or a statement is not one.
      if (paid && order.paymentProof === 'return' && !order.paidManually && !announcedPaid.has(order.ref)) events.emit('orderPaid', order);
    },
    resynced: () => events.emit('ordersResynced', {}),
    ignored: (count, sample) =>
      log.warn(
        'book_notice_ignored',
        `${count} notification(s) on the order book's channel were not PayDesk's and were ignored: ${sample}`,
      ),
  };
}
