// Every string PayDesk's screens show, in English: the source the Bengali translation (bengali.ts) follows
// key for key. `Messages` is this object's shape, so a key missing from a translation is a type error.
// Sentences from the core and the gateway are shown as they come, and are not here.
import type { ChannelRequest, OrderStatus, Preferences, ReturnReach, StatementMapping, Verification } from '../../../shared/contract';
import type { DayPreset } from '../orders/typed-day';

/** English plurals: "1 order", "2 orders". `shown` is the number as the language writes it. */
const plural = (n: number, shown: string, one: string, many: string) => `${shown} ${n === 1 ? one : many}`;

export const english = {
  tabHome: 'Home',
  tabPayments: 'Payments',
  tabOrders: 'Orders',
  tabReconcile: 'Reconcile',
  tabSettings: 'Settings',
  optional: '(optional)',
  saving: 'Saving…',
  cancel: 'Cancel',

  status: {
    pending: 'Pending',
    paid: 'Paid',
    cancelled: 'Cancelled',
    expired: 'Expired',
    failed: 'Failed',
  } satisfies Record<OrderStatus, string>,
  manualChip: 'manual',
  counterChip: 'at the counter',
  verification: {
    unverified: 'Not yet verified',
    verified: 'Verified',
    amount_mismatch: 'Amount differs',
    missing: 'Missing from statement',
    reconciled_by_hand: 'Reconciled by hand',
  } satisfies Record<Verification, string>,
  /** The order's amount and the statement's, side by side. */
  amountDiffers: (order: string, statement: string) => `Order ${order}, statement ${statement}`,
  statementShows: (amount: string) => `statement ${amount}`,
  sandboxChip: 'sandbox',

  // Header
  sandboxTag: 'SANDBOX',
  sandboxBanner: 'Sandbox mode — payments are simulated; no real money moves.',
  live: 'Live',
  customersReturnTo: 'Customers return to',
  listenerDown: 'Customers cannot be brought back to PayDesk.',
  oldListener: (url: string, time: string) => `PayDesk still answers at ${url} until ${time} for links handed out there.`,
  oldListenerExposed: 'Other machines on the network can reach it.',
  addressMoved: (from: string, to: string) =>
    `This computer’s network address changed from ${from} to ${to}, and PayDesk now listens there: new links send customers to the new address.`,
  addressMovedPending: (count: number, refs: string) =>
    `${count === 1 ? 'One link' : `${count} links`} handed out before still ${count === 1 ? 'sends its customer' : 'send their customers'} to the old address (${refs}): settle ${count === 1 ? 'it' : 'them'} when the customer shows the transaction ID, or by the statement.`,
  stopOldListener: 'Stop it now',
  stopOldListeners: 'Stop them now',
  stoppingOldListener: 'Stopping…',
  returnUnchecked: (url: string) =>
    `PayDesk has not yet checked that customers can come back to ${url}. Check it before the first customer pays.`,
  notNow: 'Not now',

  // A part of the screen that failed to draw
  brokenPart: 'PayDesk could not show this part of the screen. Nothing is lost: your orders are safe.',
  showAgain: 'Show again',
  backToList: 'Back to the list',

  // Errors
  gatewaySaid: 'The gateway said:',
  baseUrlHint:
    'Compare the Base URL in Settings with the Base URL on your gateway’s API Settings page, character by character (including http/https, www and a trailing slash).',

  // Announcements
  orderNowAnnouncement: (ref: string, status: string) => `Order ${ref} is now ${status}.`,
  linkCreatedAnnouncement: (ref: string) => `Payment link created for order ${ref}.`,
  profileInUseAnnouncement: (name: string) => `PayDesk now uses the profile ${name}.`,
  cancelledAnnouncement: (ref: string) => `The link for order ${ref} is cancelled.`,
  markedPaidAnnouncement: (ref: string) => `Order ${ref} is marked paid manually.`,
  claimedAtCounterAnnouncement: (ref: string) => `Order ${ref} is paid, claimed at the counter.`,

  // Welcome
  welcomeTitle: 'Welcome to PayDesk',
  welcomeIntro:
    'PayDesk makes payment links for your customers through your payment gateway, and marks each order Paid the moment the customer has paid.',
  welcomeChoice:
    'Try it first with the built-in sandbox, where no real money moves, or connect your own gateway with the API key from its API Settings page.',
  trySandbox: 'Try the sandbox',
  connectGateway: 'Connect my gateway',

  // Home
  dashboardTitle: 'Takings',
  newLinkShortcut: 'New payment link',
  statToday: 'Paid today',
  statLast7Days: 'Last 7 days',
  statPending: 'Links waiting for payment',
  paymentsCount: (n: number, shown: string) => plural(n, shown, 'payment', 'payments'),
  pendingWaiting: (amount: string) => `${amount} not yet paid`,
  showPending: 'Show pending links',
  chartTitle: 'Paid per day, last 30 days',
  chartDay: 'Day',
  chartPaid: 'Paid',
  chartPayments: 'Payments',
  chartBarTitle: (day: string, amount: string, count: string) => `${day}: ${amount} (${count} paid)`,
  today: 'Today',
  statUnverified: 'Paid, not yet verified',
  unverifiedNone: 'Every paid order is confirmed by a statement.',
  showVerification: (label: string, shown: string) => `${label}: ${shown}`,
  importStatementShortcut: 'Import statement…',

  // Closing the day (from Home)
  closeTheDay: 'Close the day',
  closingBack: 'Back to Home',
  closingDayLabel: 'Day',
  closingSaved: (file: string) => `Saved the closing report as ${file}.`,

  // Payment link form and panel
  newLinkTitle: 'New payment link',
  amountLabel: 'Amount',
  amountHint: 'In taka, for example 150.50, ৳1,500 or 1500/-',
  amountPlaceholder: '0.00',
  customerName: 'Customer name',
  customerEmail: 'Customer e-mail',
  note: 'Note',
  creatingLink: 'Creating link…',
  createLink: 'Create payment link',
  openSettings: 'Open Settings',
  linkTitle: 'Payment link',
  linkEmpty:
    'Enter an amount and choose “Create payment link”. The link appears here with a QR code, ready to copy or open for the customer.',
  linkCustomer: 'Customer:',
  linkForCustomer: 'Link for the customer',
  openInBrowser: 'Open in browser',
  paidNote: 'Paid · transaction',
  paidAtCounterNote: 'Claimed at the counter · transaction',
  copy: 'Copy',
  copied: 'Copied ✓',
  copiedNote: 'Copied — the link is on the clipboard.',
  clipboardUnavailable: 'PayDesk could not reach the clipboard. The link is selected: press Ctrl+C to copy it.',
  qrLabel: 'QR code of the payment link',
  /** Under a payment link's code: what a phone that scans it can do, as the return listener stands. */
  qrCaption: (reach: ReturnReach | null, sandbox: boolean): string => {
    switch (reach) {
      case 'anywhere':
        return 'The customer scans this with their phone to pay.';
      case 'shop_network':
        return 'The customer scans this with a phone on the shop’s Wi-Fi to pay.';
      case 'this_computer':
        return sandbox
          ? 'A phone cannot open this link: the sandbox is on this computer only.'
          : 'A phone that scans this can pay, but will not come back to PayDesk.';
      case 'unreachable':
        return 'No phone will come back to PayDesk from this link.';
      case null:
        return 'Scan this to open the payment page.';
    }
  },
  chooseWhereCustomersPay: 'Choose where customers pay',
  qrTooLong: 'This link is too long for a QR code; copy it or open it instead.',

  // Sending a pending link to a customer who is not at the counter, and printing its QR code
  shareTitle: 'Send the link',
  sharePhone: 'Customer’s mobile number',
  sharePhoneHint: 'For WhatsApp and SMS. Leave it empty to choose the contact there.',
  shareVia: { whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail' } satisfies Record<ChannelRequest<'shareLink'>['via'], string>,
  shareEmailTo: (email: string) => `E-mail goes to ${email}.`,
  shareOpened: {
    whatsapp: 'WhatsApp is open with the message: press Send there.',
    sms: 'Your SMS app is open with the message: press Send there.',
    email: 'Your e-mail app is open with the message: press Send there.',
  } satisfies Record<ChannelRequest<'shareLink'>['via'], string>,
  printQrTitle: 'Print the QR code',
  printQrHint: 'A sign for the counter: the code, the amount and your shop’s name.',
  qrSignSaved: (ref: string) => `Saved the QR code for ${ref} as a PDF.`,
  foreignHost: (host: string, gateway: string | null) =>
    `This link points to ${host}, not to your gateway${gateway ? ` ${gateway}` : ''}. Check it before giving it to a customer.`,

  // The counter: selling fast (the keypad, quick amounts, the confirmation, the Paid state)
  newSaleKeys: 'New sale from any screen:',
  or: 'or',
  keypadLabel: 'Keypad',
  keypadBack: 'Delete the last digit',
  keypadClear: 'Clear all digits',
  quickAmountsLabel: 'Quick amounts',
  itemPresetsLabel: 'Items',
  confirmAmountTitle: (amount: string) => `Make a link for ${amount}?`,
  confirmAmountWhy: (threshold: string) => `That is more than ${threshold}: read the amount back before the customer pays it.`,
  confirmAmountWords: (words: string) => `In words: ${words}.`,
  confirmAmountYes: 'Make the link',
  confirmAmountBack: 'Change the amount',
  paidMark: 'PAID',
  paidTransactionLabel: 'Transaction ID',
  nextSale: 'Next sale',
  sameAmountAgain: 'Make another for the same amount',
  linkOver: 'This link can no longer be paid: there is nothing to hand out.',

  // Settings: the counter's own amounts
  counterTitle: 'The counter',
  counterIntro: 'What the Payments screen offers at one press, and the amount above which PayDesk asks before making a link.',
  quickAmountField: (n: string) => `Quick amount ${n}`,
  quickAmountsHint: (max: string) => `Up to ${max}, in taka.`,
  addQuickAmount: 'Add an amount',
  removeQuickAmount: (n: string) => `Remove quick amount ${n}`,
  itemsHint: 'Pressing an item puts its price in the amount and its name in the note.',
  itemName: 'Item',
  itemPrice: 'Price',
  addItem: 'Add an item',
  removeItem: (n: string) => `Remove item ${n}`,
  confirmAboveLabel: 'Ask before a link above',
  confirmAboveHint: 'PayDesk shows such an amount in digits and in words, and makes the link once you confirm.',
  saveCounter: 'Save the counter',
  counterSaved: 'Saved: the Payments screen offers these now.',

  // Orders list
  ordersTitle: 'Orders',
  loadingOrders: 'Loading orders…',
  /** The rows are here; the totals of a broad search are still being counted. */
  countingOrders: '…',
  loadingRow: 'Loading…',
  totalsLine: (count: number, shownCount: string, paidCount: string, paidSum: string) =>
    `${plural(count, shownCount, 'order', 'orders')} · ${paidCount} paid · ${paidSum} received`,
  noMatchingOrders: 'No orders match this search and filter.',
  noOrdersYet: 'No orders yet. Payment links you create appear here.',
  noOrdersForProfile: 'No orders for this profile yet. Payment links you create appear here.',
  ordersFilterLabel: 'Find orders',
  searchLabel: 'Search orders',
  searchPlaceholder: 'Search ref, customer, e-mail, transaction id, note or amount',
  statusFilterLabel: 'Status',
  allStatuses: 'All statuses',
  fromLabel: 'From',
  toLabel: 'To',
  allProfiles: 'All profiles',
  verificationFilterLabel: 'Statement',
  allVerifications: 'Any',
  clearFilters: 'Clear filters',
  dayPlaceholder: 'dd/mm/yyyy',
  dayPresetsLabel: 'Dates',
  dayPresets: {
    today: 'Today',
    yesterday: 'Yesterday',
    thisWeek: 'This week',
    thisMonth: 'This month',
  } satisfies Record<DayPreset, string>,
  columnRef: 'Ref',
  columnProfile: 'Profile',
  columnTime: 'Time',
  columnCustomer: 'Customer',
  columnAmount: 'Amount',
  columnStatus: 'Status',
  columnTransaction: 'Transaction',

  // Order detail
  orderTitle: 'Order',
  closeDetail: 'Close order details',
  loadingOrder: 'Loading the order…',
  detailLinkLabel: 'Payment link',
  noLinkToHandOut: 'No link to hand out for this order.',
  cancelLink: 'Cancel link',
  markPaidManually: 'Mark as paid manually',
  customerShowsId: 'The customer shows a transaction ID',
  fieldCustomer: 'Customer',
  fieldEmail: 'E-mail',
  fieldNote: 'Note',
  fieldProfile: 'Profile',
  fieldCreated: 'Created',
  fieldExpires: 'Link expires',
  fieldExpired: 'Link expired',
  fieldPaid: 'Paid',
  fieldPaidHow: 'Payment',
  paidHowManual: 'Marked paid manually',
  paidHowGateway: 'Through the gateway',
  paidHowCounter: 'Claimed at the counter',
  paidHowStatement: 'From a statement',
  fieldTransaction: 'Transaction id',
  fieldCancelled: 'Cancelled',
  fieldFailure: 'Why it failed',
  fieldVerification: 'Statement',
  fieldStatementAmount: 'Statement shows',
  timelineTitle: 'Timeline',
  timeline: {
    created: (amount: string) => `Order created for ${amount}.`,
    createdPlain: 'Order created.',
    linkIssued: 'The gateway issued the payment link.',
    linkFailed: (message: string) => `The gateway did not issue a link: ${message}`,
    paid: (transactionId: string) => `Paid: the gateway sent the customer back with transaction ${transactionId}.`,
    paidLate: (transactionId: string, status: string) =>
      `Paid after the link was ${status.toLowerCase()}: the gateway sent the customer back with transaction ${transactionId}.`,
    paidManually: 'Marked paid manually. Reason:',
    claimedAtCounter: (transactionId: string) => `Claimed at the counter: the customer showed transaction ${transactionId}.`,
    returnAfterManualPayment: (transactionId: string) =>
      `The gateway also sent the customer back with transaction ${transactionId}, after this order was marked paid by hand: check whether the customer paid twice.`,
    cancelledByCustomer: 'The customer cancelled on the gateway’s page.',
    cancelledByShopkeeper: 'The link was cancelled in PayDesk.',
    expired: 'The link expired unpaid.',
    returnConflict: (offered: string, recorded: string) =>
      `A second return offered transaction ${offered}; the recorded ${recorded} stands.`,
    duplicateTransaction: (offered: string, heldBy: string) =>
      `A return offered transaction ${offered}, which already paid ${heldBy}: refused.`,
    rejectedReturn: (reason: string) => `A return was refused: ${reason}.`,
    verified: (statement: string, line: string) => `Verified by the statement ${statement} (line ${line}).`,
    amountMismatch: (statement: string, line: string, amount: string) =>
      `The statement ${statement} (line ${line}) shows this payment with another amount: ${amount}.`,
    missingFromStatement: (statement: string) => `Missing from the statement ${statement}, which covers the time it was paid.`,
    attachedStatementLine: (transactionId: string, statement: string, line: string) =>
      `Paid by hand from the statement ${statement} (line ${line}): transaction ${transactionId} attached.`,
    recordedFromStatement: (transactionId: string, statement: string, line: string) =>
      `Recorded from the statement ${statement} (line ${line}): transaction ${transactionId}.`,
    createdFromStatement: (amount: string) => `Order created from a statement payment of ${amount}.`,
    rejectReasons: {
      missing_transaction_id: 'it carried no transaction id',
      repeated_transaction_id: 'it carried more than one transaction id',
      invalid_transaction_id: 'its transaction id was malformed',
    },
  },
  cancelOrderTitle: (ref: string, amount: string) => `Cancel the link for ${ref} (${amount})?`,
  cancelOrderConsequence: 'The customer can no longer pay through this link. The order stays in the list as cancelled.',
  keepLink: 'Keep the link',
  cancellingLink: 'Cancelling…',
  cancelLinkConfirm: 'Cancel link',
  markPaidTitle: (ref: string, amount: string) => `Mark ${ref} (${amount}) as paid?`,
  markPaidConsequence:
    'For a payment that did not come through the gateway, such as cash at the counter. The reason is kept in the order’s timeline, and the order shows as paid manually.',
  manualReasonLabel: 'Reason',
  manualReasonPlaceholder: 'For example: paid in cash at the counter',
  manualReasonRequired: 'Say why this order is paid, for example “paid in cash at the counter”.',
  keepUnpaid: 'Back',
  markingPaid: 'Marking paid…',
  markPaidConfirm: 'Mark as paid',
  counterClaimTitle: (ref: string, amount: string) => `The customer shows a transaction ID for ${ref} (${amount})`,
  counterClaimConsequence:
    'For a customer who paid but whose phone never came back to PayDesk. Type the transaction ID from their payment screen or SMS: the order turns Paid, claimed at the counter, and stays not yet verified until a statement shows the payment.',
  counterIdLabel: 'Transaction ID',
  counterIdHint: 'As the customer’s screen shows it, for example 8N7A6D5C. One transaction ID pays one order.',
  counterIdRequired: 'Type the transaction ID the customer shows.',
  claimingAtCounter: 'Recording…',
  counterClaimConfirm: 'Record the payment',

  // Receipt of one paid order
  receiptTitle: 'Receipt',
  receiptPaper: 'Paper',
  receiptLayouts: {
    a4: 'A4',
    roll80: '80 mm roll',
  } satisfies Record<ChannelRequest<'saveReceiptPdf'>['layout'], string>,
  previewReceipt: 'Preview',
  printReceipt: 'Print',
  saveReceiptPdf: 'Save as PDF',
  receiptSaved: (ref: string) => `Saved the receipt for ${ref} as a PDF.`,

  // Exports of the orders list
  exportCsv: 'Export CSV',
  exportReceipts: 'Receipts…',
  receiptsDialogTitle: 'Receipts for this list',
  receiptsToMake: (n: number, shown: string) =>
    `${plural(n, shown, 'paid order matches', 'paid orders match')} the list’s search and filters: one receipt each.`,
  noReceiptsToMake: 'No paid order matches the list’s search and filters, so there are no receipts to make.',
  receiptsSaveAs: 'Save as',
  receiptsCombined: 'One PDF with every receipt',
  receiptsPerOrder: 'One PDF per order, into a folder',
  saveReceipts: 'Save receipts…',
  exportingOrders: 'Exporting orders',
  makingReceipts: 'Making receipts',
  exportStarting: 'Starting…',
  ordersProgress: (done: string, total: number, shownTotal: string) => `${done} of ${plural(total, shownTotal, 'order', 'orders')}`,
  receiptsProgress: (done: string, total: number, shownTotal: string) => `${done} of ${plural(total, shownTotal, 'receipt', 'receipts')}`,
  stopExport: 'Cancel',
  cancellingExport: 'Cancelling…',
  receiptsSaved: (n: number, shown: string) => `Saved ${plural(n, shown, 'receipt', 'receipts')}`,
  ordersExported: (n: number, shown: string) => `Exported ${plural(n, shown, 'order', 'orders')}`,
  exportCancelled: 'Cancelled — nothing was saved',
  dismissOutcome: 'Dismiss',

  // Reconcile: statement import
  reconcileTitle: 'Reconcile with a statement',
  reconcileIntro:
    'Import the statement from your gateway’s panel or your wallet’s merchant portal (CSV or Excel). PayDesk checks every paid order against it, and lists the payments it shows that no order claims.',
  importStatement: 'Import statement…',
  chooseAnotherStatement: 'Choose another file…',
  openingStatement: 'Opening…',
  statementFile: (name: string) => `Statement: ${name}`,
  statementRows: (n: number, shown: string) => plural(n, shown, 'line', 'lines'),
  previewCaption: (shown: string, total: string) => `The first ${shown} of ${total} lines, as in the file`,
  mappingTitle: 'Which column holds what',
  mappingIntro: 'PayDesk guessed from the column names. Check each choice against the lines above.',
  mappingFields: {
    transactionId: 'Transaction ID',
    amount: 'Amount',
    time: 'Date and time',
    sender: 'Sender',
    reference: 'Reference',
  } satisfies Record<keyof StatementMapping, string>,
  chooseColumn: 'Choose a column…',
  noColumn: 'None',
  columnRequired: {
    transactionId: 'Choose the column with the transaction ID.',
    amount: 'Choose the column with the amount.',
    time: 'Choose the column with the date or time.',
  } satisfies Record<'transactionId' | 'amount' | 'time', string>,
  importNow: 'Import',
  importing: 'Importing…',
  discardStatement: 'Cancel',
  importedAnnouncement: (name: string) => `Imported the statement ${name}.`,

  // Reconcile: report
  reportTitle: 'What the statement showed',
  reportCovers: (from: string, to: string) => (from === to ? `Payments on ${from}` : `Payments from ${from} to ${to}`),
  reportNoDates: 'No payments could be read from this statement.',
  reportLines: (lines: string, imported: string) => `${lines} lines in the file, ${imported} new to PayDesk`,
  reportCounts: {
    verified: 'Verified',
    amountMismatch: 'Amount differs',
    missing: 'Missing from statement',
    unclaimed: 'Unclaimed',
    alreadyKnown: 'Already known',
  },
  reportCountHints: {
    verified: 'Paid orders the statement confirms at their amount.',
    amountMismatch: 'Paid orders the statement shows with another amount.',
    missing: 'Paid orders in the statement’s time that it does not show.',
    unclaimed: 'Payments that match no order: settle them below.',
    alreadyKnown: 'Lines imported before; nothing changed for them.',
  },
  showOrdersOf: 'Show these orders',
  rejectedTitle: (n: number, shown: string) => `${plural(n, shown, 'line was', 'lines were')} not imported`,
  rejectedNone: 'Every line of the file was read.',
  rejectedMore: (n: number, shown: string) => `…and ${plural(n, shown, 'more line', 'more lines')}, not listed here.`,
  rejectedLine: 'Line',
  rejectedText: 'Text in the file',
  rejectedReason: 'Why',

  // Reconcile: unclaimed payments
  unclaimedTitle: 'Unclaimed payments',
  unclaimedIntro: 'Money the statements show arriving that no order claims: the customer paid but never came back, or paid without a link.',
  unclaimedNone: 'No unclaimed payments.',
  loadingUnclaimed: 'Loading unclaimed payments…',
  unclaimedCount: (n: number, shown: string) => plural(n, shown, 'payment', 'payments'),
  columnSender: 'Sender / reference',
  columnActions: 'Settle',
  attachToOrder: 'Attach to order…',
  recordAsOrder: 'Record as new paid order',
  attachTitle: (trx: string, amount: string) => `Attach ${trx} (${amount}) to an order`,
  attachIntro: 'Choose the unpaid order this payment was for. It turns Paid with this transaction, marked reconciled by hand.',
  attachSearchLabel: 'Search orders',
  attachSearchPlaceholder: 'Ref, customer, e-mail or note',
  attachStatusLabel: 'Status',
  attachCandidates: 'Orders',
  attachNoMatches: 'No order with this status matches the search.',
  attachSearching: 'Searching…',
  attachOtherAmount: 'other amount',
  attachConfirm: (ref: string) => `Attach to ${ref}`,
  attachChoose: 'Choose an order',
  attaching: 'Attaching…',
  attachedAnnouncement: (trx: string, ref: string) => `Transaction ${trx} attached: order ${ref} is now paid.`,
  recordTitle: (trx: string, amount: string) => `Record ${trx} (${amount}) as a new paid order?`,
  recordConsequence: 'PayDesk makes a paid order for this payment, dated when the money arrived, marked reconciled by hand.',
  recordCustomerLabel: 'Customer name',
  recordConfirm: 'Record paid order',
  recording: 'Recording…',
  recordedAnnouncement: (trx: string, ref: string) => `Transaction ${trx} recorded as paid order ${ref}.`,
  settledNote: (trx: string, ref: string) => `${trx} is now order ${ref}.`,
  openSettledOrder: 'Open order',

  // Toast
  toastPaidTitle: (amount: string) => `Payment received: ${amount}`,
  toastPaidUnverifiedTitle: (amount: string) => `Paid, not yet verified: ${amount}`,
  toastUnverifiedNote: 'Verified once a statement shows it.',
  toastOpen: 'Open order',
  dismissToast: 'Dismiss',

  // The customer view (the screen turned to the customer) and its button
  customerViewButton: 'Customer screen',
  customerViewHint:
    'Shows the amount and the QR code to the customer: full screen on a second display, or a window to make full screen with F11. Keyboard: Ctrl+Shift+D',
  customerWelcome: 'Welcome',
  customerScanToPay: 'Scan to pay',
  customerSandbox: 'Test payment: no real money',
  customerPaid: 'PAID',
  customerTransaction: 'Transaction ID',
  customerThanks: 'Thank you',

  // Settings: the Paid chime
  soundLegend: 'Sound when a payment arrives',
  soundOn: 'Play a chime when a customer’s payment comes back',
  soundVolume: 'Volume',
  soundVolumeValue: (percent: string) => `${percent}%`,
  soundTry: 'Play it',

  // Settings: keeping PayDesk running
  desktopTitle: 'Keep PayDesk running',
  keepRunningLabel: 'Keep PayDesk running when its window is closed',
  keepRunningHint:
    'Customers who are paying can still come back, and their orders turn Paid. PayDesk waits by the clock (in the Dock on a Mac): open it or quit it from there.',
  keepRunningOffHint: 'Closing the window quits PayDesk. Customers who pay after that cannot come back to it.',
  startAtLoginLabel: 'Start PayDesk when this computer starts',
  startAtLoginHint: 'It starts without its window, by the clock, with the return address answering.',

  // Settings: preferences
  preferencesTitle: 'Language, time, notifications and payment links',
  languageLegend: 'Language',
  languageHint: 'Applies at once, and PayDesk remembers it.',
  clockLegend: 'Times of day',
  clocks: {
    '12h': '12-hour',
    '24h': '24-hour',
  } satisfies Record<Preferences['clock'], string>,
  notificationNamesLegend: 'Customer names in “Paid” notifications',
  notificationNames: {
    never: 'Never',
    unlocked: 'Only while the screen is unlocked',
    always: 'Always, even on the lock screen',
  } satisfies Record<Preferences['notificationNames'], string>,
  notificationNamesHint:
    'Notifications can show on the lock screen, where anyone at the counter can read them. Where this computer cannot tell whether its screen is locked, names are left out unless you choose Always.',
  linkHoursLabel: 'Payment links stay open for (hours)',
  linkHoursHint: 'A pending link expires after this long: 1 to 720 hours (30 days). Applies to links made from now on.',
  linkHoursInvalid: 'Enter a whole number of hours from 1 to 720.',
  saveLinkHours: 'Save link lifetime',
  linkHoursSaved: (hours: string) => `Saved. New links stay open for ${hours} hours.`,

  // Settings: profiles
  merchantProfiles: 'Merchant profiles',
  addProfile: 'Add profile',
  loadingProfiles: 'Loading profiles…',
  addAProfile: 'Add a profile',
  profile: 'Profile',
  chooseProfile: 'Choose a profile to edit, or add one.',
  modeSandbox: 'Sandbox',
  modeLive: 'Live',
  sandboxModeLine: 'PayDesk’s built-in practice gateway: no real money moves.',
  liveModeLine: 'Real payments through your gateway.',
  profileName: 'Profile name',
  profileNameHintSandbox: 'The sandbox keeps its name.',
  profileNameHintLive: 'Your name for this gateway account, for example the shop’s name.',
  baseUrl: 'Base URL',
  baseUrlHintSandbox: 'Set by PayDesk: the address of the built-in sandbox gateway.',
  baseUrlHintLive:
    'Exactly as shown on your gateway’s API Settings page. PayDesk also sends it to the gateway as client_base_url, so it must match character by character.',
  returnListener: 'Return address',
  returnListenerHint: 'Where the gateway sends customers back after they pay, so the order turns Paid.',
  port: 'Port',
  portInvalid: 'The port is a whole number from 1 to 65535, for example 47400.',
  portHint: 'The port customers come back to PayDesk on: 47400 unless another program uses it.',
  whereCustomersPay: 'Where do customers pay?',
  whereOptions: {
    this_computer: {
      title: 'On this computer',
      hint: 'In a browser on this computer. A customer who pays on a phone will not come back to PayDesk.',
    },
    shop_wifi: {
      title: 'On their phones, on the shop’s Wi-Fi',
      hint: 'PayDesk listens on this computer’s address on the shop’s network. Phones on the same Wi-Fi come back; a phone on mobile data does not.',
    },
    anywhere: {
      title: 'On their phones, anywhere (mobile data too)',
      hint: 'Customers come back through a public address the shop puts in front of PayDesk: a tunnel, or your own web server.',
    },
  },
  wifiAddress: 'This computer’s address on the shop’s Wi-Fi',
  noLanAddress:
    'This computer is on no network right now. Connect it to the shop’s Wi-Fi and open Settings again, or type its address below.',
  whereRequired: 'Choose where your customers pay: PayDesk brings them back there.',
  wifiAddressRequired: 'Choose this computer’s address on the shop’s Wi-Fi.',
  publicAddressRequired: 'Type the public address your tunnel or web server gives you, for example https://pay.myshop.com.bd.',
  publicReturnAddress: 'Public return address',
  publicReturnHint:
    'The https:// address your tunnel or web server gives you. Customers come back to it, and it passes them on to PayDesk.',
  proxyElsewhere: 'The tunnel or web server runs on another computer',
  returnWaysTitle: 'Ways to get a public address',
  returnWaysIntro: (target: string) =>
    `Each passes customers on to PayDesk at ${target}. Run one, then type the https:// address it gives you above.`,
  returnWays: {
    cloudflare:
      'A named tunnel: NAME is the tunnel you made with “cloudflared tunnel create”, and the address is the hostname you routed to it.',
    tailscale: 'The address is https://<this computer’s name>.<your tailnet>.ts.net.',
    ngrok: 'With a static domain: NAME is the free domain on your ngrok dashboard, such as myshop.ngrok-free.app.',
    nginx: 'Your own web server: this line goes in the location / block of your https:// address.',
  },
  tunnelRunTitle: 'Run my Cloudflare tunnel with PayDesk',
  tunnelRunHint:
    'cloudflared is installed on this computer, so PayDesk can run your named tunnel while it is open, and start it again whenever PayDesk starts. Create the tunnel once with “cloudflared tunnel create NAME” and route it to the address above with “cloudflared tunnel route dns NAME HOST”.',
  tunnelName: 'Tunnel name',
  tunnelNameHint: 'The NAME you gave “cloudflared tunnel create”: letters, digits, “-” and “_”.',
  startTunnel: 'Start tunnel',
  stopTunnel: 'Stop tunnel',
  tunnelInUseOnly: 'PayDesk runs the tunnel of the profile in use: save this profile and switch to it first.',
  tunnelSavedOnly: 'Save your changes first: the tunnel passes customers on to the return address as saved.',
  tunnelState: {
    stopped: 'The tunnel is not running.',
    starting: 'Starting the tunnel: waiting for Cloudflare to accept it…',
    running: 'The tunnel is running: customers come back to PayDesk through Cloudflare.',
  },
  tunnelExited: (code: number | null, line: string | null) =>
    `The tunnel stopped by itself${code === null ? '' : ` (exit code ${code})`} and PayDesk gave up trying again. cloudflared said: ${line ?? 'nothing'}`,
  tunnelLog: 'What cloudflared said',
  tunnelNotInstalled:
    'PayDesk can run a Cloudflare named tunnel for you once cloudflared is installed on this computer. Until then, run one of these yourself.',
  /** After saving the profile in use: who can come back to the return address now. */
  reachSaved: {
    this_computer: 'Only a browser on this computer can come back to PayDesk.',
    shop_network: 'Phones on the shop’s Wi-Fi can come back to PayDesk.',
    anywhere: 'Phones anywhere can come back through the public address, while your tunnel or web server runs.',
    unreachable: 'This computer does not have that address now, so no customer can come back.',
  } satisfies Record<ReturnReach, string>,
  proveWayBack: 'Prove the way back',
  proofSavesFirst: 'Save the profile first, then switch to it: PayDesk checks the way back it uses.',
  proofInUseOnly: 'PayDesk checks the way back of the profile in use: switch to this profile first.',
  proofSavedOnly: 'Save your changes first: PayDesk checks the way back it uses now.',
  checkReturnAddress: 'Check the return address',
  returnCheckHint: 'PayDesk calls its own return address with a one-time code and sees whether it hears itself.',
  returnSteps: {
    url: 'Return address',
    dns: 'Finding it (DNS)',
    tcp: 'Reaching it (TCP)',
    tls: 'Secure connection (TLS)',
    heard: 'PayDesk heard itself',
  },
  testWithPhone: 'Test with a phone',
  newPhoneTest: 'New phone test',
  phoneTestHint: 'A QR code for a one-time test page: open it on a phone the way a customer would.',
  phoneTestQrLabel: 'QR code of the phone test page',
  phoneTestCaption: (time: string) =>
    `Scan it with a phone as a customer would (on the shop’s Wi-Fi or mobile data). It works once, until ${time}.`,
  phoneTestAddress: 'Or type this address in the phone’s browser:',
  phoneTestLoopback:
    'PayDesk listens on this computer only, so no phone can open this page. Choose where customers pay above, save, and test again.',
  waitingForPhone: 'Waiting for a phone to open the page…',
  phoneReached: (address: string) => `A phone reached PayDesk just now (${address}).`,
  saveChanges: 'Save changes',
  saveProfile: 'Save profile',
  keyNotSaved: (message: string) => `The profile was saved, but not the API key: ${message}`,
  apiKey: 'API key',
  keyState: {
    saved: 'Saved, encrypted by this computer’s key store.',
    savedWeak: 'Saved on this computer under weak protection.',
    session: 'Kept until PayDesk closes; you will need to enter it again next time.',
    missing: 'Missing: no payment links can be made with this profile until you enter it.',
    needs_reentry: 'This computer’s key store changed, so the saved key cannot be read: enter the key again.',
    not_needed: 'Not needed: the sandbox has no API key.',
  },
  keyShort: {
    saved: 'key saved',
    session: 'key kept until PayDesk closes',
    missing: 'no API key yet',
    needs_reentry: 'enter the key again',
    not_needed: 'no key needed',
  },
  apiKeyReplacePlaceholder: 'Type a new key only to replace the saved one',
  apiKeyNewPlaceholder: 'Paste the key from the API Settings page',
  apiKeyHint: 'The secret key on your gateway’s API Settings page. PayDesk never shows it again once saved.',
  connectionSteps: {
    url: 'Web address',
    dns: 'Finding the server (DNS)',
    tcp: 'Reaching the server (TCP)',
    tls: 'Secure connection (TLS)',
    http: 'Gateway answers (HTTP)',
  },
  checking: 'Checking…',
  checkConnection: 'Check connection',
  makesNoPayment: 'Makes no payment.',
  checkSavesFirst: 'Save the profile first: PayDesk checks the Base URL it has saved.',
  checkSavedOnly: 'Save your changes first: PayDesk checks the saved Base URL.',
  stepOk: 'ok',
  stepFailed: 'failed',
  listenAddress: 'Listen address',
  anotherAddress: 'Another address…',
  addressToListenOn: 'Address to listen on',
  exposureWarning: 'Not this computer only: other devices that can reach this address can open PayDesk’s return page.',
  inUse: 'In use',
  removedNote: 'Removed — its orders are kept, read-only',
  switchTo: 'Switch to',
  edit: 'Edit',
  remove: 'Remove',
  removeTitle: (name: string) => `Remove the profile “${name}”?`,
  removeConsequence:
    'PayDesk stops using it and forgets its API key. Its orders are kept: they stay listed, read-only, under All profiles.',
  keepIt: 'Keep it',
  removing: 'Removing…',
  removeProfile: 'Remove profile',
  savedName: (name: string) => `Saved “${name}”.`,
  whereKeysKept: 'Where API keys are kept',
  keepWeak: 'Keep keys under weak protection',
  weakAccepted:
    'Keys survive a restart, but anyone who copies PayDesk’s data folder could read them. Untick to take them off the disk again; they then last until PayDesk closes.',
  weakNotAccepted: 'Keys would survive a restart, but anyone who copies PayDesk’s data folder could read them.',

  // Settings: shop
  shopDetails: 'Shop details',
  shopDetailsIntro: 'Printed on every receipt.',
  shopName: 'Shop name',
  shopAddress: 'Address',
  shopPhone: 'Phone',
  saveShopDetails: 'Save shop details',
  shopSaved: 'Saved. Receipts show these details from now on.',
  logo: 'Logo',
  noLogo: 'No logo',
  logoAlt: 'The shop’s logo',
  chooseLogo: 'Choose logo…',
  removeLogo: 'Remove logo',
  logoHint: 'Printed at the top of receipts: a PNG, JPEG or WebP picture of at most 512 KB.',

  // Settings: Help › About
  aboutTitle: 'Help › About PayDesk',
  aboutIntro: 'What this PayDesk is and where it keeps its things, for whoever helps you with it.',
  aboutLoading: 'Reading…',
  aboutVersion: 'Version',
  aboutNotDesktop: '— not running in the desktop app',
  aboutDataFolder: 'Data folder',
  aboutOpenFolder: 'Open folder',
  aboutLogsFolder: 'Logs',
  aboutOpenLogsFolder: 'Open logs folder',
  aboutCopyDiagnostics: 'Copy diagnostics',
  aboutDiagnosticsHint:
    'The version, this computer’s system, the return address and the last problems, to send to whoever helps you. Never an API key, a link or a customer’s details.',
  aboutDiagnosticsCopied: 'Copied — the diagnostics are on the clipboard.',
  aboutDiagnosticsUnavailable: 'PayDesk could not reach the clipboard. The diagnostics are selected below: press Ctrl+C to copy them.',
  // Settings: updates (the release feed; it only tells)
  updatesTitle: 'Updates',
  updatesIntro:
    'PayDesk can ask the feed whoever distributes it publishes to whether a newer PayDesk is out. It only tells you: nothing is downloaded or installed, and while this is off PayDesk asks no one.',
  updateChecksLabel: 'Check for a newer PayDesk (when PayDesk starts, and once a day)',
  updateFeedLabel: 'Update feed',
  updateFeedHint: 'The folder PayDesk’s installers are published to, for example https://downloads.example.com/paydesk/',
  saveUpdates: 'Save',
  checkNow: 'Check now',
  checkingUpdates: 'Checking…',
  updateAvailable: (version: string, running: string) => `PayDesk ${version} is available (you have ${running}).`,
  updateReleased: (date: string) => `Released ${date}.`,
  updateCurrent: (version: string) => `This PayDesk (${version}) is the newest.`,
  updateCheckedAt: (at: string) => `Checked ${at}.`,
  updatesOff: 'Update checks are off.',
  updateNotChecked: 'Not checked yet.',
  download: 'Download',
};

export type Messages = typeof english;
