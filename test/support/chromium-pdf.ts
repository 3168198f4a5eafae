// The tests' PdfRenderer: Debian's Chromium through Playwright's page.pdf(), with JavaScript off as in
// the app's hidden receipt window. Chromium starts on first use and stops when the test ends.
import { chromium, type Browser } from 'playwright-core';
import type { PdfRenderer } from '../../electron/core/receipts/pdf-renderer';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumPdfRenderer(t: { after(fn: () => unknown): void }): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  t.after(async () => (await browser)?.close());
  return {
    async pdf(html) {
      browser ??= chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
      const context = await (await browser).newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await context.close();
      }
    },
  };
}
