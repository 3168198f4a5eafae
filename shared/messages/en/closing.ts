import type { OrderStatus, PaidWay } from '../../contract';
import type { Phrasebook } from '../catalog';
import type { Formats } from '../formats';

/** Where a day's paid orders stand against the statements, as the close groups them. */
export type Standing = 'verified' | 'not_yet_verified' | 'amount_mismatch' | 'missing' | 'reconciled_by_hand';

/** The words of a day's close: on screen, on paper and in `paydesk report`. */
export const closing = {
  closing_heading: () => 'Closing report',
  /** The report's window and document title. */
  closing_title: (p: { day: string }, f: Formats) => `Closing report, ${f.dayLong(p.day)}`,
  closing_as_of: (p: { at: string }, f: Formats) => `Figures as of ${f.dateTime(p.at)}`,
  closing_profile: () => 'Profile',
  closing_column_orders: () => 'Orders',
  closing_column_amount: () => 'Amount',
  closing_paid_section: () => 'Paid on this day',
  closing_way: (p: { way: PaidWay }) =>
    ({ return: 'Gateway return', counter: 'Claimed at the counter', statement: 'From a statement', by_hand: 'Paid by hand' })[p.way],
  closing_paid_total: () => 'Total paid',
  /** The counter (till) a close is of, when asked for one. */
  closing_counter: () => 'Counter',
  closing_counters_section: () => 'Paid, by the counter that made the link',
  /** A counter's line in the section above: its name as the shop gave it. */
  closing_counter_line: (p: { name: string }) => p.name,
  /** Orders made before PayDesk recorded counters. */
  closing_no_counter: () => 'No counter recorded',
  closing_counter_unknown: () => 'That counter does not work on this order book.',
  closing_statements_section: () => 'Against the statements',
  closing_standing: (p: { standing: Standing }) =>
    ({
      verified: 'Verified',
      not_yet_verified: 'Not yet verified',
      amount_mismatch: 'amount differs',
      missing: 'missing from a statement',
      reconciled_by_hand: 'Reconciled by hand',
    })[p.standing],
  closing_links_section: () => 'Links made on this day',
  closing_links_made: () => 'All links made',
  /** What became of the links made on the day. */
  closing_made_status: (p: { status: OrderStatus }) =>
    ({ paid: 'Paid', pending: 'Still waiting for payment', cancelled: 'Cancelled', expired: 'Expired', failed: 'Failed (no link)' })[
      p.status
    ],
  closing_nothing: () => 'No payments and no links on this day.',
  closing_how_counted: () => 'Payments count on the day the money came in; links on the day they were made.',
  dialog_save_closing_pdf: () => 'Save the closing report as PDF',
} satisfies Phrasebook;
