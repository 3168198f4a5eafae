import type { OrderStatus } from '../../contract';
import type { Phrasebook } from '../catalog';

/** What taking a payment and changing an order can answer. `status` is an order status (contract.ts). */
export const orders = {
  order_not_found: (p: { ref: string }) => `There is no order ${p.ref}.`,
  order_of_removed_profile: (p: { ref: string }) => `Order ${p.ref} belongs to a removed profile and can no longer be changed.`,
  no_profile_yet: () => 'No merchant profile is set up yet. Add one in Settings, or use the sandbox.',
  listener_not_started: () => 'PayDesk cannot take payments until its return address is running.',
  /** `variable`: the environment variable the command line reads the key from. */
  api_key_missing: (p: { profile: string; variable: string }) =>
    `No API key is saved for the profile “${p.profile}”. Add it in Settings, or set ${p.variable} for the command line.`,
  cancel_not_pending: (p: { ref: string; status: OrderStatus }) => `Order ${p.ref} is ${p.status}; only a pending link can be cancelled.`,
  order_already_paid: (p: { ref: string }) => `Order ${p.ref} is already paid.`,
  transaction_id_invalid: () =>
    'A transaction ID has only letters A–Z, digits and . _ -, as the customer’s payment screen shows it; type it again.',
  transaction_pays_other_order: (p: { transactionId: string; ref: string }) =>
    `Transaction ${p.transactionId} already paid order ${p.ref}; one payment pays one order.`,
  /** A failed link recorded before failures were kept as messages: its English sentence, as it was written. */
  link_failure_recorded: (p: { sentence: string }) => p.sentence,
  order_book_newer: (p: { schema: number }) =>
    `This order book was written by a newer PayDesk (schema ${p.schema}); update PayDesk to open it.`,
} satisfies Phrasebook;
