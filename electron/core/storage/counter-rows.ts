// What both engines' counters repositories share: the order counters are listed in, and how a new counter's name is
// picked from the names offered.
import type { StoredCounter } from './counters-repo';

/** A counter starting at the same moment as others may lose a name to each of them: it tries this many before it gives up. */
export const ENROLL_ATTEMPTS = 20;
/** Names offered are looked at up to this many (the offer may be endless: "Counter 1", "Counter 2", …). */
const NAMES_LOOKED_AT = 10_000;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** By name as a person reads a list, letter case aside and numbers by value ("Counter 2" before "Counter 10"), on either engine. */
export const byName = (counters: StoredCounter[]): StoredCounter[] =>
  [...counters].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));

/** The next of the names offered that none of `taken` has (letter case aside); null when the offer ran out. */
export function nextFreeName(names: Iterator<string>, taken: Iterable<string>): string | null {
  const held = new Set([...taken].map((name) => name.toLowerCase()));
  for (let looked = 0; looked < NAMES_LOOKED_AT; looked++) {
    const next = names.next();
    if (next.done) return null;
    if (!held.has(next.value.toLowerCase())) return next.value;
  }
  return null;
}

export const noFreeName = (id: string) => new Error(`Counter ${id} found no free name to enroll under.`);
