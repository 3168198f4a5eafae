// The order book's write side, as the use-cases see it, whatever engine keeps it (sqlite/, postgres/). Only an
// implementation of this interface writes `orders` and `order_events`; every state change and its audit row are one
// transaction, and unique constraints (ref, token hashes, transaction keys) decide what two writers both try.
import type { Message, Order, OrderStatus } from '../../../shared/contract';
import type { TransactionId } from '../values/transaction-id';

/** An order as the core holds it: the public order, its row id, its profile, and its transaction id's identity. */
export type StoredOrder = Order & { id: number; profileId: number; transactionKey: string | null };

export type NewOrder = {
  profileId: number;
  /** The counter making it (counters/this-counter.ts). */
  counterId: string;
  amountMinor: number;
  customerName?: string | undefined;
  customerEmail?: string | undefined;
  note?: string | undefined;
  returnTokenHash: string;
  cancelTokenHash: string;
  /** When the link stops being offered. */
  expiresAt: string;
};

export type ReturnOutcome =
  | { kind: 'paid'; order: StoredOrder; from: OrderStatus }
  | { kind: 'repeat'; order: StoredOrder }
  /** A hand-paid order took the gateway's transaction id from its late return. */
  | { kind: 'identified'; order: StoredOrder }
  | { kind: 'conflict'; order: StoredOrder }
  | { kind: 'duplicate_transaction'; order: StoredOrder }
  | { kind: 'unknown_token' };

export type CancelOutcome =
  { kind: 'cancelled'; order: StoredOrder } | { kind: 'unchanged'; order: StoredOrder } | { kind: 'unknown_token' };

export type CounterClaim = { kind: 'paid'; order: StoredOrder } | { kind: 'held'; ref: string } | { kind: 'already_paid' };

/** An audit row: what happened, its data, and what the core said about it (why a link failed), if anything. */
export type OrderEvent = { kind: string; detail: Record<string, unknown> | null; message: Message | null; at: string };

/** Why a link failed: the kind of failure, the gateway's HTTP status if it answered, and what PayDesk said. */
export type LinkFailure = { kind: string; message: Message; httpStatus?: number };

/** A payment a bank or wallet statement shows, as its line was imported. */
export type StatementPayment = {
  profileId: number;
  fileName: string;
  line: number;
  transactionId: string;
  /** The transaction ID's identity (transaction-id.ts). */
  key: string;
  amountMinor: number;
  occurredAt: string;
};

export type NewStatementOrder = { customerName: string | null; returnTokenHash: string; cancelTokenHash: string; counterId: string };

/** What paying an order from a statement line did: done, refused (another order holds its transaction ID), or nothing (the order changed meanwhile). */
export type ClaimOutcome = { kind: 'done'; order: StoredOrder } | { kind: 'held'; ref: string } | { kind: 'stale' };

/** The paid orders a statement covers: its profile's, paid between its first and last line. */
export type StatementWindow = { profileId: number; from: string; to: string; fileName: string };

/** PD-000123: short enough to read over the phone, sortable, never reused (nothing is deleted). */
export const formatRef = (id: number) => `PD-${String(id).padStart(6, '0')}`;

/**
 * Refused returns an order's timeline keeps (bad ids, conflicts, another order's payment): enough to show an
 * attack or a misbehaving gateway, while someone holding one link cannot grow the book without bound.
 */
export const MAX_REFUSALS_PER_ORDER = 20;

export interface OrdersRepo {
  /**
   * Runs `work` as one transaction (a savepoint when one is open in the same async context); repository calls
   * awaited inside it join it, calls from elsewhere wait for it or use another connection. Payments recorded in it
   * are indexed for search before it commits. Rejects, with nothing of `work` kept, when `work` does.
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  createPending(order: NewOrder, at: string): Promise<StoredOrder>;
  /** `returnBase` is where the link sends the customer back (kept in its audit row). */
  issueLink(id: number, paymentUrl: string, returnBase: string, at: string): Promise<StoredOrder>;
  /** Pending orders whose link sends customers back to `returnBase` (at most `limit`). */
  pendingReturningTo(returnBase: string, limit: number): Promise<StoredOrder[]>;
  failLink(id: number, failure: LinkFailure, at: string): Promise<StoredOrder>;
  recordReturn(returnTokenHash: string, transactionId: TransactionId, at: string): Promise<ReturnOutcome>;
  recordCancel(cancelTokenHash: string, at: string): Promise<CancelOutcome>;
  /**
   * Audits a return that was refused before it could change anything (bad or missing parameters) in its order's
   * timeline, up to a cap per order; past the cap, and for a token of no order, it is only counted.
   */
  auditRejectedReturn(tokenHash: string, reason: string, detail: Record<string, unknown>, at: string): Promise<void>;
  /** Marks pending links whose time has passed as expired; returns them (at most `limit`). */
  expireDue(at: string, limit: number): Promise<StoredOrder[]>;
  /** The shopkeeper withdraws a pending link. */
  cancelByShopkeeper(id: number, at: string): Promise<StoredOrder | null>;
  /** The shopkeeper records a payment the gateway did not report (cash, a customer who never came back). */
  markPaidManually(id: number, reason: string, at: string): Promise<StoredOrder | null>;
  /**
   * The customer shows the gateway's transaction id at the counter because their return never came: the order
   * is paid by the gateway, with that id, unverified until a statement shows it. Refused when another order
   * holds the id, or the order is paid already.
   */
  claimAtCounter(id: number, transactionId: TransactionId, at: string): Promise<CounterClaim>;
  /**
   * Settles the matches a statement import staged (order, line, amount, matched; the engine's statements repo
   * stages them in the same transaction): each order turns verified, or amount_mismatch with the line's amount,
   * and gets its audit row.
   */
  settleStatementMatches(at: string): Promise<{ verified: number; mismatched: number }>;
  /** Up to `limit` of the window's paid orders still unverified (no line shows them) turn missing; how many did. */
  markMissingFromStatement(window: StatementWindow, limit: number, at: string): Promise<number>;
  /** The shopkeeper attached a statement line to an unpaid order: it is paid by the gateway, proved by the line. */
  payFromStatementLine(orderId: number, line: StatementPayment, at: string): Promise<ClaimOutcome>;
  /** The shopkeeper made an order of a statement line: paid when the money moved, proved by the line. */
  createFromStatementLine(order: NewStatementOrder, line: StatementPayment, at: string): Promise<ClaimOutcome>;
  findByRef(ref: string): Promise<StoredOrder | null>;
  events(orderId: number): Promise<OrderEvent[]>;
}
