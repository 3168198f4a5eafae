// The figures of a day's close, as the closing service reads them.
import type { OrderStatus, PaidWay, Verification } from '../../../shared/contract';

/** Orders and their sum in poisha. */
export type Tally = { count: number; sumMinor: number };

/**
 * The day's payments grouped by how each was paid, where it stands against the statements, and the counter (till)
 * that made the order (its id; null for an order from before counters).
 */
export type PaidGroup = Tally & { way: PaidWay; verification: Verification; counterId: string | null };

export type ClosingFigures = {
  paid: PaidGroup[];
  /** Orders made on the day, by status now. */
  made: Array<Tally & { status: OrderStatus }>;
};

export interface ClosingQueries {
  /** `day` is a local day (YYYY-MM-DD) in the shop's time zone; with `counterId`, only the orders that counter made. */
  day(profileId: number, day: string, counterId?: string): Promise<ClosingFigures>;
}
