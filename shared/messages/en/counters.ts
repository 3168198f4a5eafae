import type { Phrasebook } from '../catalog';

/** Several counters on one order book: naming this counter, and the shared book when it cannot be reached. */
export const counters = {
  counter_name_empty: () => 'Give this counter a name, for example “Counter 1” or “Front desk”.',
  counter_name_too_long: (p: { max: number }, f) => `A counter’s name can be at most ${f.count(p.max)} characters.`,
  counter_name_taken: (p: { name: string }) => `Another counter is already called “${p.name}”. Give this one another name.`,
  /** The name a counter gets on its first start, the first of these no other counter has; the shop may rename it. */
  counter_default_name: (p: { count: number }, f) => `Counter ${f.count(p.count)}`,
  book_unreachable: () =>
    'The shared order book cannot be reached: the database server or the shop’s network is not answering. Nothing was ' +
    'saved and nothing was sent to the gateway. Try again in a moment; payments customers make now are still recorded.',
} satisfies Phrasebook;
