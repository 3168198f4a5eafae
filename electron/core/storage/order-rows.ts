// An order's row as both engines read it (each engine's SELECT gives these names and types), and the order the core
// holds made of it.
import { Message, type Order, type OrderStatus } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { paymentLinkProblem } from '../values/payment-link';
import { hostnameOf } from '../values/web-address';
import type { StoredOrder } from './orders-repo';

export type OrderRow = {
  id: number;
  ref: string;
  profile_id: number;
  profile_name: string;
  profile_base_url: string;
  /** The name of the counter that made it (counters joined), null for an order from before counters. */
  counter_name: string | null;
  sandbox: 0 | 1;
  amount_minor: number;
  currency: 'BDT';
  customer_name: string | null;
  customer_email: string | null;
  note: string | null;
  status: OrderStatus;
  payment_source: 'gateway' | 'manual' | null;
  payment_proof: Order['paymentProof'];
  payment_url: string | null;
  transaction_id: string | null;
  transaction_key: string | null;
  failure: string | null;
  created_at: string;
  expires_at: string | null;
  paid_at: string | null;
  cancelled_at: string | null;
  verification: Order['verification'];
  statement_amount_minor: number | null;
};

export const toOrder = (row: OrderRow): StoredOrder => ({
  id: row.id,
  profileId: row.profile_id,
  ref: row.ref,
  status: row.status,
  amountMinor: row.amount_minor,
  currency: row.currency,
  customerName: row.customer_name,
  customerEmail: row.customer_email,
  note: row.note,
  // A link stored before links were judged (payment-link.ts) and failing that judgement is never handed out.
  paymentUrl: row.payment_url !== null && paymentLinkProblem(row.payment_url) === null ? row.payment_url : null,
  ...paymentHost(row.payment_url, row.profile_base_url),
  transactionId: row.transaction_id,
  transactionKey: row.transaction_key,
  failure: row.failure === null ? null : recordedMessage(parsedJson(row.failure), row.failure),
  paidManually: row.payment_source === 'manual',
  paymentProof: row.payment_proof,
  verification: row.verification,
  statementAmountMinor: row.statement_amount_minor,
  profileName: row.profile_name,
  counterName: row.counter_name,
  sandbox: row.sandbox === 1,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  paidAt: row.paid_at,
  cancelledAt: row.cancelled_at,
});

/** Where a payment link leads, and whether that is somewhere other than the gateway the profile names. */
function paymentHost(paymentUrl: string | null, baseUrl: string): { paymentHost: string | null; paymentHostForeign: boolean } {
  const host = hostnameOf(paymentUrl);
  return { paymentHost: host, paymentHostForeign: host !== null && host !== hostnameOf(baseUrl) };
}

/**
 * What the core said, as it was stored: a message (code and params), or, in rows written before messages were
 * data, the English sentence itself, which is kept readable as it was.
 */
export function recordedMessage(stored: unknown, sentence: unknown): Message | null {
  const message = Message.safeParse(stored);
  if (message.success) return message.data;
  return typeof sentence === 'string' ? say('link_failure_recorded', { sentence }) : null;
}

function parsedJson(text: string): unknown {
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
