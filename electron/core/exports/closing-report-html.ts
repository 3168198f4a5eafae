// A day's close on paper, as a pure function of the report and the shop: one self-contained HTML document like a
// receipt (no scripts, no remote resources, the receipt's fonts and the logo inlined, every value escaped), laid
// out for the 80 mm roll at the counter or for an A4 sheet, in the shop's language.
import type { ClosingReport, Message, ShopDetails } from '../../../shared/contract';
import { closingIsEmpty, closingSections, type ClosingLine } from '../../../shared/closing-lines';
import type { Language } from '../../../shared/messages/catalog';
import { formatsFor, type Clock } from '../../../shared/messages/formats';
import { render, say } from '../../../shared/messages/say';
import { escapeHtml } from '../values/escape-html';
import { receiptFontCss } from './receipt-fonts';
import type { ReceiptLayout } from './receipt-html';

export type ClosingReportInput = {
  report: ClosingReport;
  shop: ShopDetails;
  layout: ReceiptLayout;
  language: Language;
  clock: Clock;
};

const PAGE: Record<ReceiptLayout, { width: string; css: string }> = {
  a4: { width: '170mm', css: '@page{size:A4;margin:18mm 20mm}body{font-size:11pt}' },
  roll80: { width: '72mm', css: 'body{font-size:8.5pt}' },
};

/** The roll's page height: the header, each section's heading and lines, the footer. Paper past it is blank. */
function rollHeightMm({ report, shop }: Pick<ClosingReportInput, 'report' | 'shop'>): number {
  const lines = closingSections(report).reduce((n, section) => n + 1.6 + section.lines.length, 0);
  const meta = (report.sandbox ? 8 : 0) + (report.counterName ? 4 : 0);
  const header = (shop.logoDataUrl ? 24 : 0) + 14 + (shop.address ? 8 : 0) + (shop.phone ? 4 : 0) + 26 + meta;
  return Math.ceil(header + lines * 5.2 + 22);
}

export function renderClosingReport(input: ClosingReportInput): string {
  const { report, shop, layout, language, clock } = input;
  const f = formatsFor(language, clock);
  const word = (message: Message) => escapeHtml(render(message, language, f));
  const line = (l: ClosingLine) =>
    `<tr class="${[l.total ? 'total' : '', l.part ? 'part' : ''].join(' ').trim()}"><th scope="row">${word(l.label)}</th>` +
    `<td>${escapeHtml(f.count(l.count))}</td><td>${escapeHtml(f.money(l.sumMinor))}</td></tr>`;
  const sections = closingSections(report)
    .map(
      (section) => `<section class="figures ${section.id}">
<table>
<caption>${word(section.heading)}</caption>
<thead><tr><th></th><th scope="col">${word(say('closing_column_orders'))}</th><th scope="col">${word(say('closing_column_amount'))}</th></tr></thead>
<tbody>
${section.lines.map(line).join('\n')}
</tbody>
</table>
</section>`,
    )
    .join('\n');
  // The shop's own words are data, the same in every language; a sandbox profile's name says nothing the banner does not.
  const shopLines = [shop.address, shop.phone].filter(Boolean).map((text) => `<div translate="no">${escapeHtml(text)}</div>`);
  const size = layout === 'roll80' ? `@page{size:80mm ${rollHeightMm(input)}mm;margin:4mm}` : '';
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<title>${word(say('closing_title', { day: report.day }))}</title>
<style>
${receiptFontCss()}
${PAGE[layout].css}${size}
*{box-sizing:border-box}
body{margin:0;font-family:"Receipt Sans",sans-serif;color:#111;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.closing{width:${PAGE[layout].width};margin:0 auto}
header{text-align:center;margin-bottom:3mm}
.logo{max-width:40mm;max-height:20mm;object-fit:contain}
.shop{font-weight:600;font-size:1.3em}
h1{font-size:1.15em;font-weight:600;margin:3mm 0 1mm}
.day{font-weight:600}
.meta{color:#444;font-size:.9em}
.sandbox{margin-top:2mm;padding:1mm;border:1px dashed #b45309;color:#b45309;font-weight:600}
.figures{margin-top:3mm;break-inside:avoid}
table{width:100%;border-collapse:collapse;table-layout:fixed}
/* The same columns in every section, so the figures stand under each other down the page. */
thead th:nth-child(2){width:14%}
thead th:nth-child(3){width:28%}
caption{text-align:left;font-weight:600;padding:1mm 0;border-bottom:1px solid #999}
thead th{font-weight:400;color:#444;font-size:.85em;text-align:right;padding:.6mm 0}
tbody th{text-align:left;font-weight:400;padding:.8mm 2mm .8mm 0}
td{text-align:right;white-space:nowrap;padding:.8mm 0 .8mm 2mm;font-variant-numeric:tabular-nums}
tr.part th{padding-left:3mm;color:#444}
tr.total th,tr.total td{font-weight:600;border-top:1px solid #999}
.nothing{text-align:center;margin:4mm 0;font-weight:600}
footer{color:#444;margin-top:4mm;font-size:.85em;text-align:center}
.a4 h1{font-size:1.4em}
.a4 .figures{margin-top:6mm}
</style></head><body>
<main class="closing ${layout}">
<header>
${shop.logoDataUrl?.startsWith('data:image/') ? `<img class="logo" alt="" src="${escapeHtml(shop.logoDataUrl)}">` : ''}
${shop.name ? `<div class="shop" translate="no">${escapeHtml(shop.name)}</div>` : ''}
${shopLines.join('\n')}
<h1>${word(say('closing_heading'))}</h1>
<div class="day">${escapeHtml(f.dayLong(report.day))}</div>
${report.sandbox ? `<div class="sandbox">${word(say('receipt_sandbox'))}</div>` : `<div class="meta">${word(say('closing_profile'))}: <span translate="no">${escapeHtml(report.profileName)}</span></div>`}
${report.counterName ? `<div class="meta">${word(say('closing_counter'))}: <span translate="no">${escapeHtml(report.counterName)}</span></div>` : ''}
<div class="meta">${word(say('closing_as_of', { at: report.at }))}</div>
</header>
${closingIsEmpty(report) ? `<p class="nothing">${word(say('closing_nothing'))}</p>` : ''}
${sections}
<footer>${word(say('closing_how_counted'))}</footer>
</main>
</body></html>`;
}

/** A file name a shopkeeper recognises: paydesk-close-2026-03-14.pdf */
export const closingFileName = (day: string) => `paydesk-close-${day}.pdf`;
