// What is one counter's, not the shop's: before a book knew counters, these were the shop's settings. The first counter
// that starts on such a book (a SQLite book from before, or a PostgreSQL book copied from one) claims them, so nothing
// the shop set is lost; every counter after keeps its own from the start.
import { tunnelKey } from '../listener/tunnel';
import { RUNNING_LISTENER } from '../runtime';
import { WEAK_ACCEPTED } from '../setup/api-key-vault';
import { KEEP_RUNNING_EXPLAINED, returnCheckedKey } from '../setup/setup-service';
import type { OrderBook } from '../storage/order-book';
import { ACTIVE_PROFILE } from '../storage/profile-rows';

/** Moves the old shared rows of per-counter settings to this counter's own, in one transaction; the keys it moved. */
export async function claimSharedSettings(book: Pick<OrderBook, 'counters' | 'profiles'>, counterId: string): Promise<string[]> {
  const perProfile = (await book.profiles.list({ includeRemoved: true })).flatMap((profile) => [
    tunnelKey(profile.id),
    returnCheckedKey(profile.id),
  ]);
  return book.counters.claimShared(counterId, [ACTIVE_PROFILE, RUNNING_LISTENER, WEAK_ACCEPTED, KEEP_RUNNING_EXPLAINED, ...perProfile]);
}
