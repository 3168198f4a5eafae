import type { Phrasebook } from '../catalog';

/**
 * What PayDesk says outside its page: the "Paid" notification, the titles of the dialogs the main process shows,
 * and the refusals of opening a payment page in the browser. (The tray and dock texts go here too.)
 */
export const desktop = {
  /** A return is the customer's browser saying "paid": a claim until a statement shows the money. */
  paid_notification_title: (p: { amountMinor: number; unverified: boolean; sandbox: boolean }, f) =>
    `${p.unverified ? 'Paid, not yet verified' : 'Payment received'}: ${f.money(p.amountMinor)}${p.sandbox ? ' (sandbox)' : ''}`,
  /** `customerName` is null where the notification may not name the customer (a screen that may be locked). */
  paid_notification_body: (p: { ref: string; customerName: string | null; transactionId: string | null; unverified: boolean }) =>
    `${p.ref}${p.customerName ? ` from ${p.customerName}` : ''}${p.transactionId ? ` — transaction ${p.transactionId}` : ''}` +
    (p.unverified ? '\nVerified once a statement shows it.' : ''),
  dialog_save_receipt_pdf: () => 'Save receipt as PDF',
  dialog_save_receipts_pdf: () => 'Save receipts as one PDF',
  dialog_receipts_folder: () => 'Choose a folder for the receipts',
  dialog_export_csv: () => 'Export orders as CSV',
  dialog_choose_statement: () => 'Choose a statement to import',
  dialog_statement_files: () => 'Statements (CSV, Excel)',
  dialog_choose_logo: () => 'Choose your shop logo',
  dialog_logo_files: () => 'Images (PNG, JPEG, WebP)',
  open_payment_link_missing: (p: { ref: string }) => `Order ${p.ref} has no payment link to open.`,
  open_payment_link_not_web: () => 'PayDesk only opens plain web (http or https) payment links.',
} satisfies Phrasebook;
