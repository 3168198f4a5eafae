// The order changes other PayDesks commit to a PostgreSQL book, heard on a connection of its own: `LISTEN
// paydesk_orders`, raised by the orders_notify trigger (migrations.ts) with the ids changed, the ids that became paid
// and the writer's origin (paydesk.origin, which every connection of a PayDesk sets: postgres-book.ts). The orders
// named are read on the pool after the change committed. A lost connection (a restart, a cut network, noticed by a
// ping when nothing else tells) is opened again with a growing pause, LISTENs again, then reads what changed while it
// was away: LISTEN first, so a change between the two is heard or read, never neither. Any role that may connect may
// also NOTIFY this channel: a payload that is not orders_notify's is ignored, and nothing it says can make this
// connection drop, the pending ids grow without end, or the screens read everything again more than once a while.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { z } from 'zod';
import type { BookChangeListener, BookChanges } from '../book-changes';
import { toOrder, type OrderRow } from '../order-rows';
import type { StoredOrder } from '../orders-repo';
import type { Executor } from './connection';
import { SELECT_ORDERS } from './order-select';

export const CHANGES_CHANNEL = 'paydesk_orders';
/** The listening session's application_name: an operator (or a test) tells it from the pool's sessions. */
export const WATCHER_APPLICATION = 'PayDesk changes';

/** How often the connection is asked whether it is still there: a cut network says nothing until something is sent. */
const PING_MS = 5_000;
/** How long connecting, a LISTEN or a ping may take before the connection counts as lost. */
const ANSWER_MS = 5_000;
/** Reconnects wait 250 ms, doubling to 5 s: never a hot loop, and back within seconds of the server. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;
/**
 * The catch-up reads this much further back than the server's last instant everything was heard: an insert keeps
 * its writer's clock (orders_touched), and a change committed after the connection was lost may have begun before.
 */
const SKEW_MARGIN_MS = 120_000;
/** Orders a catch-up hands on one by one; beyond that, whatever shows orders reads them again. */
const CATCH_UP_LIMIT = 500;
/** Ids one notification names at most: orders_notify's 8000 bytes hold fewer; more says "many". */
const NOTICE_IDS_MAX = 1_000;
/** Ids heard and not yet read; past this, whatever shows orders reads them again instead. */
const PENDING_MAX = 5_000;
/** At most one "read everything again" this often; one asked for sooner comes at the end of the pause. */
const RESYNC_GAP_MS = 3_000;
/** Payloads that were not orders_notify's are told to the log at most this often. */
const IGNORED_TELL_MS = 60_000;

const OrderIds = z.array(z.int().positive()).max(NOTICE_IDS_MAX);
const Origin = z.string().max(64).nullable();
/** orders_notify's payload: origin, changed ids, ids that became paid; or only that one write changed many. */
const Notice = z.union([z.strictObject({ o: Origin, many: z.literal(true) }), z.strictObject({ o: Origin, c: OrderIds, p: OrderIds })]);

export type BookChangesOptions = {
  /** The connection settings of the pool's sessions, this PayDesk's origin among them. */
  client: pg.ClientConfig;
  db: Executor;
  /** This PayDesk's paydesk.origin: notifications of its own changes are not handed on. */
  origin: string;
};

export function createBookChanges(options: BookChangesOptions): BookChanges {
  return { watch: (listener) => watchBook(options, listener) };
}

async function watchBook({ client: config, db, origin }: BookChangesOptions, listener: BookChangeListener): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let pinging: NodeJS.Timeout | undefined;
  let retrying: NodeJS.Timeout | undefined;
  let attempts = 0;
  /**
   * Every change committed before this instant, by the SERVER's clock (the one orders_touched writes), has been handed
   * on or is queued to be; null until a connection first listened.
   */
  let heardUpTo: number | null = null;
  /** A catch-up is owed: the connection was lost (or never made) since `heardUpTo`. */
  let behind = false;
  /** One job at a time (a read of notified orders, a catch-up), so the listener hears changes in the order they came. */
  let work = Promise.resolve();
  const serially = (job: () => Promise<void>) => {
    // A job that failed midway may have left changes untold: whatever shows orders reads them again.
    work = work.then(job).catch(() => resync());
  };
  /** Ids heard and not yet read, those among them that became paid, and `heardUpTo` when the first was heard. */
  let pendingIds = new Set<number>();
  let pendingPaid = new Set<number>();
  let pendingAt: number | null = null;
  let draining = false;

  let resyncedAt = -Infinity;
  let resyncing: NodeJS.Timeout | undefined;
  const resync = () => {
    if (stopped || resyncing) return;
    const wait = resyncedAt + RESYNC_GAP_MS - performance.now();
    const tell = () => {
      resyncing = undefined;
      resyncedAt = performance.now();
      if (!stopped) listener.resynced();
    };
    if (wait <= 0) tell();
    else {
      resyncing = setTimeout(tell, wait);
      resyncing.unref();
    }
  };

  let ignored = 0;
  let ignoredToldAt = -Infinity;
  const ignore = (payload: string) => {
    ignored++;
    if (performance.now() - ignoredToldAt < IGNORED_TELL_MS) return;
    ignoredToldAt = performance.now();
    listener.ignored(ignored, payload.slice(0, 120));
    ignored = 0;
  };

  const lose = (which: pg.Client) => {
    if (client !== which) return;
    client = null;
    behind = true;
    clearInterval(pinging);
    void endClient(which);
    if (stopped) return;
    const pause = Math.min(RETRY_FIRST_MS * 2 ** attempts, RETRY_MAX_MS);
    attempts = Math.min(attempts + 1, 16);
    retrying = setTimeout(() => void connect(), pause);
    retrying.unref();
  };

  const connect = async () => {
    const next = new pg.Client({
      ...config,
      application_name: WATCHER_APPLICATION,
      connectionTimeoutMillis: ANSWER_MS,
      query_timeout: ANSWER_MS,
      keepAlive: true,
    });
    client = next;
    // A dropped connection says so with 'error' and 'end'; an old one's late events change nothing (lose checks).
    next.on('error', () => lose(next));
    next.on('end', () => lose(next));
    next.on('notification', ({ channel, payload }) => {
      if (channel === CHANGES_CHANNEL) heard(payload ?? '');
    });
    let listenedAt: number;
    try {
      await next.connect();
      listenedAt = await serverNow(next);
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch {
      lose(next);
      return;
    }
    if (client !== next) return;
    pinging = setInterval(() => void ping(next), PING_MS);
    pinging.unref();
    if (behind) serially(() => catchUp(next, listenedAt));
    else {
      heardUpTo ??= listenedAt;
      attempts = 0;
    }
  };

  const ping = async (which: pg.Client) => {
    try {
      const at = await serverNow(which);
      if (client === which && !behind) heardUpTo = at;
    } catch {
      lose(which);
    }
  };

  /** Orders changed since the last instant everything was heard (less the margin), read once LISTEN is back. */
  const catchUp = async (which: pg.Client, listenedAt: number) => {
    if (client !== which) return;
    let rows: OrderRow[] = [];
    const since = heardUpTo === null ? null : new Date(heardUpTo - SKEW_MARGIN_MS).toISOString();
    if (since !== null) {
      try {
        rows = (
          await db.query<OrderRow>(`${SELECT_ORDERS} WHERE o.updated_at >= $1 ORDER BY o.updated_at, o.id LIMIT ${CATCH_UP_LIMIT + 1}`, [
            since,
          ])
        ).rows;
      } catch {
        lose(which);
        return;
      }
    }
    if (stopped) return;
    // Never heard at all (the first connection failed), or away too long to tell one by one.
    if (since === null || rows.length > CATCH_UP_LIMIT) resync();
    else {
      for (const order of rows.map(toOrder)) listener.changed(order, paidSince(order, since));
    }
    if (client === which) {
      behind = false;
      heardUpTo = listenedAt;
      // Only a connection that caught up ends the pauses: one the server drops each time still waits longer and longer.
      attempts = 0;
    }
  };

  const heard = (payload: string) => {
    const notice = Notice.safeParse(parsedJson(payload));
    if (!notice.success) return ignore(payload);
    if (notice.data.o === origin) return;
    if ('many' in notice.data) return resync();
    const { c: changed, p: paid } = notice.data;
    if (pendingIds.size + changed.length > PENDING_MAX) {
      // More than can be read one by one: read everything again, and start counting afresh.
      pendingIds = new Set();
      pendingPaid = new Set();
      return resync();
    }
    pendingAt ??= heardUpTo;
    for (const id of changed) pendingIds.add(id);
    for (const id of paid) pendingPaid.add(id);
    if (draining) return;
    draining = true;
    // Notifications that came in one read of the socket are read back in one query.
    setImmediate(() => serially(drain));
  };

  const drain = async () => {
    draining = false;
    const ids = [...pendingIds];
    const paid = pendingPaid;
    const at = pendingAt;
    pendingIds = new Set();
    pendingPaid = new Set();
    pendingAt = null;
    if (ids.length === 0 || stopped) return;
    let orders: Map<number, StoredOrder>;
    try {
      orders = await readOrders(db, ids);
    } catch {
      // What was heard could not be read: the next connection catches up from before it.
      if (at !== null && heardUpTo !== null) heardUpTo = Math.min(heardUpTo, at);
      behind = true;
      if (client) lose(client);
      return;
    }
    if (stopped) return;
    for (const id of ids) {
      const order = orders.get(id);
      // Paid as the book now says, whatever a notification claimed.
      if (order) listener.changed(order, paid.has(id) && order.status === 'paid');
    }
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retrying);
    clearTimeout(resyncing);
    clearInterval(pinging);
    const last = client;
    client = null;
    if (last) await endClient(last);
    await work;
  };
}

async function readOrders(db: Executor, ids: number[]): Promise<Map<number, StoredOrder>> {
  const { rows } = await db.query<OrderRow>(`${SELECT_ORDERS} WHERE o.id = ANY($1)`, [ids]);
  return new Map(rows.map((row) => [row.id, toOrder(row)]));
}

/** The server's clock, in ms since the epoch: the clock orders_touched writes updated_at by. */
async function serverNow(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ at: number }>('SELECT (extract(epoch FROM statement_timestamp()) * 1000)::float8 AS at');
  return rows[0]!.at;
}

const paidSince = (order: StoredOrder, since: string) => order.status === 'paid' && order.paidAt !== null && order.paidAt >= since;

function parsedJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

/** Says goodbye to the server, or drops the socket when the server cannot hear it (a cut network) within a while. */
async function endClient(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.end().catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ANSWER_MS);
    }),
  ]);
  clearTimeout(timer);
  client.connection.stream.destroy();
}
