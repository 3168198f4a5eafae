// The tests' PdfRenderer: Debian's Chromium through Playwright's page.pdf(), with JavaScript off as in
// the app's hidden receipt window. Chromium starts on first use and stops when the test ends.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PdfRenderer } from '../../electron/core/exports/pdf-renderer';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's Chromium, headless, with the tests' flags. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

export function chromiumPdfRenderer(t: { after(fn: () => unknown): void }): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  // One page renders every document in turn, as the app's one hidden window does.
  let page: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  t.after(async () => (await browser)?.close());
  return {
    pdf(html) {
      const run = queue.then(async () => {
        browser ??= launchChromium();
        page ??= (await browser).newContext({ javaScriptEnabled: false }).then((context) => context.newPage());
        const current = await page;
        await current.setContent(html, { waitUntil: 'load' });
        return current.pdf({ preferCSSPageSize: true, printBackground: true });
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
