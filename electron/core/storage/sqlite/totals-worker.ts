// The totals worker's entry: counts what a filter of the orders list matches (order-queries.ts `totals`, the very
// query the main process would run) on a read-only connection of its own to the order book. A broad search's count
// takes up to seconds at a million orders; here it holds only this thread, never the main one where the return
// listener answers customers. The book is in WAL mode, so this connection reads while the main one writes.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { OrderFilter, Totals } from '../order-queries';
import { connect } from './connection';
import { createOrderQueries } from './order-queries';

export type CountJob = { file: string; nativeBinding?: string };
export type CountRequest = { filter: OrderFilter };
/** 'ready' once the book is open; then one answer per request, in order. */
export type CountAnswer = 'ready' | { totals: Totals } | { failed: string };

const job = workerData as CountJob;
const port = parentPort!;
const db = new Database(job.file, {
  readonly: true,
  fileMustExist: true,
  ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
});
// As the main connection (database.ts): wait out a checkpoint rather than fail, and keep the search's pages cached.
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -16384');
const queries = createOrderQueries(connect(db));
const answer = (message: CountAnswer) => port.postMessage(message);

port.on('message', ({ filter }: CountRequest) => {
  queries.totals(filter).then(
    (totals) => answer({ totals }),
    (error: unknown) => answer({ failed: error instanceof Error ? error.message : String(error) }),
  );
});
answer('ready');
