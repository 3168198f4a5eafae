// A pending link's QR code as a sign for the counter, a pure function of the order and the shop: one
// self-contained HTML document like a receipt (no scripts, nothing remote, fonts and logo inlined, every value
// escaped), on the 80 mm roll or on A4. The code is drawn large, with "Scan to pay" in Bengali and in English
// whatever the shop's language (a customer reads one or the other), the amount, the shop's name and logo.
import type { Order, Reply, ShopDetails } from '../../../shared/contract';
import { LANGUAGES, type Language } from '../../../shared/messages/catalog';
import { formatsFor, type Clock } from '../../../shared/messages/formats';
import { render, say } from '../../../shared/messages/say';
import { qrPath } from '../../../shared/qr-path';
import { appError, fail, ok } from '../app-error';
import { escapeHtml } from '../values/escape-html';
import { notPendingRefusal } from '../values/share-link';
import { receiptFontCss } from './receipt-fonts';
import type { ReceiptLayout } from './receipt-html';

export type QrSignInput = { order: Order; shop: ShopDetails; layout: ReceiptLayout; language: Language; clock: Clock };

/** Modules of white around the code: the quiet zone a scanner needs, as the QR standard asks for print. */
const QUIET_ZONE = 4;

/** The code's side, and the page around it, for each paper. */
const PAPER: Record<ReceiptLayout, { qr: string; width: string; css: string }> = {
  a4: { qr: '130mm', width: '170mm', css: '@page{size:A4;margin:15mm}body{font-size:14pt}' },
  roll80: { qr: '62mm', width: '72mm', css: 'body{font-size:9pt}' },
};

/** The roll's page height: logo, shop, both "Scan to pay" lines, the code, amount, order and time, a sandbox line. */
function rollHeightMm({ order, shop }: Pick<QrSignInput, 'order' | 'shop'>): number {
  return Math.ceil((shop.logoDataUrl ? 22 : 0) + (shop.name ? 8 : 0) + 16 + 64 + 12 + 10 + (order.sandbox ? 7 : 0) + 10);
}

/** The code as one SVG path; null when the link is too long for a code. */
function qrSvg(url: string, side: string): string | null {
  const qr = qrPath(url, QUIET_ZONE);
  if (!qr) return null;
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${qr.modules} ${qr.modules}" width="${side}" height="${side}" shape-rendering="crispEdges"><rect width="${qr.modules}" height="${qr.modules}" fill="#fff"/><path d="${qr.path}" fill="#000"/></svg>`;
}

/** The sign of a pending order, ready for print, preview or PDF; or why there is none. */
export function renderQrSign({
  order,
  shop,
  layout,
  language,
  clock,
}: QrSignInput): Reply<{ html: string; fileName: string; title: string }> {
  const refusal = notPendingRefusal(order);
  if (refusal) return fail(refusal);
  const paper = PAPER[layout];
  const code = qrSvg(order.paymentUrl!, paper.qr);
  if (code === null) return fail(appError('invalid_input', say('qr_sign_too_long')));
  const f = formatsFor(language, clock);
  const words = (message: ReturnType<typeof say>) => escapeHtml(render(message, language, f));
  // The shop's language first, the other beneath it: already in its language, so not for a translator.
  const scan = [language, ...LANGUAGES.filter((other) => other !== language)]
    .map((lang, i) =>
      i === 0
        ? `<div class="scan" lang="${lang}">${escapeHtml(render(say('qr_sign_scan'), lang))}</div>`
        : `<div class="scan other" lang="${lang}" translate="no">${escapeHtml(render(say('qr_sign_scan'), lang))}</div>`,
    )
    .join('\n');
  const title = render(say('qr_sign_title', { ref: order.ref }), language);
  const page = layout === 'roll80' ? `@page{size:80mm ${rollHeightMm({ order, shop })}mm;margin:4mm}` : '';
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
${receiptFontCss()}
${paper.css}${page}
*{box-sizing:border-box}
body{margin:0;font-family:"Receipt Sans",sans-serif;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sign{width:${paper.width};margin:0 auto;text-align:center}
.logo{max-width:60%;max-height:${layout === 'a4' ? '30mm' : '18mm'};object-fit:contain}
.shop{font-weight:600;font-size:1.6em;margin-top:1mm}
.scan{font-weight:600;font-size:2em;line-height:1.25;margin-top:${layout === 'a4' ? '6mm' : '2mm'}}
.scan.other{font-size:1.4em;font-weight:400;margin-top:0}
.qr{display:block;margin:${layout === 'a4' ? '6mm' : '2mm'} auto}
.amount{font-weight:600;font-size:${layout === 'a4' ? '3em' : '2.2em'};line-height:1.2}
.order{margin-top:1mm;color:#222}
.sandbox{margin-top:2mm;padding:1mm;border:1px dashed #000;font-weight:600}
</style></head><body>
<section class="sign ${layout}">
${shop.logoDataUrl?.startsWith('data:image/') ? `<img class="logo" alt="" src="${escapeHtml(shop.logoDataUrl)}">` : ''}
${shop.name ? `<div class="shop" translate="no">${escapeHtml(shop.name)}</div>` : ''}
${scan}
${code}
<div class="amount">${escapeHtml(f.money(order.amountMinor))}</div>
<div class="order">${words(say('qr_sign_order', { ref: order.ref }))}</div>
${order.expiresAt ? `<div class="order">${words(say('qr_sign_valid_until', { validTo: order.expiresAt }))}</div>` : ''}
${order.sandbox ? `<div class="sandbox">${words(say('qr_sign_sandbox'))}</div>` : ''}
</section>
</body></html>`;
  return ok({ html, fileName: `qr-${order.ref.replace(/[^A-Za-z0-9-]/g, '')}.pdf`, title });
}
