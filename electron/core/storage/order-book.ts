// One opened order book: its repositories and queries, on whichever engine keeps it. The composition root opens
// one (open-order-book.ts) and hands its parts to the use-cases, which know neither engine.
import type { BookChanges } from './book-changes';
import type { ClosingQueries } from './closing-queries';
import type { CountersRepo } from './counters-repo';
import type { OrderFilter, OrderQueries, Totals } from './order-queries';
import type { OrdersRepo } from './orders-repo';
import type { ProfilesRepo } from './profiles-repo';
import type { SecretsRepo } from './secrets-repo';
import type { SettingsRepo } from './settings-repo';
import type { StatementsRepo } from './statements-repo';

export type Engine = 'sqlite' | 'postgres';

/** How a `latest` count ends that a newer one replaced before it started. */
export class CountSuperseded extends Error {
  constructor() {
    super('a newer count replaced this one before it started');
  }
}

/** The totals of a filter, counted where they never hold up the return listener (SQLite: a worker thread). */
export type TotalsCounter = {
  /** The list's totals: a newer `latest` asked before this one started may replace it (CountSuperseded). */
  latest(filter: OrderFilter): Promise<Totals>;
  /** Totals that are always answered (an export's progress counts every order it writes). */
  totals(filter: OrderFilter): Promise<Totals>;
};

export type OrderBook = {
  engine: Engine;
  /** Where it is, for the shopkeeper and the log, with no password in it (a file path, or postgres://user@host:port/db). */
  location: string;
  orders: OrdersRepo;
  queries: OrderQueries;
  statements: StatementsRepo;
  profiles: ProfilesRepo;
  /** This counter's API keys (on PostgreSQL, the rows it holds; other counters' ciphertexts are theirs). */
  secrets: SecretsRepo;
  /** The shop's settings, which every counter shares. */
  settings: SettingsRepo;
  /** This counter's own settings (its active profile, its listener, its tunnel): `counters.settingsOf(counterId)`. */
  counterSettings: SettingsRepo;
  counters: CountersRepo;
  /** Changes other PayDesks commit (PostgreSQL); null where no other process shares the book. */
  changes: BookChanges | null;
  closing: ClosingQueries;
  totals: TotalsCounter;
  /** Waits for work in flight, then closes its connections (and the totals' worker). */
  close(): Promise<void>;
};
