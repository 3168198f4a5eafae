import type { OrderStatus } from '../../contract';
import type { Phrasebook } from '../catalog';

/** What receipts and exports can answer, and the words printed on a receipt. */
export const exports = {
  receipts_paid_only: () => 'Receipts are for paid orders; choose the Paid filter or no status filter.',
  receipts_none_match: () => 'No paid orders match this filter, so there are no receipts to make.',
  export_running: () => 'Another export is still running; wait for it or cancel it.',
  receipt_not_paid: (p: { ref: string; status: OrderStatus }) => `Order ${p.ref} is ${p.status}; receipts are for paid orders.`,
  /** `problem`: what the file system said (an error code such as ENOSPC, or its own words). */
  csv_write_failed: (p: { file: string; problem: string }) => `The orders could not be written to ${p.file} (${p.problem}).`,
  receipts_failed: (p: { problem: string }) => `The receipts could not be made (${p.problem}).`,

  receipt_heading: () => 'Payment receipt',
  /** The receipt's window and document title. */
  receipt_title: (p: { ref: string }) => `Receipt ${p.ref}`,
  receipt_number: () => 'Receipt no.',
  receipt_date: () => 'Date',
  receipt_customer: () => 'Customer',
  receipt_email: () => 'E-mail',
  receipt_note: () => 'Note',
  receipt_amount: () => 'Amount paid',
  receipt_transaction: () => 'Transaction ID',
  /** The counter (till) that made the order, by the name the shop gave it. */
  receipt_counter: () => 'Counter',
  receipt_status: () => 'Status',
  receipt_paid: () => 'Paid',
  receipt_paid_by_hand: () => 'Paid — recorded by hand',
  receipt_verification: () => 'Verification',
  receipt_verified: () => 'Verified against the statement',
  receipt_sandbox: () => 'SANDBOX — no real money moved',
  receipt_thanks: () => 'Thank you for your purchase.',
} satisfies Phrasebook;
