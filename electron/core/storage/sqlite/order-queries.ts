// The read side of the order book: pages, totals and the dashboard. Shaped for a million orders: every
// page is one index walk, search uses the trigram index, and totals read per-day counters rather than
// scanning orders whenever no search text narrows them; with search text they count only its matches.
import { UNPROVEN, type Dashboard, type Order, type OrderStatus, type Unproven } from '../../../../shared/contract';
import type { Db } from './database';
import { localIsoSql, offsetSpanParams, offsetSpans } from './local-time-sql';
import { SELECT_ORDERS, toOrder, type OrderRow, type StoredOrder } from './orders-repo';

export type OrderFilter = {
  profileId?: number;
  status?: OrderStatus;
  /** How paid orders stand against the imported statements. */
  verification?: NonNullable<Order['verification']>;
  search?: string;
  /** Local days (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
};

export type PageQuery = OrderFilter & {
  sort: 'time' | 'amount';
  direction: 'desc' | 'asc';
  offset: number;
  limit: number;
};

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
  || ifnull(o.verification, '')`;

export type Totals = { total: number; paidCount: number; paidSumMinor: number };

export interface OrderQueries {
  /** One page of the orders matching the filter, with the totals of all of them. */
  list(query: PageQuery): { orders: StoredOrder[]; totals: Totals };
  /**
   * Every order matching the filter, oldest first, in batches. Each batch is its own short query (keyset
   * on created_at, id), so an export never holds the connection the return listener writes through.
   */
  batches(filter: OrderFilter, size: number): Generator<StoredOrder[]>;
  /**
   * The same walk as `batches`, as CSV made by SQLite: `size` lines per chunk, each ending CRLF, as UTF-8
   * bytes (SQLite's own text, never decoded into a JavaScript string only to be encoded again).
   */
  csvChunks(filter: OrderFilter, size: number): Generator<{ bytes: Buffer; rows: number }>;
  totals(filter: OrderFilter): Totals;
  dashboard(profileId: number, today: string): Dashboard;
}

/** The trigram index needs three characters; shorter searches match the start of a ref, name, e-mail or id. */
const TRIGRAM = 3;

/**
 * Up to this many matches, a search's page is sorted from the matches themselves; with more, walking the
 * list's index until the page is full meets enough of them sooner.
 */
const FEW_MATCHES = 5000;

const TOTALS = `SELECT count(*) AS total, count(*) FILTER (WHERE o.status = 'paid') AS paidCount,
  ifnull(sum(o.amount_minor) FILTER (WHERE o.status = 'paid'), 0) AS paidSumMinor`;

/** Orders whose typed details or transaction id contain the phrase. */
const MATCHING_IDS = `SELECT rowid FROM orders_search WHERE orders_search MATCH ?
  UNION SELECT rowid FROM transaction_search WHERE transaction_search MATCH ?`;

/** The search as a trigram-index phrase, or null when there is no text or too little for trigrams. */
function fullTextPhrase(search: string | undefined): string | null {
  const text = search?.trim();
  return text && [...text].length >= TRIGRAM ? `"${text.replace(/"/g, '""')}"` : null;
}

/** Local midnight of a YYYY-MM-DD day, as the UTC instant orders are stamped with. */
export function localDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

export function localDay(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d + days));
}

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
  if (filter.from) {
    clauses.push('o.created_at >= @fromInstant');
    params.fromInstant = localDayStart(filter.from);
  }
  if (filter.to) {
    clauses.push('o.created_at < @toInstant');
    params.toInstant = localDayStart(addDays(filter.to, 1));
  }
  const search = filter.search?.trim();
  if (search) {
    const phrase = fullTextPhrase(search);
    if (phrase) {
      clauses.push(`o.id IN (${MATCHING_IDS.replaceAll('?', '@match')})`);
      params.match = phrase;
    } else {
      // Too short for trigrams: the start of a ref or a transaction id, each a range of its own index.
      // As subqueries the planner must use those indexes; as an OR it walked every order (2 s at a million).
      clauses.push(`o.id IN (SELECT id FROM orders WHERE upper(ref) >= @low AND upper(ref) < @high
        UNION ALL SELECT id FROM orders
        WHERE transaction_id IS NOT NULL AND upper(transaction_id) >= @low AND upper(transaction_id) < @high)`);
      params.low = search.toUpperCase();
      params.high = `${search.toUpperCase()}\u{10FFFF}`;
    }
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function createOrderQueries(db: Db): OrderQueries {
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

  const matchingIds = db.prepare<[string, string], number>(MATCHING_IDS).pluck();
  const firstCreatedAt = db.prepare<[], string | null>(`SELECT min(created_at) FROM orders`).pluck();

  /**
   * Runs a full-text search once and gives its matches to the page and the totals as a list of ids. Asked
   * as a subquery of each, the trigram index would be read twice, and SQLite would rather walk every order
   * of the profile testing each against it: a quarter of a second for one transaction id in a million.
   */
  const matching = (filter: OrderFilter, phrase: string) => {
    const ids = matchingIds.all(phrase, phrase);
    const { sql, params } = where({ ...filter, search: undefined });
    return {
      count: ids.length,
      sql,
      params: { ...params, ids: JSON.stringify(ids) },
      /** The matches that pass the other filters, looked up by id. */
      from: `json_each(@ids) AS m CROSS JOIN orders o ON o.id = m.value ${sql}`,
    };
  };
  type Matches = ReturnType<typeof matching>;

  const page = (query: PageQuery, matches: Matches | null): StoredOrder[] => {
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    const order =
      query.sort === 'amount' ? `o.amount_minor ${direction}, o.id ${direction}` : `o.created_at ${direction}, o.id ${direction}`;
    const window = 'LIMIT @limit OFFSET @offset';
    let sql: string;
    let params: Record<string, unknown>;
    if (!matches) {
      ({ sql, params } = where(query));
      sql = `${SELECT_ORDERS} ${sql} ORDER BY ${order} ${window}`;
    } else {
      params = matches.params;
      sql =
        matches.count <= FEW_MATCHES
          ? `${SELECT_ORDERS} WHERE o.id IN (SELECT o.id FROM ${matches.from} ORDER BY ${order} ${window}) ORDER BY ${order}`
          : `${SELECT_ORDERS} ${matches.sql ? `${matches.sql} AND` : 'WHERE'} o.id IN (SELECT value FROM json_each(@ids))
             ORDER BY ${order} ${window}`;
    }
    const rows = prepared(sql).all({ ...params, limit: query.limit, offset: query.offset }) as OrderRow[];
    return rows.map(toOrder);
  };

  const totals = (filter: OrderFilter, matches: Matches | null): Totals => {
    if (matches) return prepared(`${TOTALS} FROM ${matches.from}`).get(matches.params) as Totals;
    if (filter.search?.trim()) {
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
    const phrase = fullTextPhrase(filter.search);
    return phrase ? matching(filter, phrase) : null;
  };

  return {
    list(query) {
      const matches = searched(query);
      return { orders: page(query, matches), totals: totals(query, matches) };
    },

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
           FROM orders o JOIN profiles p ON p.id = o.profile_id ${sql ? `${sql} AND ${after}` : `WHERE ${after}`}
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
