// The read side of the order book: pages, totals and the dashboard. Shaped for a million orders: every
// page is one index walk, search uses the trigram index, and totals read per-day counters rather than
// scanning orders whenever no search text narrows them.
import type { Dashboard, OrderStatus } from '../../../shared/contract';
import type { Db } from './database';
import { SELECT_ORDERS, toOrder, type OrderRow, type StoredOrder } from './orders-repo';

export type OrderFilter = {
  profileId?: number;
  status?: OrderStatus;
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

export type Totals = { total: number; paidCount: number; paidSumMinor: number };

export interface OrderQueries {
  page(query: PageQuery): StoredOrder[];
  /**
   * Every order matching the filter, oldest first, in batches. Each batch is its own short query (keyset
   * on created_at, id), so an export never holds the connection the return listener writes through.
   */
  batches(filter: OrderFilter, size: number): Generator<StoredOrder[]>;
  totals(filter: OrderFilter): Totals;
  dashboard(profileId: number, today: string): Dashboard;
}

/** The trigram index needs three characters; shorter searches match the start of a ref, name, e-mail or id. */
const TRIGRAM = 3;

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
    if ([...search].length >= TRIGRAM) {
      clauses.push('o.id IN (SELECT rowid FROM orders_search WHERE orders_search MATCH @match)');
      params.match = `"${search.replace(/"/g, '""')}"`;
    } else {
      clauses.push(`(o.ref LIKE @prefix ESCAPE '\\' OR o.customer_name LIKE @prefix ESCAPE '\\'
        OR o.customer_email LIKE @prefix ESCAPE '\\' OR o.transaction_id LIKE @prefix ESCAPE '\\')`);
      params.prefix = `${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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

  return {
    page(query) {
      const { sql, params } = where(query);
      const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
      const order =
        query.sort === 'amount'
          ? `o.amount_minor ${direction}, o.id ${direction}`
          : `o.created_at ${direction}, o.id ${direction}`;
      const rows = prepared(`${SELECT_ORDERS} ${sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({
        ...params,
        limit: query.limit,
        offset: query.offset,
      }) as OrderRow[];
      return rows.map(toOrder);
    },

    *batches(filter, size) {
      const { sql, params } = where(filter);
      const after = `(o.created_at, o.id) > (@afterAt, @afterId)`;
      const statement = prepared(
        `${SELECT_ORDERS} ${sql ? `${sql} AND ${after}` : `WHERE ${after}`} ORDER BY o.created_at, o.id LIMIT @size`,
      );
      let cursor = { afterAt: '', afterId: 0 };
      for (;;) {
        const rows = statement.all({ ...params, ...cursor, size }) as OrderRow[];
        if (rows.length === 0) return;
        yield rows.map(toOrder);
        const last = rows.at(-1)!;
        cursor = { afterAt: last.created_at, afterId: last.id };
      }
    },

    totals(filter) {
      if (filter.search?.trim()) {
        const { sql, params } = where(filter);
        const row = prepared(
          `SELECT count(*) AS total, count(*) FILTER (WHERE o.status = 'paid') AS paidCount,
             ifnull(sum(o.amount_minor) FILTER (WHERE o.status = 'paid'), 0) AS paidSumMinor
           FROM orders o ${sql}`,
        ).get(params) as Totals;
        return row;
      }
      const clauses: string[] = [];
      const params: Record<string, unknown> = {};
      if (filter.profileId !== undefined) {
        clauses.push('profile_id = @profileId');
        params.profileId = filter.profileId;
      }
      if (filter.status) {
        clauses.push('status = @status');
        params.status = filter.status;
      }
      if (filter.from) {
        clauses.push('day >= @from');
        params.from = filter.from;
      }
      if (filter.to) {
        clauses.push('day <= @to');
        params.to = filter.to;
      }
      return prepared(
        `SELECT ifnull(sum(orders), 0) AS total, ifnull(sum(orders) FILTER (WHERE status = 'paid'), 0) AS paidCount,
           ifnull(sum(amount_minor) FILTER (WHERE status = 'paid'), 0) AS paidSumMinor
         FROM order_counts ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`,
      ).get(params) as Totals;
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
      return { today: sum(daily.slice(-1)), last7Days: sum(daily.slice(-7)), daily, pending };
    },
  };
}
