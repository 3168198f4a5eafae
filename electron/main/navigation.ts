// Where the app's pages may go and what they may ask for. The decisions are pure functions on URLs;
// guardWebContents only attaches them to Electron's events.
import type { WebContents } from 'electron';

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is the app's own page: the same file as the built renderer's index.html, or, in
 * development, the same origin as the dev server. Query and fragment do not matter.
 */
export function isAppUrl(url: string, appEntryUrl: string): boolean {
  const target = parseUrl(url);
  const entry = parseUrl(appEntryUrl);
  if (!target || !entry) return false;
  if (entry.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === entry.host && target.pathname === entry.pathname;
  }
  if (entry.protocol === 'http:' || entry.protocol === 'https:') {
    return target.origin === entry.origin;
  }
  return false;
}

/** Only absolute web addresses go to the system browser, and never ones carrying a user name or password. */
export function canOpenExternally(url: string): boolean {
  const target = parseUrl(url);
  if (!target) return false;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  return target.hostname !== '' && target.username === '' && target.password === '';
}

/** A frame may navigate only within the app's own page. */
export function mayNavigate(url: string, appEntryUrl: string): boolean {
  return isAppUrl(url, appEntryUrl);
}

/** No page ever gets a new Electron window; a web address asked for goes to the system browser instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: canOpenExternally(url) };
}

/**
 * Every permission is refused except writing text to the clipboard from the app's own page: Chromium routes
 * `navigator.clipboard.writeText` (the "copy link" button) through this permission, and still requires a
 * focused page and a user gesture for it. Reading the clipboard, camera, notifications… stay refused.
 */
export function mayGrantPermission(permission: string, requestingUrl: string, appEntryUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, appEntryUrl);
}

/** `<webview>` is disabled in the window options; refusing here also covers any contents created otherwise. */
export function mayAttachWebview(): boolean {
  return false;
}

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(
  contents: GuardedContents,
  options: { appEntryUrl: string; openExternal: (url: string) => Promise<void> },
): void {
  const { appEntryUrl, openExternal } = options;
  // 'will-frame-navigate' fires for the main frame and every subframe, so it covers 'will-navigate' too.
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url, appEntryUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url, appEntryUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    if (!mayAttachWebview()) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) {
      openExternal(url).catch((error: unknown) => {
        console.error('PayDesk could not open a link in the browser:', error instanceof Error ? error.message : error);
      });
    }
    return { action: decision.action };
  });
}

/** Who may call the core: the app's own page, in its main frame; never a subframe or another page. */
export function isTrustedSender(sender: { url: string; isMainFrame: boolean }, appEntryUrl: string): boolean {
  return sender.isMainFrame && isAppUrl(sender.url, appEntryUrl);
}
