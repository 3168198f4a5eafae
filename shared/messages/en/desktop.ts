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
  // Keeping PayDesk running while the window is closed: the tray's (or the Dock's) menu, the one-time notice, the quit question.
  /** How many payment links customers may still pay and come back from. */
  tray_pending_count: (p: { count: number }, f) =>
    p.count === 0 ? 'No links waiting for payment' : `${f.count(p.count)} ${p.count === 1 ? 'link' : 'links'} waiting for payment`,
  /** One of the newest waiting links, as the Payments screen shows it: its ref and amount, nothing of the customer. */
  tray_pending_link: (p: { ref: string; amountMinor: number }, f) => `${p.ref} · ${f.money(p.amountMinor)}`,
  tray_more_pending: (p: { more: number }, f) => `and ${f.count(p.more)} more`,
  tray_open: () => 'Open PayDesk',
  tray_quit: () => 'Quit PayDesk',
  keep_running_title: () => 'PayDesk is still running',
  /** Where the shopkeeper finds PayDesk again: its icon by the clock (Windows, Linux) or in the Dock (macOS). */
  keep_running_body: (p: { where: 'tray' | 'dock' }) =>
    'PayDesk keeps running so customers who are paying can still come back. ' +
    (p.where === 'dock'
      ? 'Open it again or quit from its icon in the Dock.'
      : // Some Linux desktops show no icons by the clock: starting PayDesk again brings its window back there too.
        'Open it again or quit from its icon by the clock, or start PayDesk again from your apps.'),
  /** The one button of the notice where the system has no notifications and it is a small window instead. */
  keep_running_ok: () => 'OK',
  quit_pending_title: () => 'Quit PayDesk?',
  quit_pending_message: (p: { count: number }, f) =>
    `${f.count(p.count)} ${p.count === 1 ? 'customer' : 'customers'} may still come back to pay.`,
  quit_pending_detail: () =>
    'While PayDesk is closed, a customer who pays cannot come back to it, and the order stays pending until you reconcile the statement.',
  quit_anyway: () => 'Quit anyway',
  quit_keep_running: () => 'Keep running',
  // The app menu (Alt shows it on Windows and Linux; the menu bar on macOS).
  menu_file: () => 'File',
  menu_edit: () => 'Edit',
  menu_view: () => 'View',
  menu_help: () => 'Help',
  menu_close_window: () => 'Close window',
  menu_undo: () => 'Undo',
  menu_redo: () => 'Redo',
  menu_cut: () => 'Cut',
  menu_copy: () => 'Copy',
  menu_paste: () => 'Paste',
  menu_select_all: () => 'Select all',
  menu_zoom_in: () => 'Larger',
  menu_zoom_out: () => 'Smaller',
  menu_actual_size: () => 'Actual size',
  menu_full_screen: () => 'Full screen',
  menu_hide: () => 'Hide PayDesk',
  menu_hide_others: () => 'Hide others',
  menu_show_all: () => 'Show all',
  menu_about: () => 'About PayDesk',
  menu_logs_folder: () => 'Open logs folder',
} satisfies Phrasebook;
