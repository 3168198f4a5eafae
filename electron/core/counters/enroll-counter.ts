// A counter's place in its order book: on its first start there it is enrolled under the first free default name, in
// the shop's language ("Counter 1", "কাউন্টার ২", …), and claims what the book kept for the one counter it knew before.
import type { Language } from '../../../shared/messages/catalog';
import { render, say } from '../../../shared/messages/say';
import type { StoredCounter } from '../storage/counters-repo';
import type { OrderBook } from '../storage/order-book';
import { claimSharedSettings } from './claim-settings';

const LANGUAGES: Language[] = ['en', 'bn'];

/**
 * "Counter 1", "Counter 2", … in the language, endless: the counters repository takes the first free one. A number a
 * counter's name has in any language is skipped ("Counter 1" and "কাউন্টার ১" are one name to the shop).
 */
export function* defaultCounterNames(language: Language, taken: string[] = []): Generator<string> {
  const held = new Set(taken.map((name) => name.toLowerCase()));
  for (let count = 1; ; count++) {
    const names = LANGUAGES.map((each) => render(say('counter_default_name', { count }), each));
    if (!names.some((name) => held.has(name.toLowerCase()))) yield render(say('counter_default_name', { count }), language);
  }
}

/** This counter, enrolled if it was not, with the book's old shared per-counter settings claimed. */
export async function enrollCounter(
  book: Pick<OrderBook, 'counters' | 'profiles'>,
  counterId: string,
  language: Language,
): Promise<StoredCounter> {
  const taken = (await book.counters.list()).map((counter) => counter.name);
  const counter = await book.counters.enroll(counterId, defaultCounterNames(language, taken), new Date().toISOString());
  await claimSharedSettings(book, counterId);
  return counter;
}
