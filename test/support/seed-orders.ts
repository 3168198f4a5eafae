// Pending orders whose return links a test knows, written straight into the order book, as the service
// would after the gateway issued a link: the tokens stay with the test, only their hashes are stored.
import { startCore } from '../../electron/core/app';
import type { Db } from '../../electron/core/db/database';
import { createOrdersRepo } from '../../electron/core/db/orders-repo';
import { cancelPath, hashToken, newReturnToken, successPath } from '../../electron/core/return-tokens';

export type SeededOrder = {
  id: number;
  ref: string;
  token: string;
  cancelToken: string;
  /** Path and query of the success link, without a transaction id. */
  successPath: string;
  cancelPath: string;
};

/** Seeds `count` pending orders in one transaction (thousands take well under a second). */
export function seedOrders(db: Db, profileId: number, count: number, amountMinor = 100): SeededOrder[] {
  const orders = createOrdersRepo(db);
  const at = new Date().toISOString();
  const expiresAt = new Date(Date.now() + 24 * 3600_000).toISOString();
  const seed = db.transaction(() =>
    Array.from({ length: count }, () => {
      const token = newReturnToken();
      const cancelToken = newReturnToken();
      const order = orders.createPending(
        { profileId, amountMinor, returnTokenHash: hashToken(token), cancelTokenHash: hashToken(cancelToken), expiresAt },
        at,
      );
      return { id: order.id, ref: order.ref, token, cancelToken, successPath: successPath(token), cancelPath: cancelPath(cancelToken) };
    }),
  );
  return seed();
}

/**
 * Creates the order book in `dataDir` (the sandbox profile, as on a first start) and seeds `count` pending
 * orders in it, for a listener that another process will run over the same folder.
 */
export async function prepareOrderBook(dataDir: string, count: number): Promise<SeededOrder[]> {
  const core = await startCore({ dataDir, keys: { env: {} }, listener: 'elsewhere', startSandbox: false });
  try {
    return seedOrders(core.db, core.profiles.active()!.id, count);
  } finally {
    await core.close();
  }
}
