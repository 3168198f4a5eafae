// The search index of transaction ids (trigram FTS5, schema v3), written by the code that records a payment
// rather than by a trigger. FTS5 writes its pending terms out as a new index segment at every savepoint, and
// a trigger always runs inside one: indexing each payment from a trigger wrote a segment per return, and
// cost more than recording the payment itself. A burst of returns is indexed in one go as its transaction ends.
import type { Db } from './database';

export type TransactionSearch = {
  /** Indexes the order's transaction id now. */
  index(orderId: number): void;
  /** Indexes it when `flush` runs, as the last step of the open transaction. */
  defer(orderId: number): void;
  flush(): void;
  /** The transaction rolled back: forget what was deferred. */
  discard(): void;
};

export function createTransactionSearch(db: Db): TransactionSearch {
  // One statement for them all (each statement opens a savepoint, and so writes out what the one before
  // left pending), read from the rows themselves, so an order whose payment rolled back is never indexed.
  const insert = db.prepare<[string]>(
    `INSERT INTO transaction_search (rowid, transaction_id)
     SELECT id, transaction_id FROM orders WHERE id IN (SELECT value FROM json_each(?)) AND transaction_id IS NOT NULL`,
  );
  const deferred = new Set<number>();
  return {
    index: (orderId) => void insert.run(`[${orderId}]`),
    defer: (orderId) => void deferred.add(orderId),
    flush() {
      if (deferred.size === 0) return;
      insert.run(JSON.stringify([...deferred]));
      deferred.clear();
    },
    discard: () => deferred.clear(),
  };
}
