// The PostgreSQL order book's read side: pages, totals, the dashboard and the export, with the SQLite engine's
// answers (sqlite/order-queries.ts). Local days are the book's (book.time_zone, as the counter triggers reckon them).
// Totals and the dashboard read the per-day counters whenever no search text or counter (till) narrows them. A
// search's page walks the list's own index testing each row while the matches come often enough, and otherwise reads
// the matches from their indexes and ranks them (see `searchedIds`): the planner alone, given a LIMIT, walks the index
// for a text it thinks common and may then read the whole book for one that is common only in old orders.
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { UNPROVEN, type Unproven } from '../../../../shared/contract';
import { addDays } from '../local-days';
import type { CsvChunk, OrderFilter, OrderQueries, PageQuery, Totals } from '../order-queries';
import { toOrder, type OrderRow } from '../order-rows';
import type { Executor } from './connection';
import { csvLinesSql } from './order-csv';
import { Params, searchOf } from './order-search';
import { SELECT_ORDERS } from './order-select';

/** Local midnight of a YYYY-MM-DD day bound as `day`, in the book's zone. */
const dayStart = (day: string) => `(${day}::date::timestamp AT TIME ZONE (SELECT time_zone FROM book))`;
const nextDayStart = (day: string) => `((${day}::date + 1)::timestamp AT TIME ZONE (SELECT time_zone FROM book))`;

/** The filter's conditions on `o`, search text left out. */
function filterClauses(filter: OrderFilter, params: Params): string[] {
  const clauses: string[] = [];
  if (filter.profileId !== undefined) clauses.push(`o.profile_id = ${params.add(filter.profileId)}`);
  if (filter.status) clauses.push(`o.status = ${params.add(filter.status)}`);
  if (filter.verification) clauses.push(`o.verification = ${params.add(filter.verification)}`);
  if (filter.counter !== undefined) clauses.push(`o.counter_id = ${params.add(filter.counter)}`);
  if (filter.from) clauses.push(`o.created_at >= ${dayStart(params.add(filter.from))}`);
  if (filter.to) clauses.push(`o.created_at < ${nextDayStart(params.add(filter.to))}`);
  return clauses;
}

const whereOf = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

/** The filter's profile, one keyed column and days, as conditions on a per-day counter table. */
function counterClauses(filter: OrderFilter, column: 'status' | 'verification', value: string | undefined, params: Params) {
  const clauses: string[] = [];
  if (filter.profileId !== undefined) clauses.push(`profile_id = ${params.add(filter.profileId)}`);
  if (value) clauses.push(`${column} = ${params.add(value)}`);
  if (filter.from) clauses.push(`day >= ${params.add(filter.from)}::date`);
  if (filter.to) clauses.push(`day <= ${params.add(filter.to)}::date`);
  return clauses;
}

const TOTALS = `SELECT count(*) AS total, count(*) FILTER (WHERE o.status = 'paid') AS "paidCount",
  coalesce(sum(o.amount_minor) FILTER (WHERE o.status = 'paid'), 0) AS "paidSumMinor"`;

/** The orders a search's first walk of the list's index tests; each further walk tests four times as many. */
const WALK_FIRST = 4096;

/**
 * Reading a match from the indexes (GIN posting lists, then the row to recheck) costs about this many times testing
 * one row met on a walk: what decides, after each walk, between walking on and reading every match.
 */
const MATCH_COST = 16;

type Key = { key: unknown; id: number };

export function createOrderQueries(db: Executor): OrderQueries {
  const query = <R extends pg.QueryResultRow>(sql: string, params: Params) => db.query<R>(sql, params.values);

  const orderOf = (page: PageQuery) => {
    const direction = page.direction === 'asc' ? 'ASC' : 'DESC';
    return `${keyOf(page)} ${direction}, o.id ${direction}`;
  };
  const keyOf = (page: PageQuery) => (page.sort === 'amount' ? 'o.amount_minor' : 'o.created_at');

  /**
   * The ids of a search's page, in any order. The list's index is walked in the page's order, testing each row, a
   * window at a time (fourfold each round, each going on from where the last ended), until the page is full; after
   * each window the matches met so far say how rare they are, and once reading all of them from their indexes would
   * cost less than walking on to fill the page, they are read and ranked instead.
   */
  const searchedIds = async (page: PageQuery): Promise<number[]> => {
    /** A statement's values, the search's first, with the search and the filter's other conditions bound to them. */
    const bound = () => {
      const params = new Params();
      const search = searchOf(page.search, params)!;
      return { params, search, clauses: filterClauses(page, params) };
    };
    const wanted = page.offset + page.limit;
    const order = orderOf(page);
    const key = keyOf(page);
    const direction = page.direction === 'asc' ? 'ASC' : 'DESC';
    const past = page.direction === 'asc' ? '>' : '<';
    const found: number[] = [];
    let after: Key | null = null;
    let walked = 0;
    const windowed = (clauses: string[], params: Params) =>
      after ? [...clauses, `(${key}, o.id) ${past} (${params.add(after.key)}, ${params.add(after.id)})`] : clauses;
    for (let scan = WALK_FIRST; ; scan *= 4) {
      const walk = bound();
      const window = `SELECT o.id, ${key} AS key, ${walk.search.test} AS hit FROM orders o
        ${whereOf(windowed(walk.clauses, walk.params))} ORDER BY ${order} LIMIT ${walk.params.add(scan)}`;
      const hits = await query<{ id: number }>(
        `SELECT w.id FROM (${window}) w WHERE w.hit ORDER BY w.key ${direction}, w.id ${direction}
         LIMIT ${walk.params.add(wanted - found.length)}`,
        walk.params,
      );
      found.push(...hits.rows.map((row) => row.id));
      if (found.length === wanted) return found.slice(page.offset);
      // The window was walked to its end: where it ended, and about how many orders the book holds.
      const params = new Params();
      const clauses = windowed(filterClauses(page, params), params);
      const end = await query<{ key: unknown; id: number | null; orders: number }>(
        `SELECT e.key, e.id, (SELECT reltuples FROM pg_class WHERE oid = 'orders'::regclass) AS orders FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT ${key} AS key, o.id FROM orders o ${whereOf(clauses)} ORDER BY ${order}
           OFFSET ${params.add(scan - 1)} LIMIT 1) e ON true`,
        params,
      );
      const last = end.rows[0]!;
      if (last.id === null) return found.slice(page.offset);
      walked += scan;
      after = { key: last.key, id: last.id };
      // Walking on costs about the orders still to test; reading every match, MATCH_COST for each.
      const density = Math.max(found.length, 0.5) / walked;
      const toWalk = (wanted - found.length) / density;
      if (toWalk > density * Math.max(last.orders, walked) * MATCH_COST) break;
    }
    // A sort key no index holds (the same values, plus nothing), so the planner reads the matches in one bitmap pass
    // over their indexes and ranks them, rather than walking the list's index again.
    const { params, search, clauses } = bound();
    const unindexed = page.sort === 'amount' ? 'o.amount_minor + 0' : `o.created_at + interval '0'`;
    const ranked = await query<{ id: number }>(
      `SELECT o.id FROM orders o ${whereOf([...clauses, search.indexed])} ORDER BY ${unindexed} ${direction}, o.id ${direction}
       LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
      params,
    );
    return ranked.rows.map((row) => row.id);
  };

  const page = async (page: PageQuery) => {
    if (!page.search?.trim()) {
      const params = new Params();
      const rows = await query<OrderRow>(
        `${SELECT_ORDERS} ${whereOf(filterClauses(page, params))} ORDER BY ${orderOf(page)}
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params,
      );
      return rows.rows.map(toOrder);
    }
    const ids = await searchedIds(page);
    if (ids.length === 0) return [];
    const params = new Params();
    const rows = await query<OrderRow>(`${SELECT_ORDERS} WHERE o.id = ANY(${params.add(ids)}::bigint[]) ORDER BY ${orderOf(page)}`, params);
    return rows.rows.map(toOrder);
  };

  const totals = async (filter: OrderFilter): Promise<Totals> => {
    const params = new Params();
    const search = searchOf(filter.search, params);
    // The per-day counters know neither search text nor counters (tills): those are counted from the orders.
    if (search || filter.counter !== undefined) {
      const clauses = [...filterClauses(filter, params), ...(search ? [search.indexed] : [])];
      return (await query<Totals>(`${TOTALS} FROM orders o ${whereOf(clauses)}`, params)).rows[0]!;
    }
    if (filter.verification) {
      // Only paid orders have a verification: their own counters answer, and any other status has none.
      if (filter.status && filter.status !== 'paid') return { total: 0, paidCount: 0, paidSumMinor: 0 };
      const clauses = counterClauses(filter, 'verification', filter.verification, params);
      const row = await query<Totals>(
        `SELECT coalesce(sum(orders), 0) AS total, coalesce(sum(orders), 0) AS "paidCount",
           coalesce(sum(amount_minor), 0) AS "paidSumMinor" FROM verification_counts ${whereOf(clauses)}`,
        params,
      );
      return row.rows[0]!;
    }
    const clauses = counterClauses(filter, 'status', filter.status, params);
    const row = await query<Totals>(
      `SELECT coalesce(sum(orders), 0) AS total, coalesce(sum(orders) FILTER (WHERE status = 'paid'), 0) AS "paidCount",
         coalesce(sum(amount_minor) FILTER (WHERE status = 'paid'), 0) AS "paidSumMinor"
       FROM order_counts ${whereOf(clauses)}`,
      params,
    );
    return row.rows[0]!;
  };

  return {
    async list(query) {
      const [orders, counted] = await Promise.all([page(query), totals(query)]);
      return { orders, totals: counted };
    },

    page,

    /**
     * Oldest first, `size` rows per query, each starting after the last row seen (its created_at read back by id, so
     * the cursor is the stored instant to the microsecond): no query stays open between batches.
     */
    async *batches(filter, size) {
      let after: number | null = null;
      for (;;) {
        const params = new Params();
        const search = searchOf(filter.search, params);
        const clauses = [...filterClauses(filter, params), ...(search ? [search.indexed] : [])];
        if (after !== null) {
          const id = params.add(after);
          clauses.push(`(o.created_at, o.id) > ((SELECT created_at FROM orders WHERE id = ${id}), ${id})`);
        }
        const { rows } = await query<OrderRow>(
          `${SELECT_ORDERS} ${whereOf(clauses)} ORDER BY o.created_at, o.id LIMIT ${params.add(size)}`,
          params,
        );
        if (rows.length === 0) return;
        yield rows.map(toOrder);
        after = rows.at(-1)!.id;
      }
    },

    async *csvChunks(filter, size) {
      // COPY takes no bound values: the filter's are written into the statement as literals.
      const params = new Params();
      const search = searchOf(filter.search, params);
      const clauses = [...filterClauses(filter, params), ...(search ? [search.indexed] : [])];
      const sql = inlined(csvLinesSql(whereOf(clauses)), params.values);
      const client = await db.connect();
      let finished = false;
      try {
        // One snapshot for the whole export, its times in the book's zone whatever the session's.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await client.query(`SELECT set_config('TimeZone', time_zone, true) FROM book`);
        const lines = new CopyLines(size);
        for await (const data of client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT binary)`)) as AsyncIterable<Buffer>) {
          yield* lines.push(data);
        }
        const rest = lines.end();
        if (rest) yield rest;
        await client.query('COMMIT');
        finished = true;
      } finally {
        // A connection left inside a COPY (the export stopped early, or failed) is closed rather than reused.
        client.release(finished ? undefined : true);
      }
    },

    totals,

    async dashboard(profileId, today) {
      const first = addDays(today, -29);
      const params = new Params();
      const days = await query<{ day: string; orders: number; amount_minor: number }>(
        `SELECT day, orders, amount_minor FROM paid_days
         WHERE profile_id = ${params.add(profileId)} AND day BETWEEN ${params.add(first)}::date AND ${params.add(today)}::date`,
        params,
      );
      const byDay = new Map(days.rows.map((r) => [r.day, r]));
      const daily = Array.from({ length: 30 }, (_, i) => {
        const day = addDays(first, i);
        const row = byDay.get(day);
        return { day, count: row?.orders ?? 0, sumMinor: row?.amount_minor ?? 0 };
      });
      const sum = (some: typeof daily) => ({
        count: some.reduce((n, d) => n + d.count, 0),
        sumMinor: some.reduce((n, d) => n + d.sumMinor, 0),
      });
      const own = new Params();
      const profile = own.add(profileId);
      const [pending, unproven] = await Promise.all([
        query<{ count: number; sumMinor: number }>(
          `SELECT count(*) AS count, coalesce(sum(amount_minor), 0) AS "sumMinor" FROM orders
           WHERE profile_id = ${profile} AND status = 'pending'`,
          own,
        ),
        query<{ verification: Unproven; count: number; sumMinor: number }>(
          `SELECT verification, coalesce(sum(orders), 0) AS count, coalesce(sum(amount_minor), 0) AS "sumMinor"
           FROM verification_counts WHERE profile_id = ${profile} AND verification IN (${UNPROVEN.map((v) => `'${v}'`).join(', ')})
           GROUP BY verification`,
          own,
        ),
      ]);
      const counted = (verification: Unproven) => unproven.rows.find((row) => row.verification === verification)?.count ?? 0;
      const paidUnverified = {
        count: unproven.rows.reduce((n, row) => n + row.count, 0),
        sumMinor: unproven.rows.reduce((n, row) => n + row.sumMinor, 0),
        byVerification: { unverified: counted('unverified'), missing: counted('missing'), amount_mismatch: counted('amount_mismatch') },
      };
      return { today: sum(daily.slice(-1)), last7Days: sum(daily.slice(-7)), paidUnverified, daily, pending: pending.rows[0]! };
    },
  };
}

/** `sql` with its $n written as literals, for a statement that takes no bound values (COPY). */
function inlined(sql: string, values: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string') return pg.escapeLiteral(value);
    throw new Error(`cannot write ${typeof value} as a literal`);
  });
}

/** The binary COPY signature, flags and header-extension length: 19 bytes before the first row. */
const COPY_HEADER = 19;

/**
 * The rows of `COPY … TO STDOUT (FORMAT binary)` of one text column, each a CSV line, passed through byte for byte (the
 * text and CSV formats would escape or quote what the line already holds), gathered into chunks of `size` lines.
 */
class CopyLines {
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private lines: Buffer[] = [];

  constructor(private readonly size: number) {}

  *push(data: Buffer): Generator<CsvChunk> {
    const buffer = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    let at = 0;
    if (!this.headerRead) {
      if (buffer.length < COPY_HEADER) {
        this.pending = buffer;
        return;
      }
      at = COPY_HEADER + buffer.readInt32BE(15);
      this.headerRead = true;
    }
    // Each row: a field count (int16, -1 ends the data), then the field's length (int32) and its bytes.
    while (buffer.length - at >= 2) {
      if (buffer.readInt16BE(at) === -1) {
        at = buffer.length;
        break;
      }
      if (buffer.length - at < 6) break;
      const length = buffer.readInt32BE(at + 2);
      if (buffer.length - at < 6 + length) break;
      this.lines.push(buffer.subarray(at + 6, at + 6 + length));
      at += 6 + length;
      if (this.lines.length === this.size) yield this.take();
    }
    // The unread tail is copied, so the chunk it came in is not held for the lines taken from it.
    this.pending = Buffer.from(buffer.subarray(at));
  }

  end(): CsvChunk | null {
    return this.lines.length ? this.take() : null;
  }

  private take(): CsvChunk {
    const chunk = { bytes: Buffer.concat(this.lines), rows: this.lines.length };
    this.lines = [];
    return chunk;
  }
}
