// A receipt as a pure function of the order and the shop: one self-contained HTML document (no scripts,
// no remote resources, fonts and logo inlined, every value escaped). Chromium turns it into a PDF: the
// app's hidden window with printToPDF, the tests' Playwright page.pdf().
import type { Order, ShopDetails } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import type { MessageCode } from '../../../shared/messages/en';
import { formatsFor, type Clock } from '../../../shared/messages/formats';
import { render, say } from '../../../shared/messages/say';
import { escapeHtml } from '../values/escape-html';
import { receiptFontCss } from './receipt-fonts';

export type ReceiptLayout = 'a4' | 'roll80';

/** The words a receipt prints, in one language, from the catalog (area exports). */
function wordsOf(language: Language) {
  const word = (code: MessageCode) => render({ code, params: {} }, language);
  return {
    receipt: word('receipt_heading'),
    number: word('receipt_number'),
    date: word('receipt_date'),
    customer: word('receipt_customer'),
    email: word('receipt_email'),
    note: word('receipt_note'),
    amount: word('receipt_amount'),
    transaction: word('receipt_transaction'),
    counter: word('receipt_counter'),
    status: word('receipt_status'),
    paid: word('receipt_paid'),
    manual: word('receipt_paid_by_hand'),
    verification: word('receipt_verification'),
    verified: word('receipt_verified'),
    sandbox: word('receipt_sandbox'),
    thanks: word('receipt_thanks'),
  };
}

const PAGE: Record<ReceiptLayout, { css: string; width: string }> = {
  a4: { width: '150mm', css: '@page{size:A4;margin:20mm}body{font-size:11pt}' },
  // A thermal roll has no fixed length: the page is as tall as the receipt needs (see rollHeightMm).
  roll80: { width: '72mm', css: 'body{font-size:8.5pt}' },
};

export type ReceiptInput = {
  order: Order;
  shop: ShopDetails;
  layout: ReceiptLayout;
  language: Language;
  /** The shopkeeper's clock: 12-hour with the part of the day, or 24-hour. */
  clock: Clock;
};

/** A receipt row: its label, its value, and whether the value is data (a ref, a name) rather than words. */
type Row = [label: string, value: string, data: boolean];

/** Rows of label and value shown on the receipt, in order; only what the order has. */
function rows({ order, language, clock }: Pick<ReceiptInput, 'order' | 'language' | 'clock'>): Row[] {
  const l = wordsOf(language);
  // The shop's language writes the date, its digits and its time of day (Bengali day periods, never AM/PM).
  const when = formatsFor(language, clock).dateTime(order.paidAt ?? order.createdAt);
  const list: Array<[string, string | null, boolean]> = [
    [l.number, order.ref, true],
    [l.date, when, false],
    [l.customer, order.customerName, true],
    [l.email, order.customerEmail, true],
    [l.note, order.note, true],
    [l.transaction, order.transactionId, true],
    [l.counter, order.counterName, true],
    [l.status, order.paidManually ? l.manual : l.paid, false],
    [l.verification, order.verification === 'verified' ? l.verified : null, false],
  ];
  return list.filter((row): row is Row => row[1] !== null && row[1] !== '');
}

/** The roll's page height: header, rows (a long note wraps), amount, footer. Paper past it is blank. */
export function rollHeightMm(input: Pick<ReceiptInput, 'order' | 'shop' | 'language' | 'clock'>): number {
  const lines = rows(input).reduce((n, [, value]) => n + Math.ceil(value.length / 28), 0);
  const header = (input.shop.logoDataUrl ? 24 : 0) + 14 + (input.shop.address ? 8 : 0) + (input.shop.phone ? 4 : 0);
  return Math.ceil(header + 20 + lines * 5.5 + 16 + (input.order.sandbox ? 6 : 0) + 12);
}

function receiptBody(input: ReceiptInput): string {
  const { order, shop, language, layout } = input;
  const l = wordsOf(language);
  const amount = formatsFor(language).money(order.amountMinor);
  // The shop's and the customer's own words are data, the same in every language: marked so for translators.
  const shopLines = [shop.address, shop.phone].filter(Boolean).map((line) => `<div translate="no">${escapeHtml(line)}</div>`);
  return `<section class="receipt ${layout}">
<header>
${shop.logoDataUrl?.startsWith('data:image/') ? `<img class="logo" alt="" src="${escapeHtml(shop.logoDataUrl)}">` : ''}
<div class="shop" translate="no">${escapeHtml(shop.name || ' ')}</div>
${shopLines.join('\n')}
<h1>${escapeHtml(l.receipt)}</h1>
${order.sandbox ? `<div class="sandbox">${escapeHtml(l.sandbox)}</div>` : ''}
</header>
<dl>
${rows(input)
  .map(
    ([label, value, data]) =>
      `<div class="row"><dt>${escapeHtml(label)}</dt><dd${data ? ' translate="no"' : ''}>${escapeHtml(value)}</dd></div>`,
  )
  .join('\n')}
</dl>
<div class="amount"><span>${escapeHtml(l.amount)}</span><strong>${escapeHtml(amount)}</strong></div>
<footer>${escapeHtml(l.thanks)}</footer>
</section>`;
}

/** One HTML document holding the receipts, each on its own page. */
export function renderReceipts(inputs: ReceiptInput[]): string {
  const first = inputs[0];
  if (!first) throw new Error('No receipt to render.');
  const layout = first.layout;
  const language = first.language;
  const page = layout === 'roll80' ? `@page{size:80mm ${Math.max(...inputs.map(rollHeightMm))}mm;margin:4mm}` : '';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(inputs.length === 1 ? render(say('receipt_title', { ref: first.order.ref }), language) : wordsOf(language).receipt)}</title>
<style>
${receiptFontCss()}
${PAGE[layout].css}${page}
*{box-sizing:border-box}
body{margin:0;font-family:"Receipt Sans",sans-serif;color:#111;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.receipt{width:${PAGE[layout].width};margin:0 auto;break-after:page}
.receipt:last-child{break-after:auto}
header{text-align:center;margin-bottom:4mm}
.logo{max-width:40mm;max-height:20mm;object-fit:contain}
.shop{font-weight:600;font-size:1.4em}
h1{font-size:1.15em;font-weight:600;margin:3mm 0 0;letter-spacing:.02em}
.sandbox{margin-top:2mm;padding:1mm;border:1px dashed #b45309;color:#b45309;font-weight:600}
dl{margin:0;border-top:1px solid #999;border-bottom:1px solid #999;padding:2mm 0}
.row{display:flex;justify-content:space-between;gap:4mm;padding:.8mm 0}
dt{color:#444}
dd{margin:0;text-align:right;font-weight:600;overflow-wrap:anywhere}
.amount{display:flex;justify-content:space-between;align-items:baseline;font-size:1.3em;margin:3mm 0}
footer{text-align:center;color:#444;margin-top:4mm}
.a4 dl,.a4 .amount{font-size:1.05em}
</style></head><body>
${inputs.map(receiptBody).join('\n')}
</body></html>`;
}

export const renderReceipt = (input: ReceiptInput) => renderReceipts([input]);

/** A file name a shopkeeper recognises: receipt-PD-000123.pdf */
export const receiptFileName = (order: Pick<Order, 'ref'>, extension: 'pdf' | 'html') =>
  `receipt-${order.ref.replace(/[^A-Za-z0-9-]/g, '')}.${extension}`;
