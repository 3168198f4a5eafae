// The desktop notification for a payment that just arrived, worded for the shopkeeper glancing over, and
// whether it may name the customer: a notification on a locked screen is read by whoever passes the counter.
import type { Order, Preferences } from '../../shared/contract';
import { formatTaka } from '../../shared/money';

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

type Words = {
  paid(amount: string): string;
  paidUnverified(amount: string): string;
  sandbox: string;
  from(name: string): string;
  transaction(id: string): string;
  unverified: string;
};

const WORDS: Record<Preferences['language'], Words> = {
  en: {
    paid: (amount) => `Payment received: ${amount}`,
    paidUnverified: (amount) => `Paid, not yet verified: ${amount}`,
    sandbox: ' (sandbox)',
    from: (name) => ` from ${name}`,
    transaction: (id) => ` — transaction ${id}`,
    unverified: 'Verified once a statement shows it.',
  },
  bn: {
    paid: (amount) => `পেমেন্ট পাওয়া গেছে: ${amount}`,
    paidUnverified: (amount) => `পরিশোধিত, এখনও যাচাই হয়নি: ${amount}`,
    sandbox: ' (স্যান্ডবক্স)',
    from: (name) => ` · ${name}`,
    transaction: (id) => ` — লেনদেন ${id}`,
    unverified: 'স্টেটমেন্টে দেখা গেলে যাচাই হবে।',
  },
};

const LOCALES: Record<Preferences['language'], string> = { en: 'en-BD', bn: 'bn-BD' };

/**
 * A gateway's return is the customer's browser saying "paid": a claim until a statement shows the money, so a
 * return not yet verified is worded as such.
 */
export function paidNotification(
  order: Order,
  { language, showName }: { language: Preferences['language']; showName: boolean },
): { title: string; body: string } {
  const words = WORDS[language];
  const amount = formatTaka(order.amountMinor, LOCALES[language]);
  const unverified = !order.paidManually && order.verification === 'unverified';
  const title = `${unverified ? words.paidUnverified(amount) : words.paid(amount)}${order.sandbox ? words.sandbox : ''}`;
  const who = showName && order.customerName ? words.from(order.customerName) : '';
  const transaction = order.transactionId ? words.transaction(order.transactionId) : '';
  return { title, body: `${order.ref}${who}${transaction}${unverified ? `\n${words.unverified}` : ''}` };
}
