// Gives a Playwright page the `window.paydesk` the Electron preload gives the app window, wired into the
// very router the main process uses. Requests go through `page.exposeBinding`, so the router sees the real
// calling frame and checks it like ipcMain does; core events are pushed into the page like webContents.send.
import type { Page } from 'playwright-core';
import { CHANNELS, events, type EventName } from '../../shared/contract';
import type { CoreOptions, PaydeskCore } from '../../electron/core/app';
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
  core: Pick<PaydeskCore, 'service' | 'setup' | 'exports'>,
  origin: string,
  platform: Platform,
): Router {
  return createRouter({ ...core, platform, isTrustedSender: isAppPage(origin) });
}

type Emit = (event: EventName, payload: unknown) => void;

/** Installs `window.paydesk` in `page` (before any page script runs) and forwards core events to it. */
export async function bridgePaydesk(page: Page, core: Pick<BridgedCore, 'appRouter' | 'events'>): Promise<void> {
  await page.exposeBinding('__paydeskInvoke', (source, channel: string, payload: unknown) =>
    core.appRouter.handle(channel, payload, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    }),
  );
  await page.addInitScript({ content: preloadScript([...CHANNELS], Object.keys(events)) });
  const forward = (event: EventName) =>
    core.events.on(event, (payload) => {
      // A page that is closing or navigating simply misses the event, as a closed window would.
      page
        .evaluate(([name, value]) => (globalThis as unknown as { __paydeskEmit: Emit }).__paydeskEmit(name, value), [
          event,
          payload,
        ] as const)
        .catch(() => {});
    });
  const unsubscribe = (Object.keys(events) as EventName[]).map(forward);
  page.once('close', () => unsubscribe.forEach((off) => off()));
}

/**
 * What the preload exposes, as page script source. It is plain text rather than a function handed to
 * addInitScript because tsx compiles functions with esbuild's keepNames, whose `__name` helper does not
 * exist in the page.
 */
function preloadScript(channels: string[], eventNames: string[]): string {
  return `(() => {
  const channels = ${JSON.stringify(channels)};
  const eventNames = ${JSON.stringify(eventNames)};
  const listeners = new Map();
  const api = {};
  for (const name of channels) api[name] = (request) => globalThis.__paydeskInvoke(name, request);
  api.on = (event, listener) => {
    if (!eventNames.includes(event)) throw new TypeError('PayDesk has no event called ' + String(event) + '.');
    if (typeof listener !== 'function') throw new TypeError('A PayDesk event listener must be a function.');
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return () => void listeners.get(event).delete(listener);
  };
  Object.defineProperty(globalThis, 'paydesk', { value: Object.freeze(api) });
  Object.defineProperty(globalThis, '__paydeskEmit', {
    value: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });
})();`;
}
