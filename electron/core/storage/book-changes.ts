// Order changes other PayDesks commit to a shared order book (PostgreSQL's LISTEN/NOTIFY), so every counter shows
// every order as it changes. A book only one process writes has none (SQLite: `OrderBook.changes` is null).
import type { StoredOrder } from './orders-repo';

export type BookChangeListener = {
  /** An order another PayDesk changed, read after that change committed; `paid` when the change made it paid. */
  changed(order: StoredOrder, paid: boolean): void;
  /**
   * Changes may have been missed one by one (this PayDesk was away from the book longer than its catch-up reaches,
   * or one write touched more orders than a notification names): whatever shows orders should read them again.
   */
  resynced(): void;
  /** Notifications that were not a book's own (a role that may connect may send any), ignored: told at most once a while. */
  ignored(count: number, sample: string): void;
};

export interface BookChanges {
  /** Starts hearing changes (a connection of its own, re-subscribed after it is lost); resolves to a stop. */
  watch(listener: BookChangeListener): Promise<() => Promise<void>>;
}
