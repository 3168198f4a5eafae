// The orders list's totals, counted off the main thread by one worker (totals-worker.ts), started when first asked
// and kept for the counts after. One count runs at a time. Of the list's counts asked meanwhile only the newest waits:
// the list only ever shows the totals of its latest query (order-pages.ts), so an older one still waiting is dropped.
// An export's count is never dropped: it waits its turn, ahead of the list's.
import type { Worker } from 'node:worker_threads';
import { CountSuperseded, type TotalsCounter } from '../order-book';
import type { OrderFilter, OrderQueries, Totals } from '../order-queries';
import { startWorker } from '../../worker-thread';
import type { Db } from './database';
import type { CountAnswer, CountJob, CountRequest } from './totals-worker';

/** Far beyond the slowest count at a million orders (about 2 s): a count this slow is stopped, with its thread. */
const TIME_LIMIT_MS = 30_000;
/** The counting happens in SQLite's own memory; the thread's heap holds little more than one search's ids. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

export type SqliteTotalsCounter = TotalsCounter & { close(): Promise<void> };

type Ask = { filter: OrderFilter; resolve(totals: Totals): void; reject(error: Error): void };

type Outcome = Exclude<CountAnswer, 'ready'> | Error;
/** A started worker, and how to settle the count it is running, if any. */
type Thread = { worker: Worker; alive: boolean; owed: ((outcome: Outcome) => void) | null };

export function createTotalsCounter(deps: { db: Db; queries: OrderQueries; nativeBinding?: string }): SqliteTotalsCounter {
  const here = (filter: OrderFilter) => deps.queries.totals(filter);
  // A book in memory has no file a second connection could open.
  if (deps.db.memory) return { latest: here, totals: here, close: async () => {} };
  const job: CountJob = { file: deps.db.name, ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}) };

  let thread: Promise<Thread | null> | null = null;
  let newest: Ask | null = null;
  const kept: Ask[] = [];
  let running = false;
  let closed = false;

  const settle = (started: Thread, outcome: Outcome) => {
    const owed = started.owed;
    started.owed = null;
    owed?.(outcome);
  };

  /** A worker with the book open, or null where none can start. */
  const start = () =>
    new Promise<Thread | null>((resolve) => {
      let told = false;
      // A worker that fails as it starts tells of it twice ('error', then 'exit').
      const cannot = (error: unknown) => {
        if (told) return;
        told = true;
        console.warn('PayDesk: the orders’ totals are counted in the main process:', error instanceof Error ? error.message : error);
        resolve(null);
      };
      let worker: Worker;
      try {
        worker = startWorker('totals-worker', import.meta.url, { workerData: job, resourceLimits: RESOURCE_LIMITS });
      } catch (error) {
        cannot(error);
        return;
      }
      const started: Thread = { worker, alive: false, owed: null };
      let ready = false;
      worker.on('message', (message: CountAnswer) => {
        if (message !== 'ready') return settle(started, message);
        ready = started.alive = true;
        // Idle, the worker keeps no process running (the CLI ends when its command is done).
        worker.unref();
        resolve(started);
      });
      const gone = (error: Error) => {
        if (!ready) return cannot(error);
        started.alive = false;
        settle(started, error);
      };
      worker.on('error', gone);
      worker.on('exit', (code) => gone(new Error(`the totals worker stopped (exit code ${code})`)));
    });

  const count = async (filter: OrderFilter): Promise<Totals> => {
    let started = await (thread ??= start());
    // A worker that stopped after it had started (its time limit, a fault) is replaced for the next count.
    if (started && !started.alive) started = await (thread = start());
    // Where no worker starts (better-sqlite3 will not load in a thread, the book will not open read-only), the count
    // runs here as it did before workers: the listener waits while it runs, but the list still gets its totals.
    if (!started) return here(filter);
    const live = started;
    return new Promise<Totals>((resolve, reject) => {
      const timer = setTimeout(() => {
        live.alive = false;
        settle(live, new Error(`the count took longer than ${TIME_LIMIT_MS / 1000} s`));
        void live.worker.terminate();
      }, TIME_LIMIT_MS);
      live.owed = (outcome) => {
        clearTimeout(timer);
        live.worker.unref();
        if (outcome instanceof Error) reject(outcome);
        else if ('failed' in outcome) reject(new Error(outcome.failed));
        else resolve(outcome.totals);
      };
      live.worker.ref();
      live.worker.postMessage({ filter } satisfies CountRequest);
    });
  };

  const drain = async () => {
    if (running) return;
    running = true;
    try {
      for (let ask = kept.shift() ?? newest; ask; ask = kept.shift() ?? newest) {
        if (ask === newest) newest = null;
        try {
          ask.resolve(await count(ask.filter));
        } catch (error) {
          ask.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    } finally {
      running = false;
    }
  };

  const ask = (filter: OrderFilter, keep: boolean) => {
    if (closed) return Promise.reject(new Error('PayDesk has closed its order book'));
    return new Promise<Totals>((resolve, reject) => {
      if (keep) kept.push({ filter, resolve, reject });
      else {
        newest?.reject(new CountSuperseded());
        newest = { filter, resolve, reject };
      }
      void drain();
    });
  };

  return {
    latest: (filter) => ask(filter, false),
    totals: (filter) => ask(filter, true),
    async close() {
      closed = true;
      for (const waiting of [...kept.splice(0), newest]) waiting?.reject(new Error('PayDesk has closed its order book'));
      newest = null;
      const started = await thread;
      if (started) {
        started.alive = false;
        settle(started, new Error('PayDesk has closed its order book'));
        await started.worker.terminate();
      }
    },
  };
}
