// Pending orders whose return links a test knows, written straight into the order book, as the service
// would after the gateway issued a link: the tokens stay with the test, only their hashes are stored.
import type { Order } from '../../shared/contract';
import { startCore, type PaydeskCore } from '../../electron/core/paydesk-core';
import type { Db } from '../../electron/core/storage/sqlite/database';
import { createOrdersRepo } from '../../electron/core/storage/sqlite/orders-repo';
import { cancelPath, hashToken, newReturnToken, successPath } from '../../electron/core/orders/return-tokens';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';

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

export type OrderSeed = {
  amountMinor: number;
  name?: string;
  email?: string;
  note?: string;
  /** When the order was made; by default a minute apart, oldest first, the last a minute ago. */
  at?: Date;
  /** A transaction id: the order is paid by its own return a minute after it was made. */
  pay?: string;
  /** Settled otherwise than by its return: `pay` claimed at the counter, paid by hand, or cancelled by the shopkeeper. */
  by?: 'counter' | 'hand' | 'cancel';
  /** When it was paid or cancelled, if not a minute after it was made. */
  settledAt?: Date;
  expiresInHours?: number;
};

/** When a seeded order with `pay` was paid. */
export const paidAt = (created: Date) => new Date(created.getTime() + 60_000);

/**
 * Orders of the active profile written straight through the repository, as the service would have, in one
 * transaction; each with the token of its success link.
 */
export function seedOrderRows(
  core: Pick<PaydeskCore, 'db' | 'profiles' | 'service'>,
  rows: OrderSeed[],
): Array<{ order: Order; token: string }> {
  const orders = createOrdersRepo(core.db);
  const profileId = core.profiles.active()!.id;
  const write = core.db.transaction(() =>
    rows.map((row, i) => {
      const token = newReturnToken();
      const at = row.at ?? new Date(Date.now() - (rows.length - i) * 60_000);
      const created = orders.createPending(
        {
          profileId,
          amountMinor: row.amountMinor,
          customerName: row.name,
          customerEmail: row.email,
          note: row.note,
          returnTokenHash: hashToken(token),
          cancelTokenHash: hashToken(newReturnToken()),
          expiresAt: new Date(at.getTime() + (row.expiresInHours ?? 24) * 3600_000).toISOString(),
        },
        at.toISOString(),
      );
      const settled = (row.settledAt ?? paidAt(at)).toISOString();
      if (row.by === 'counter') orders.claimAtCounter(created.id, canonicalTransactionId(row.pay!)!, settled);
      else if (row.by === 'hand') orders.markPaidManually(created.id, 'Paid in cash at the counter', settled);
      else if (row.by === 'cancel') orders.cancelByShopkeeper(created.id, settled);
      else if (row.pay) orders.recordReturn(hashToken(token), canonicalTransactionId(row.pay)!, settled);
      return { ref: created.ref, token };
    }),
  );
  return write().map(({ ref, token }) => ({ order: core.service.findOrder(ref)!, token }));
}

/** The same, when only the orders matter. */
export const seedOrdersAt = (core: Pick<PaydeskCore, 'db' | 'profiles' | 'service'>, rows: OrderSeed[]): Order[] =>
  seedOrderRows(core, rows).map(({ order }) => order);
