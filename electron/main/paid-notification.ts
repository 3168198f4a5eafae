// The desktop notification for a payment that just arrived, worded for the shopkeeper glancing over, and
// whether it may name the customer: a notification on a locked screen is read by whoever passes the counter.
import type { Order, Preferences } from '../../shared/contract';
import { render, say } from '../../shared/messages/say';

/** What the system says of the screen; 'unknown' where it cannot say (Electron has no lock events on Linux). */
export type ScreenState = 'locked' | 'unlocked' | 'unknown';

/**
 * The screen as PayDesk first sees it: where the system reports locking (macOS, Windows) PayDesk was just
 * started by someone at the unlocked screen; elsewhere it never learns, so it never assumes.
 */
export const initialScreenState = (platform: NodeJS.Platform): ScreenState =>
  platform === 'darwin' || platform === 'win32' ? 'unlocked' : 'unknown';

/** Whether the notification names the customer; a screen that may be locked is treated as locked. */
export function showsCustomerName(setting: Preferences['notificationNames'], screen: ScreenState): boolean {
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return screen === 'unlocked';
}

/**
 * A gateway's return is the customer's browser saying "paid": a claim until a statement shows the money, so a
 * return not yet verified is worded as such.
 */
export function paidNotification(
  order: Order,
  { language, showName }: { language: Preferences['language']; showName: boolean },
): { title: string; body: string } {
  const unverified = !order.paidManually && order.verification === 'unverified';
  const title = say('paid_notification_title', { amountMinor: order.amountMinor, unverified, sandbox: order.sandbox });
  const body = say('paid_notification_body', {
    ref: order.ref,
    customerName: showName ? order.customerName : null,
    transactionId: order.transactionId,
    unverified,
  });
  return { title: render(title, language), body: render(body, language) };
}
