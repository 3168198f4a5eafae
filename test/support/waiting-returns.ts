// What a counter's screen is told of its local journal (the waitingReturnsChanged events): every count it was told,
// the deepest the journal went, and a wait for it to be empty again.
import type { PaydeskCore } from '../../electron/core/paydesk-core';

export type WaitingReturns = {
  /** Every count announced, in order. */
  readonly told: readonly number[];
  deepest(): number;
  /** The last count announced (0 before any). */
  current(): number;
  /** When the count was last announced as 0 (Date.now()), or null. */
  emptiedAt(): number | null;
  /** Resolves once the count announced is 0 (at once when it is); rejects after `timeoutMs`. */
  drained(timeoutMs?: number): Promise<void>;
};

export function watchWaitingReturns(core: Pick<PaydeskCore, 'events'>, t: { after(fn: () => unknown): void }): WaitingReturns {
  const told: number[] = [];
  const waiters = new Set<() => void>();
  let emptiedAt: number | null = null;
  const stop = core.events.on('waitingReturnsChanged', ({ waiting }) => {
    told.push(waiting);
    if (waiting !== 0) return;
    emptiedAt = Date.now();
    for (const waiter of waiters) waiter();
  });
  t.after(stop);
  const current = () => told.at(-1) ?? 0;
  return {
    told,
    deepest: () => Math.max(0, ...told),
    current,
    emptiedAt: () => emptiedAt,
    drained(timeoutMs = 60_000) {
      if (current() === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(done);
          reject(new Error(`the journal still held ${current()} returns after ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        waiters.add(done);
      });
    },
  };
}
