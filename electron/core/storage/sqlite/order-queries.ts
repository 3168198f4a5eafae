// The read side of the order book: pages, totals and the dashboard. Shaped for a million orders: every
// page is one index walk, or, for a search matching thousands, a walk of the list's index testing each order, or its
// matches read in id order as far as needed, whichever comes to the page first (see `walked`, `streamed`); totals
// read per-day counters rather than scanning orders whenever no search text or counter (till) narrows them, and with
// search text they count only its matches (exactly, so a broad search's totals take longer than its page: see `page`).
import { UNPROVEN, type Dashboard, type Unproven } from '../../../../shared/contract';
import { addDays, localDayStart } from '../local-days';
import type { CsvChunk, OrderFilter, OrderQueries, PageQuery, Totals } from '../order-queries';
import { toOrder, type OrderRow } from '../order-rows';
import type { StoredOrder } from '../orders-repo';
import type { SqliteConnection } from './connection';
import type { Db } from './database';
import { localIsoSql, offsetSpanParams, offsetSpans } from './local-time-sql';
import { searchOf, unionOf, type Search } from './order-search';
import { SELECT_ORDERS } from './orders-repo';

/** The parameter prefix of the export's offset spans. */
const SPAN = 'span';

/** Text a spreadsheet would run as a formula (= + - @ tab CR at its start). */
const FORMULA = `'[=+@' || char(9, 13) || '-]*'`;
/**
 * A CSV cell for text someone typed: empty for NULL, a formula start neutralised with an apostrophe, and
 * quoted (RFC 4180) when it holds a quote, comma or line break, or was neutralised.
 */
const csvCell = (column: string) => `CASE WHEN ${column} IS NULL THEN ''
  WHEN ${column} GLOB ${FORMULA} OR ${column} GLOB '*[",' || char(10, 13) || ']*'
    THEN '"' || replace(CASE WHEN ${column} GLOB ${FORMULA} THEN '''' || ${column} ELSE ${column} END, '"', '""') || '"'
  ELSE ${column} END`;

/** One line of the export; the columns are CSV_COLUMNS in orders-csv.ts. Times use `spans` (local-time-sql.ts). */
const csvLine = (spans: number) => `o.ref || ',' || ${localIsoSql('o.created_at', spans, SPAN)} || ',' || o.status || ','
  || CASE o.payment_source WHEN 'manual' THEN 'yes' ELSE 'no' END || ','
  || printf('%d.%02d', o.amount_minor / 100, o.amount_minor % 100) || ',' || o.currency || ','
  || ${csvCell('o.customer_name')} || ',' || ${csvCell('o.customer_email')} || ',' || ${csvCell('o.note')} || ','
  || ${csvCell('o.transaction_id')} || ',' || ifnull(${localIsoSql('o.paid_at', spans, SPAN)}, '') || ',' || ${csvCell('p.name')} || ','
  || ifnull(o.verification, '') || ',' || ${csvCell('c.name')}`;

/**
 * Up to this many matches, a search's page is sorted from the matches themselves; with more, walking the
 * list's index until the page is full meets enough of them sooner.
 */
const FEW_MATCHES = 5000;

const TOTALS = `SELECT count(*) AS total, count(*) FILTER (WHERE o.status = 'paid') AS paidCount,
  ifnull(sum(o.amount_minor) FILTER (WHERE o.status = 'paid'), 0) AS paidSumMinor`;

/** How far a broad search's parts are read in id order for a time-sorted page before its rows are walked instead. */
const STREAM_MOST = 4 * (FEW_MATCHES + 1);

/** The orders a broad search's first walk of the list's index tests (see `walked`). */
const WALK_FIRST = 4096;

/** The most matches of a prefix part read whole (from its index alone) to read a page in id order. */
const STREAM_ALL_MOST = 100_000;

/** How many times a row test's cost a test that looks the order up in a trigram index is counted. */
const PROBE_COST = 32;

/**
 * Up to this many orders of one counter (till) in the filter's days, its page is read from the counter's own index:
 * walking the list's index testing each order's counter would pass a million orders to find a new counter's hundred.
 */
const FEW_AT_COUNTER = 5000;

/** SELECT_ORDERS read through the counter's index (counter_id, created_at, id). */
const SELECT_COUNTER_ORDERS = SELECT_ORDERS.replace('FROM orders o', 'FROM orders o INDEXED BY orders_counter_created');

/** The filter's profile, one keyed column and days, as a WHERE on a per-day counter table. */
function counterWhere(filter: OrderFilter, column: 'status' | 'verification', value: string | undefined) {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.profileId !== undefined) {
    clauses.push('profile_id = @profileId');
    params.profileId = filter.profileId;
  }
  if (value) {
    clauses.push(`${column} = @value`);
    params.value = value;
  }
  if (filter.from) {
    clauses.push('day >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    clauses.push('day <= @to');
    params.to = filter.to;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function where(filter: OrderFilter): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.profileId !== undefined) {
    clauses.push('o.profile_id = @profileId');
    params.profileId = filter.profileId;
  }
  if (filter.status) {
    clauses.push('o.status = @status');
    params.status = filter.status;
  }
  if (filter.verification) {
    clauses.push('o.verification = @verification');
    params.verification = filter.verification;
  }
  if (filter.counter !== undefined) {
    clauses.push('o.counter_id = @counter');
    params.counter = filter.counter;
  }
  if (filter.from) {
    clauses.push('o.created_at >= @fromInstant');
    params.fromInstant = localDayStart(filter.from);
  }
  if (filter.to) {
    clauses.push('o.created_at < @toInstant');
    params.toInstant = localDayStart(addDays(filter.to, 1));
  }
  const search = searchOf(filter.search);
  if (search) {
    clauses.push(`o.id IN (${unionOf(search)})`);
    Object.assign(params, search.params);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The queries on the connection. Each call is one synchronous step; the export's walks take one step per batch, so
 * whatever waits for the connection (a return) goes between two batches.
 */
export function createOrderQueries(connection: SqliteConnection): OrderQueries {
  const { run } = connection;
  const sync = createSyncQueries(connection.db);
  /** Each of a walk's steps on the connection, so that nothing waiting for it waits for the whole walk. */
  async function* walk<T>(steps: Generator<T>): AsyncGenerator<T> {
    for (;;) {
      const next = await run(() => steps.next());
      if (next.done) return;
      yield next.value;
    }
  }
  return {
    list: (query) => run(() => sync.list(query)),
    page: (query) => run(() => sync.page(query)),
    batches: (filter, size) => walk(sync.batches(filter, size)),
    csvChunks: (filter, size) => walk(sync.csvChunks(filter, size)),
    totals: (filter) => run(() => sync.totals(filter)),
    dashboard: (profileId, today) => run(() => sync.dashboard(profileId, today)),
  };
}

type SyncQueries = {
  list(query: PageQuery): { orders: StoredOrder[]; totals: Totals };
  page(query: PageQuery): StoredOrder[];
  batches(filter: OrderFilter, size: number): Generator<StoredOrder[]>;
  csvChunks(filter: OrderFilter, size: number): Generator<CsvChunk>;
  totals(filter: OrderFilter): Totals;
  dashboard(profileId: number, today: string): Dashboard;
};

function createSyncQueries(db: Db): SyncQueries {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  /** Filters combine into a handful of shapes; each is prepared once. */
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const firstCreatedAt = db.prepare<[], string | null>(`SELECT min(created_at) FROM orders`).pluck();

  /**
   * A search's matches, read once for the page and the totals: up to FEW_MATCHES as a list of ids (asked as a
   * subquery of each, the trigram index would be read twice, and SQLite would rather walk every order of the
   * profile testing each: a quarter of a second for one transaction id in a million); beyond, only the search,
   * so that no part is read whole for the page.
   */
  const matching = (filter: OrderFilter, search: Search) => {
    const { sql, params } = where({ ...filter, search: undefined });
    // Each part's matches, where it has no more than FEW_MATCHES; null for a part with more.
    const parts = search.parts.map((part) => {
      const ids = prepared(`SELECT id FROM (${part.ids}) LIMIT ${FEW_MATCHES + 1}`)
        .pluck()
        .all(search.params) as number[];
      return ids.length > FEW_MATCHES ? null : ids;
    });
    const found = new Set(parts.flatMap((ids) => ids ?? []));
    if (parts.includes(null) || found.size > FEW_MATCHES) return { few: false as const, search, parts, sql, params };
    return {
      few: true as const,
      sql,
      params: { ...params, ids: JSON.stringify([...found]) },
      /** The matches that pass the other filters, looked up by id. */
      from: `json_each(@ids) AS m CROSS JOIN orders o ON o.id = m.value ${sql}`,
    };
  };
  type Matches = ReturnType<typeof matching>;
  type Filtered = { sql: string; params: Record<string, unknown> };

  /** A page's order as SQL, and the same order compared with a row's key (sort column, id). */
  const orderOf = (query: PageQuery) => {
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    const column = query.sort === 'amount' ? 'o.amount_minor' : 'o.created_at';
    return `${column} ${direction}, o.id ${direction}`;
  };

  /**
   * The ids of a broad search's page in time order, or null when they cannot be had this way. Each part of the
   * search is read in id order only as far as needed (the trigram index answers that at once, where reading all its
   * matches takes tens of milliseconds); the matches with ids past the furthest any part was read to are then
   * ranked. That page is exact when no order short of that id comes before its last row in time: any such order and
   * the last row are a pair whose ids and times disagree, and the book records one of every such pair
   * (orders_out_of_order, migrations.ts v7), so a look at that short list proves it.
   */
  const streamed = (query: PageQuery, search: Search, known: Array<number[] | null>, filtered: Filtered): number[] | null => {
    const desc = query.direction !== 'asc';
    const [dir, past, before] = desc ? (['DESC', '<', '>'] as const) : (['ASC', '>', '<'] as const);
    const wanted = query.offset + query.limit;
    const ranked = prepared(
      `SELECT o.id, o.created_at AS at FROM json_each(@ids) AS m CROSS JOIN orders o ON o.id = m.value ${filtered.sql}
       ORDER BY ${orderOf(query)} LIMIT @wanted`,
    );
    const overtaken = prepared(
      `SELECT 1 FROM orders_out_of_order d WHERE d.order_id = @id
       UNION ALL SELECT 1 FROM orders_out_of_order d CROSS JOIN orders o ON o.id = d.order_id
         WHERE d.order_id ${past} @edge AND o.created_at ${before} @at LIMIT 1`,
    );
    for (let n = 4 * wanted; n <= STREAM_MOST; n *= 4) {
      const streams = search.parts.map(
        (part, i) =>
          known[i] ??
          (prepared(part.stream!(dir))
            .pluck()
            .all({ ...search.params, n }) as number[]),
      );
      // Every part is read completely up to `edge`; a part read to its end sets none.
      const ends = streams.filter((ids, i) => !known[i] && ids.length === n).map((ids) => ids.at(-1)!);
      const edge = ends.length === 0 ? null : desc ? Math.max(...ends) : Math.min(...ends);
      const ids = new Set(streams.flat().filter((id) => edge === null || (desc ? id >= edge : id <= edge)));
      const rows = ranked.all({ ...filtered.params, ids: JSON.stringify([...ids]), wanted }) as Array<{ id: number; at: string }>;
      const page = rows.slice(query.offset).map((row) => row.id);
      if (edge === null) return page;
      if (rows.length < wanted) continue;
      const last = rows.at(-1)!;
      return overtaken.get({ at: last.at, id: last.id, edge }) ? null : page;
    }
    return null;
  };

  /** Whether the filter names a counter with no more than FEW_AT_COUNTER orders in its days (counted from its index alone). */
  const fewAtCounter = ({ counter, from, to }: OrderFilter) => {
    if (counter === undefined) return false;
    const { sql, params } = where({ counter, from, to });
    const most = prepared(
      `SELECT count(*) FROM (SELECT 1 FROM orders o INDEXED BY orders_counter_created ${sql} LIMIT ${FEW_AT_COUNTER + 1})`,
    );
    return (most.pluck().get(params) as number) <= FEW_AT_COUNTER;
  };

  /**
   * The ids of a broad search's page, in any order: the list's own index is walked in the page's order, testing each
   * order's row against the search, until the page is full, but no further than `scan` orders (fourfold each round);
   * and once the search's matches are fewer than the round would walk, they are all read and ranked instead. Either
   * way it costs about the lesser of the two: walking until the page fills, or reading every match.
   */
  const walked = (
    query: PageQuery,
    search: Search,
    known: Array<number[] | null>,
    filtered: Filtered,
    /** The most orders to walk before giving up (null). */
    last = Infinity,
  ): number[] | null => {
    const order = orderOf(query);
    const key = query.sort === 'amount' ? 'o.amount_minor' : 'o.created_at';
    const wanted = query.offset + query.limit;
    const tests = search.parts.map((part, i) => (known[i] ? `o.id IN (SELECT value FROM json_each(@known${i}))` : part.test));
    const params: Record<string, unknown> = { ...filtered.params, ...search.params, wanted };
    for (const [i, ids] of known.entries()) if (ids) params[`known${i}`] = JSON.stringify(ids);
    // A counter with few orders has its own index walked instead, its few orders each tested.
    const orders = fewAtCounter(query) ? 'orders o INDEXED BY orders_counter_created' : 'orders o';
    // The key of the scan-th order in the page's order, read from the index alone; none when fewer are in scope.
    const bound = prepared(`SELECT ${key} AS key, o.id FROM ${orders} ${filtered.sql} ORDER BY ${order} LIMIT 1 OFFSET @scan - 1`);
    const within = `(${key}, o.id) ${query.direction === 'asc' ? '<=' : '>='} (@key, @id)`;
    const walk = (to: { key: unknown; id: number } | undefined) =>
      prepared(
        `SELECT o.id FROM ${orders} ${filtered.sql ? `${filtered.sql} AND` : 'WHERE'} ${to ? `${within} AND` : ''} (${tests.join(' OR ')})
         ORDER BY ${order} LIMIT @wanted`,
      )
        .pluck()
        .all({ ...params, ...to }) as number[];
    // A test that looks orders up in a trigram index costs as much per order as reading dozens of matches.
    const cost = search.parts.some((part, i) => !known[i] && part.probes) ? PROBE_COST : 1;
    for (let scan = Math.ceil(WALK_FIRST / cost); scan <= last; scan *= 4) {
      const most = scan * cost;
      const matches = search.parts.reduce(
        (n, part, i) =>
          n +
          (known[i]?.length ??
            (prepared(`SELECT count(*) FROM (SELECT 1 FROM (${part.ids}) LIMIT @most)`)
              .pluck()
              .get({ ...search.params, most }) as number)),
        0,
      );
      if (matches < most) {
        const all = prepared(
          `SELECT o.id FROM (${unionOf(search)}) AS m CROSS JOIN orders o ON o.id = m.id ${filtered.sql} ORDER BY ${order} LIMIT @wanted`,
        ).pluck();
        return (all.all(params) as number[]).slice(query.offset);
      }
      const to = bound.get({ ...filtered.params, scan }) as { key: unknown; id: number } | undefined;
      const ids = walk(to);
      if (ids.length === wanted || !to) return ids.slice(query.offset);
    }
    return null;
  };

  /** Whether every part of a search can be read in id order, counting those whose stream reads all their matches. */
  const streamable = (search: Search, known: Array<number[] | null>) =>
    search.parts.every(
      (part, i) =>
        known[i] ||
        !part.streamReadsAll ||
        (prepared(`SELECT count(*) FROM (SELECT 1 FROM (${part.ids}) LIMIT ${STREAM_ALL_MOST + 1})`)
          .pluck()
          .get(search.params) as number) <= STREAM_ALL_MOST,
    );

  const page = (query: PageQuery, matches: Matches | null): StoredOrder[] => {
    const order = orderOf(query);
    const window = 'LIMIT @limit OFFSET @offset';
    let sql: string;
    let params: Record<string, unknown>;
    if (!matches) {
      ({ sql, params } = where(query));
      sql = `${fewAtCounter(query) ? SELECT_COUNTER_ORDERS : SELECT_ORDERS} ${sql} ORDER BY ${order} ${window}`;
    } else if (matches.few) {
      params = matches.params;
      sql = `${SELECT_ORDERS} WHERE o.id IN (SELECT o.id FROM ${matches.from} ORDER BY ${order} ${window}) ORDER BY ${order}`;
    } else {
      const { search, parts } = matches;
      // By time, a short walk fills the page of a search matching most orders, and reading in id order one matching
      // orders of some part of the book; by amount, ids say nothing of the order.
      const ids =
        (query.sort === 'time' &&
          (walked(query, search, parts, matches, WALK_FIRST) ??
            (streamable(search, parts) ? streamed(query, search, parts, matches) : null))) ||
        walked(query, search, parts, matches)!;
      params = { ids: JSON.stringify(ids) };
      sql = `${SELECT_ORDERS} WHERE o.id IN (SELECT value FROM json_each(@ids)) ORDER BY ${order}`;
    }
    const rows = prepared(sql).all({ ...params, limit: query.limit, offset: query.offset }) as OrderRow[];
    return rows.map(toOrder);
  };

  const totals = (filter: OrderFilter, matches: Matches | null): Totals => {
    if (matches?.few) return prepared(`${TOTALS} FROM ${matches.from}`).get(matches.params) as Totals;
    if (matches) {
      return prepared(`${TOTALS} FROM (${unionOf(matches.search)}) AS m CROSS JOIN orders o ON o.id = m.id ${matches.sql}`).get({
        ...matches.params,
        ...matches.search.params,
      }) as Totals;
    }
    // The per-day counters know no counters (tills): a counter's orders are counted from its own index.
    if (filter.counter !== undefined) {
      const { sql, params } = where(filter);
      return prepared(`${TOTALS} FROM orders o ${sql}`).get(params) as Totals;
    }
    if (filter.verification) {
      // Only paid orders have a verification: their own counters answer, and any other status has none.
      if (filter.status && filter.status !== 'paid') return { total: 0, paidCount: 0, paidSumMinor: 0 };
      const { sql, params } = counterWhere(filter, 'verification', filter.verification);
      return prepared(
        `SELECT ifnull(sum(orders), 0) AS total, ifnull(sum(orders), 0) AS paidCount, ifnull(sum(amount_minor), 0) AS paidSumMinor
         FROM verification_counts ${sql}`,
      ).get(params) as Totals;
    }
    const { sql, params } = counterWhere(filter, 'status', filter.status);
    return prepared(
      `SELECT ifnull(sum(orders), 0) AS total, ifnull(sum(orders) FILTER (WHERE status = 'paid'), 0) AS paidCount,
         ifnull(sum(amount_minor) FILTER (WHERE status = 'paid'), 0) AS paidSumMinor
       FROM order_counts ${sql}`,
    ).get(params) as Totals;
  };

  /**
   * Oldest first, `size` rows per query, each query starting after the last row seen (created_at, id):
   * no query stays open between batches, so the connection stays free for the return listener.
   */
  function* keyset(filter: OrderFilter, size: number): Generator<OrderRow[]> {
    const { sql, params } = where(filter);
    const after = `(o.created_at, o.id) > (@afterAt, @afterId)`;
    const statement = prepared(
      `${SELECT_ORDERS} ${sql ? `${sql} AND ${after}` : `WHERE ${after}`} ORDER BY o.created_at, o.id LIMIT @size`,
    );
    let cursor = { afterAt: '', afterId: 0 };
    for (;;) {
      const rows = statement.all({ ...params, ...cursor, size }) as OrderRow[];
      if (rows.length === 0) return;
      yield rows;
      const last = rows.at(-1)!;
      cursor = { afterAt: last.created_at, afterId: last.id };
    }
  }

  const searched = (filter: OrderFilter) => {
    const search = searchOf(filter.search);
    return search ? matching(filter, search) : null;
  };

  return {
    list(query) {
      const matches = searched(query);
      return { orders: page(query, matches), totals: totals(query, matches) };
    },

    page: (query) => page(query, searched(query)),

    *batches(filter, size) {
      for (const rows of keyset(filter, size)) yield rows.map(toOrder);
    },

    *csvChunks(filter, size) {
      const { sql, params } = where(filter);
      // Every order's times fall between the first order and now (a day's margin for a clock set wrong).
      const spans = offsetSpans(new Date(firstCreatedAt.get() ?? Date.now()), new Date(Date.now() + 86_400_000));
      const times = offsetSpanParams(spans, SPAN);
      const after = `(o.created_at, o.id) > (@afterAt, @afterId)`;
      const chunk = prepared(
        `WITH page AS MATERIALIZED (
           SELECT ${csvLine(spans.length)} AS line, o.created_at AS at, o.id AS id
           FROM orders o JOIN profiles p ON p.id = o.profile_id LEFT JOIN counters c ON c.id = o.counter_id
           ${sql ? `${sql} AND ${after}` : `WHERE ${after}`}
           ORDER BY o.created_at, o.id LIMIT @size)
         SELECT (SELECT CAST(string_agg(line, char(13, 10) ORDER BY at, id) || char(13, 10) AS BLOB) FROM page) AS bytes,
           (SELECT count(*) FROM page) AS rows,
           (SELECT at FROM page ORDER BY at DESC, id DESC LIMIT 1) AS afterAt,
           (SELECT id FROM page ORDER BY at DESC, id DESC LIMIT 1) AS afterId`,
      );
      let cursor = { afterAt: '', afterId: 0 };
      for (;;) {
        const next = chunk.get({ ...params, ...times, ...cursor, size }) as {
          bytes: Buffer | null;
          rows: number;
          afterAt: string;
          afterId: number;
        };
        if (next.rows === 0 || next.bytes === null) return;
        yield { bytes: next.bytes, rows: next.rows };
        cursor = { afterAt: next.afterAt, afterId: next.afterId };
      }
    },

    totals(filter) {
      return totals(filter, searched(filter));
    },

    dashboard(profileId, today) {
      const first = addDays(today, -29);
      const rows = prepared(
        `SELECT day, orders, amount_minor FROM paid_days WHERE profile_id = @profileId AND day BETWEEN @first AND @today`,
      ).all({ profileId, first, today }) as Array<{ day: string; orders: number; amount_minor: number }>;
      const byDay = new Map(rows.map((r) => [r.day, r]));
      const daily = Array.from({ length: 30 }, (_, i) => {
        const day = addDays(first, i);
        const row = byDay.get(day);
        return { day, count: row?.orders ?? 0, sumMinor: row?.amount_minor ?? 0 };
      });
      const sum = (days: typeof daily) => ({
        count: days.reduce((n, d) => n + d.count, 0),
        sumMinor: days.reduce((n, d) => n + d.sumMinor, 0),
      });
      const pending = prepared(
        `SELECT count(*) AS count, ifnull(sum(amount_minor), 0) AS sumMinor FROM orders
         WHERE profile_id = @profileId AND status = 'pending'`,
      ).get({ profileId }) as { count: number; sumMinor: number };
      const unproven = prepared(
        `SELECT verification, ifnull(sum(orders), 0) AS count, ifnull(sum(amount_minor), 0) AS sumMinor FROM verification_counts
         WHERE profile_id = @profileId AND verification IN (${UNPROVEN.map((v) => `'${v}'`).join(', ')}) GROUP BY verification`,
      ).all({ profileId }) as Array<{ verification: Unproven; count: number; sumMinor: number }>;
      const counted = (verification: Unproven) => unproven.find((row) => row.verification === verification)?.count ?? 0;
      const paidUnverified = {
        count: unproven.reduce((n, row) => n + row.count, 0),
        sumMinor: unproven.reduce((n, row) => n + row.sumMinor, 0),
        byVerification: { unverified: counted('unverified'), missing: counted('missing'), amount_mismatch: counted('amount_mismatch') },
      };
      return { today: sum(daily.slice(-1)), last7Days: sum(daily.slice(-7)), paidUnverified, daily, pending };
    },
  };
}
