// The app as the e2e tests drive it: the built renderer (out/renderer) served over real HTTP and opened in
// Debian's Chromium, each page with `window.paydesk` bridged into a real core (see browser-bridge.ts).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { CoreOptions } from '../../electron/core/paydesk-core';
import { bridgePaydesk, preloadFor, startBridgedCore, type BridgedCore } from './browser-bridge';
import { launchChromium } from './chromium-pdf';
import { startStaticServer, type StaticServer } from './static-server';

export const RENDERER = join(import.meta.dirname, '../../out/renderer');

export type TestContext = { after(fn: () => unknown): void };

export type ServedApp = {
  /** The Chromium the pages run in, for a page of the test's own (the customer's browser). */
  readonly browser: Browser;
  /** Where the renderer is served, the only origin the bridged core trusts. */
  readonly origin: string;
  /** A real core whose router trusts the served renderer. */
  startCore(t: TestContext, options?: Partial<CoreOptions>): Promise<BridgedCore>;
  /** A page in a new context, bridged into `core`, that has navigated to the app (at `hash`: '#customer'). */
  openPage(t: TestContext, core: BridgedCore, context?: BrowserContextOptions, hash?: string): Promise<Page>;
  /** `openPage`, then waits for the app's Home tab panel. */
  openHome(t: TestContext, core: BridgedCore, context?: BrowserContextOptions): Promise<Page>;
};

/**
 * Serves the built renderer and launches Chromium before the file's tests, and stops both after them. Call
 * it once at the top of a test file.
 */
export function serveApp(): ServedApp {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    assert.ok(existsSync(join(RENDERER, 'index.html')), 'the renderer is built (npx electron-vite build)');
    server = await startStaticServer(RENDERER);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const openPage = async (t: TestContext, core: BridgedCore, context: BrowserContextOptions = {}, hash = ''): Promise<Page> => {
    const browserContext = await browser.newContext(context);
    t.after(() => browserContext.close());
    const page = await browserContext.newPage();
    await bridgePaydesk(page, core, preloadFor(hash));
    await page.goto(`${server.origin}/${hash}`);
    return page;
  };

  return {
    get browser() {
      return browser;
    },
    get origin() {
      return server.origin;
    },
    startCore: (t, options) => startBridgedCore(t, server.origin, options),
    openPage,
    async openHome(t, core, context) {
      const page = await openPage(t, core, context);
      await page.getByRole('tabpanel', { name: 'Home' }).waitFor();
      return page;
    },
  };
}
