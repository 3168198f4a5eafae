// The order book's read side, as the use-cases see it: pages, totals, the dashboard and the export's walk.
import type { Dashboard, Order, OrderStatus } from '../../../shared/contract';
import type { StoredOrder } from './orders-repo';

export type OrderFilter = {
  profileId?: number;
  status?: OrderStatus;
  /** How paid orders stand against the imported statements. */
  verification?: NonNullable<Order['verification']>;
  search?: string;
  /** Only the orders this counter made (its id). */
  counter?: string;
  /** Local days (YYYY-MM-DD, the shop's time zone), inclusive. */
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

/** A chunk of the CSV export: whole lines, each ending CRLF, as UTF-8 bytes, and how many lines it holds. */
export type CsvChunk = { bytes: Buffer; rows: number };

export interface OrderQueries {
  /** One page of the orders matching the filter, with the totals of all of them. */
  list(query: PageQuery): Promise<{ orders: StoredOrder[]; totals: Totals }>;
  /** The page alone: fast however many orders a search matches, when its totals are not. */
  page(query: PageQuery): Promise<StoredOrder[]>;
  /**
   * Every order matching the filter, oldest first, in batches. Each batch is its own short query (keyset on
   * created_at, id), so an export never holds a connection the return listener writes through.
   */
  batches(filter: OrderFilter, size: number): AsyncGenerator<StoredOrder[]>;
  /**
   * The same orders as `batches`, as the CSV lines the engine makes itself (CSV_COLUMNS in orders-csv.ts, times in
   * the shop's zone), about `size` lines per chunk. Both engines give the same bytes for the same book.
   */
  csvChunks(filter: OrderFilter, size: number): AsyncGenerator<CsvChunk>;
  totals(filter: OrderFilter): Promise<Totals>;
  dashboard(profileId: number, today: string): Promise<Dashboard>;
}
