// A receipt as a pure function of the order and the shop: one self-contained HTML document (no scripts,
// no remote resources, fonts and logo inlined, every value escaped). Chromium turns it into a PDF: the
// app's hidden window with printToPDF, the tests' Playwright page.pdf().
import type { Order, ShopDetails } from '../../../shared/contract';
import { formatTaka } from '../../../shared/money';
import { escapeHtml } from '../values/escape-html';
import { receiptFontCss } from './receipt-fonts';

export type ReceiptLayout = 'a4' | 'roll80';
export type ReceiptLanguage = 'en' | 'bn';

const LABELS = {
  en: {
    receipt: 'Payment receipt',
    number: 'Receipt no.',
    date: 'Date',
    customer: 'Customer',
    email: 'E-mail',
    note: 'Note',
    amount: 'Amount paid',
    transaction: 'Transaction ID',
    status: 'Status',
    paid: 'Paid',
    manual: 'Paid — recorded by hand',
    verification: 'Verification',
    verified: 'Verified against statement',
    sandbox: 'SANDBOX — no real money moved',
    thanks: 'Thank you for your purchase.',
  },
  bn: {
    receipt: 'পেমেন্ট রসিদ',
    number: 'রসিদ নং',
    date: 'তারিখ',
    customer: 'গ্রাহক',
    email: 'ই-মেইল',
    note: 'নোট',
    amount: 'পরিশোধিত টাকা',
    transaction: 'লেনদেন আইডি',
    status: 'অবস্থা',
    paid: 'পরিশোধিত',
    manual: 'পরিশোধিত — হাতে লিপিবদ্ধ',
    verification: 'যাচাই',
    verified: 'স্টেটমেন্টের সাথে মিলিয়ে যাচাই করা হয়েছে',
    sandbox: 'স্যান্ডবক্স — আসল টাকা লেনদেন হয়নি',
    thanks: 'কেনাকাটার জন্য ধন্যবাদ।',
  },
} satisfies Record<ReceiptLanguage, Record<string, string>>;

const LOCALES: Record<ReceiptLanguage, string> = { en: 'en-BD', bn: 'bn-BD' };

const PAGE: Record<ReceiptLayout, { css: string; width: string }> = {
  a4: { width: '150mm', css: '@page{size:A4;margin:20mm}body{font-size:11pt}' },
  // A thermal roll has no fixed length: the page is as tall as the receipt needs (see rollHeightMm).
  roll80: { width: '72mm', css: 'body{font-size:8.5pt}' },
};

export type ReceiptInput = {
  order: Order;
  shop: ShopDetails;
  layout: ReceiptLayout;
  language: ReceiptLanguage;
};

/** Rows of label and value shown on the receipt, in order; only what the order has. */
function rows({ order, language }: Pick<ReceiptInput, 'order' | 'language'>): Array<[string, string]> {
  const l = LABELS[language];
  const when = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(order.paidAt ?? order.createdAt),
  );
  const list: Array<[string, string | null]> = [
    [l.number, order.ref],
    [l.date, when],
    [l.customer, order.customerName],
    [l.email, order.customerEmail],
    [l.note, order.note],
    [l.transaction, order.transactionId],
    [l.status, order.paidManually ? l.manual : l.paid],
    [l.verification, order.verification === 'verified' ? l.verified : null],
  ];
  return list.filter((row): row is [string, string] => row[1] !== null && row[1] !== '');
}

/** The roll's page height: header, rows (a long note wraps), amount, footer. Paper past it is blank. */
export function rollHeightMm(input: Pick<ReceiptInput, 'order' | 'shop' | 'language'>): number {
  const lines = rows(input).reduce((n, [, value]) => n + Math.ceil(value.length / 28), 0);
  const header = (input.shop.logoDataUrl ? 24 : 0) + 14 + (input.shop.address ? 8 : 0) + (input.shop.phone ? 4 : 0);
  return Math.ceil(header + 20 + lines * 5.5 + 16 + (input.order.sandbox ? 6 : 0) + 12);
}

function receiptBody(input: ReceiptInput): string {
  const { order, shop, language, layout } = input;
  const l = LABELS[language];
  const amount = formatTaka(order.amountMinor, LOCALES[language]);
  const shopLines = [shop.address, shop.phone].filter(Boolean).map((line) => `<div>${escapeHtml(line)}</div>`);
  return `<section class="receipt ${layout}">
<header>
${shop.logoDataUrl?.startsWith('data:image/') ? `<img class="logo" alt="" src="${escapeHtml(shop.logoDataUrl)}">` : ''}
<div class="shop">${escapeHtml(shop.name || ' ')}</div>
${shopLines.join('\n')}
<h1>${escapeHtml(l.receipt)}</h1>
${order.sandbox ? `<div class="sandbox">${escapeHtml(l.sandbox)}</div>` : ''}
</header>
<dl>
${rows(input)
  .map(([label, value]) => `<div class="row"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`)
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
<title>${escapeHtml(inputs.length === 1 ? `${LABELS[language].receipt} ${first.order.ref}` : LABELS[language].receipt)}</title>
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
