// What PayDesk's tray icon (the Dock's menu on macOS) shows while it runs: how many payment links customers may still
// come back from, the newest few by ref and amount (what the Payments screen shows at the counter, nothing of the
// customer: the menu opens over whatever else is on the screen), and Open and Quit. Pure: tray.ts builds the menu.
import type { Order, Preferences } from '../../../shared/contract';
import type { OrdersService } from '../../core/orders/orders-service';
import { render, say } from '../../../shared/messages/say';

/** The newest waiting links the menu lists; the rest are counted. */
export const TRAY_NEWEST = 3;

export type PendingLinks = { count: number; newest: ReadonlyArray<Pick<Order, 'ref' | 'amountMinor'>> };

/** Every profile's pending links, the newest first: a return finds its order by its token, whichever profile is in use. */
export async function pendingLinks(orders: Pick<OrdersService, 'listOrders'>): Promise<PendingLinks> {
  const page = await orders.listOrders({ status: 'pending', allProfiles: true, limit: TRAY_NEWEST });
  return { count: page.total ?? page.orders.length, newest: page.orders };
}

export type TrayLine =
  { kind: 'info'; label: string } | { kind: 'separator' } | { kind: 'open'; label: string } | { kind: 'quit'; label: string };

export type TrayContent = { tooltip: string; lines: TrayLine[] };

/**
 * The menu for `pending`, in the shop's language. `withQuit` is false for the Dock, whose menu has its own Quit (which
 * asks all the same).
 */
export function trayContent(pending: PendingLinks, language: Preferences['language'], { withQuit }: { withQuit: boolean }): TrayContent {
  const words = (message: Parameters<typeof render>[0]) => render(message, language);
  const count = words(say('tray_pending_count', { count: pending.count }));
  const shown = pending.newest.slice(0, TRAY_NEWEST);
  const more = pending.count - shown.length;
  const lines: TrayLine[] = [
    { kind: 'info', label: count },
    ...shown.map((order): TrayLine => ({
      kind: 'info',
      label: words(say('tray_pending_link', { ref: order.ref, amountMinor: order.amountMinor })),
    })),
    ...(more > 0 && shown.length > 0 ? [{ kind: 'info', label: words(say('tray_more_pending', { more })) } as const] : []),
    { kind: 'separator' },
    { kind: 'open', label: words(say('tray_open')) },
    ...(withQuit ? [{ kind: 'quit', label: words(say('tray_quit')) } as const] : []),
  ];
  return { tooltip: `PayDesk — ${count}`, lines };
}
