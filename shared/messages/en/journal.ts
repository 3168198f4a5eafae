// The local journal of what a counter could not write to the shared order book while it was away: links the gateway
// made that the book was never told of.
import type { Phrasebook } from '../catalog';

export const journal = {
  /** The shopkeeper's answer when the gateway made the link but the book could not record it. */
  link_not_saved: (p: { ref: string }) =>
    `The gateway made the link for order ${p.ref}, but the shared order book could not be reached to record it, so PayDesk ` +
    'did not show it: do not give the customer any link for this order. It will be marked failed once the book answers; ' +
    'make a new link in a moment.',
  /** Why such an order failed, as its timeline says it. */
  link_never_handed_out: () => 'The shared order book could not be reached when this link was made, so the link was never handed out.',
} satisfies Phrasebook;
