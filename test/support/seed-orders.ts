// Pending orders whose return links a test knows, written straight into the order book, as the service
// would after the gateway issued a link: the tokens stay with the test, only their hashes are stored.
import type { Order } from '../../shared/contract';
import type { NewOrder, OrdersRepo } from '../../electron/core/storage/orders-repo';
import { startCore, type PaydeskCore } from '../../electron/core/paydesk-core';
import type { Db } from '../../electron/core/storage/sqlite/database';
import { createOrderWrites, type OrderWrites } from '../../electron/core/storage/sqlite/orders-repo';
import { cancelPath, hashToken, newReturnToken, successPath } from '../../electron/core/orders/return-tokens';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { sqliteOf } from './sqlite-book';

export type SeededOrder = {
  id: number;
  ref: string;
  token: string;
  cancelToken: string;
  /** Path and query of the success link, without a transaction id. */
  successPath: string;
  cancelPath: string;
};

/**
 * Seeds `count` pending orders in one transaction (thousands take well under a second), through the SQLite orders
 * repository's own synchronous writes.
 */
export function seedOrders(db: Db, profileId: number, count: number, amountMinor = 100): SeededOrder[] {
  const orders = createOrderWrites(db);
  const counterId = bookCounter(db);
  const at = new Date().toISOString();
  const expiresAt = new Date(Date.now() + 24 * 3600_000).toISOString();
  const seed = db.transaction(() =>
    Array.from({ length: count }, () => {
      const token = newReturnToken();
      const cancelToken = newReturnToken();
      const order = orders.createPending(
        { profileId, counterId, amountMinor, returnTokenHash: hashToken(token), cancelTokenHash: hashToken(cancelToken), expiresAt },
        at,
      );
      return { id: order.id, ref: order.ref, token, cancelToken, successPath: successPath(token), cancelPath: cancelPath(cancelToken) };
    }),
  );
  return seed();
}

/** The counter a test's SQLite book was started by (a core enrolls its own before anything else). */
function bookCounter(db: Db): string {
  const counter = db.prepare(`SELECT id FROM counters ORDER BY created_at LIMIT 1`).get() as { id: string } | undefined;
  if (!counter) throw new Error('Seed a book a core has started: it has no counter yet.');
  return counter.id;
}

/** The same through the book's own repository, on either engine (SQLite: the fast synchronous way above). */
export async function seedBookOrders(
  core: Pick<PaydeskCore, 'book' | 'profiles' | 'counterId'>,
  count: number,
  amountMinor = 100,
): Promise<SeededOrder[]> {
  const profileId = (await core.profiles.active())!.id;
  if (core.book.engine === 'sqlite') return seedOrders(sqliteOf(core.book), profileId, count, amountMinor);
  const orders = core.book.orders;
  const at = new Date().toISOString();
  const expiresAt = new Date(Date.now() + 24 * 3600_000).toISOString();
  return orders.atomically(async () => {
    const seeded: SeededOrder[] = [];
    for (let i = 0; i < count; i++) {
      const token = newReturnToken();
      const cancelToken = newReturnToken();
      const order = await orders.createPending(
        {
          profileId,
          counterId: core.counterId,
          amountMinor,
          returnTokenHash: hashToken(token),
          cancelTokenHash: hashToken(cancelToken),
          expiresAt,
        },
        at,
      );
      seeded.push({
        id: order.id,
        ref: order.ref,
        token,
        cancelToken,
        successPath: successPath(token),
        cancelPath: cancelPath(cancelToken),
      });
    }
    return seeded;
  });
}

/**
 * Creates the order book in `dataDir` (the sandbox profile, as on a first start) and seeds `count` pending
 * orders in it, for a listener that another process will run over the same folder.
 */
export async function prepareOrderBook(dataDir: string, count: number): Promise<SeededOrder[]> {
  const core = await startCore({ dataDir, keys: { env: {} }, listener: 'elsewhere', startSandbox: false });
  try {
    return seedOrders(sqliteOf(core.book), (await core.profiles.active())!.id, count);
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
export async function seedOrderRows(
  core: Pick<PaydeskCore, 'book' | 'profiles' | 'service' | 'counterId'>,
  rows: OrderSeed[],
): Promise<Array<{ order: Order; token: string }>> {
  const profileId = (await core.profiles.active())!.id;
  const seeds = rows.map((row, i) => {
    const token = newReturnToken();
    const at = row.at ?? new Date(Date.now() - (rows.length - i) * 60_000);
    const order: NewOrder = {
      profileId,
      counterId: core.counterId,
      amountMinor: row.amountMinor,
      customerName: row.name,
      customerEmail: row.email,
      note: row.note,
      returnTokenHash: hashToken(token),
      cancelTokenHash: hashToken(newReturnToken()),
      expiresAt: new Date(at.getTime() + (row.expiresInHours ?? 24) * 3600_000).toISOString(),
    };
    return { row, token, at, order, settled: (row.settledAt ?? paidAt(at)).toISOString() };
  });
  let written: Array<{ ref: string; token: string }>;
  if (core.book.engine === 'sqlite') {
    const db = sqliteOf(core.book);
    const orders = createOrderWrites(db);
    written = db.transaction(() =>
      seeds.map((seed) => {
        const created = orders.createPending(seed.order, seed.at.toISOString());
        settle(orders, seed, created.id);
        return { ref: created.ref, token: seed.token };
      }),
    )();
  } else {
    const orders = core.book.orders;
    written = await orders.atomically(async () => {
      const refs: Array<{ ref: string; token: string }> = [];
      for (const seed of seeds) {
        const created = await orders.createPending(seed.order, seed.at.toISOString());
        await settle(orders, seed, created.id);
        refs.push({ ref: created.ref, token: seed.token });
      }
      return refs;
    });
  }
  return Promise.all(written.map(async ({ ref, token }) => ({ order: (await core.service.findOrder(ref))!, token })));
}

/**
 * The write that settles a created order as its seed says (none for one left pending): a value from SQLite's
 * synchronous writes, a promise from the repository.
 */
function settle(
  orders: OrderWrites | OrdersRepo,
  { row, token, settled }: { row: OrderSeed; token: string; settled: string },
  id: number,
): unknown {
  if (row.by === 'counter') return orders.claimAtCounter(id, canonicalTransactionId(row.pay!)!, settled);
  if (row.by === 'hand') return orders.markPaidManually(id, 'Paid in cash at the counter', settled);
  if (row.by === 'cancel') return orders.cancelByShopkeeper(id, settled);
  if (row.pay) return orders.recordReturn(hashToken(token), canonicalTransactionId(row.pay)!, settled);
  return null;
}

/** The same, when only the orders matter. */
export const seedOrdersAt = async (
  core: Pick<PaydeskCore, 'book' | 'profiles' | 'service' | 'counterId'>,
  rows: OrderSeed[],
): Promise<Order[]> => (await seedOrderRows(core, rows)).map(({ order }) => order);
