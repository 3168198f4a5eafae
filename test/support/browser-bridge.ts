// Gives a Playwright page the `window.paydesk` of an app window: the built preload itself (out/preload/index.cjs, or
// customer.cjs for the customer view)
// runs in the page over a stand-in for `require('electron')`, wired into the very router the main process uses.
// Requests go through `page.exposeBinding`, so the router sees the real calling frame and checks it like ipcMain
// does; core events reach the page through the main process's forwardEvents, like webContents.send.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHANNELS, CUSTOMER_VIEW_HASH, ipcChannel } from '../../shared/contract';
import type { CoreOptions, PaydeskCore } from '../../electron/core/paydesk-core';
import { forwardEvents } from '../../electron/core/event-forwarding';
import type { Platform } from '../../electron/core/platform';
import { createRouter, type Router, type Sender } from '../../electron/core/router';
import { startTestCore, type TestCore } from './core';

export type BridgedCore = TestCore & { appRouter: Router };

/** Only the main frame of a page served from `origin` may call the core: the app's own page, nothing else. */
export function isAppPage(origin: string) {
  return (sender: Sender) => sender.isMainFrame && URL.canParse(sender.url) && new URL(sender.url).origin === origin;
}

/**
 * The real core (SQLite, sandbox gateway, return listener) with a router that trusts the page served from
 * `origin`. Whatever the page asks to open in the system browser lands in `core.platform.opened`.
 */
export async function startBridgedCore(
  t: { after(fn: () => unknown): void },
  origin: string,
  options: Partial<CoreOptions> = {},
): Promise<BridgedCore> {
  const core = await startTestCore(t, options);
  const appRouter = appRouterFor(core, origin, core.platform);
  return { ...core, appRouter };
}

/** The router the main process would give the page served from `origin`, over any running core (a bench's too). */
export function appRouterFor(
  core: Pick<
    PaydeskCore,
    'service' | 'reconciliation' | 'setup' | 'exports' | 'customerDisplay' | 'closing' | 'support' | 'updates' | 'orderBook'
  >,
  origin: string,
  platform: Platform,
): Router {
  return createRouter({ ...core, platform, isTrustedSender: isAppPage(origin) });
}

/** The preloads the app's windows get, as electron-vite built them: the shopkeeper's, and the customer view's. */
const PRELOADS = { shopkeeper: 'index.cjs', customer: 'customer.cjs' } as const;
export type PreloadName = keyof typeof PRELOADS;
/** The preload the main process gives a window opened at this fragment of the app's page. */
export const preloadFor = (hash: string): PreloadName => (hash === CUSTOMER_VIEW_HASH ? 'customer' : 'shopkeeper');

type Emit = (channel: string, payload: unknown) => void;

/**
 * Runs the built preload in `page` (before any page script runs), so its `window.paydesk` is the one the app
 * window gets, and forwards core events to it through the main process's own forwarding.
 */
export async function bridgePaydesk(
  page: Page,
  core: Pick<BridgedCore, 'appRouter' | 'events'>,
  preload: PreloadName = 'shopkeeper',
): Promise<void> {
  const file = join(import.meta.dirname, '../../out/preload', PRELOADS[preload]);
  assert.ok(existsSync(file), 'the preload is built (npx electron-vite build)');
  const channelOf = new Map(CHANNELS.map((name) => [ipcChannel(name), name]));
  await page.exposeBinding('__paydeskInvoke', (source, ipc: string, payload: unknown) => {
    const channel = channelOf.get(ipc);
    // ipcMain answers a channel nobody registered by rejecting the invoke.
    if (!channel) throw new Error(`No handler registered for '${ipc}'`);
    return core.appRouter.handle(channel, payload, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    });
  });
  await page.addInitScript({ content: withElectronStandIn(readFileSync(file, 'utf8')) });
  const stop = forwardEvents(core.events, (channel, payload) => {
    // A page that is closing or navigating simply misses the event, as a closed window would.
    page
      .evaluate(([name, value]) => (globalThis as unknown as { __paydeskEmit: Emit }).__paydeskEmit(name, value), [
        channel,
        payload,
      ] as const)
      .catch(() => {});
  });
  page.once('close', stop);
}

/**
 * The preload's CommonJS source wrapped with the little of `require('electron')` it uses: exposeInMainWorld
 * defines a frozen global, as the context bridge hands the page a frozen copy; invoke goes to the binding above;
 * on/removeListener keep the listeners `__paydeskEmit` calls, each with an event object and the payload as
 * ipcRenderer does. Plain text rather than a function, because tsx compiles functions with esbuild's keepNames,
 * whose `__name` helper does not exist in the page.
 */
function withElectronStandIn(preload: string): string {
  return `(() => {
  const listeners = new Map();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key, api) => Object.defineProperty(globalThis, key, { value: Object.freeze({ ...api }) }),
    },
    ipcRenderer: {
      invoke: (channel, request) => globalThis.__paydeskInvoke(channel, request),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
    },
  };
  Object.defineProperty(globalThis, '__paydeskEmit', {
    value: (channel, payload) => listeners.get(channel)?.forEach((listener) => listener({}, payload)),
  });
  const require = (name) => {
    if (name !== 'electron') throw new Error('A sandboxed preload can only require electron, not ' + name + '.');
    return electron;
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preload}
  })(require, module, module.exports);
})();`;
}
