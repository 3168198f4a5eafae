// The shared order book's server could not be reached (refused, timed out, dropped, shutting down): not a refusal of
// what was asked, so it is worth trying again, and a return that meets it is journaled rather than refused.
import type { Engine } from './order-book';

export class OrderBookUnreachable extends Error {
  constructor(
    readonly engine: Engine,
    override readonly cause: unknown,
  ) {
    super(`the order book cannot be reached: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
