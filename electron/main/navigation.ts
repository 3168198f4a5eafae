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

/**
 * What may leave PayDesk for another program. 'web': absolute web addresses, to the system browser, never ones
 * carrying a user name or password. 'share': a message for the app that sends it (isShareLink).
 */
export function canOpenExternally(url: string, kind: 'web' | 'share' = 'web'): boolean {
  if (kind === 'share') return isShareLink(url);
  const target = parseUrl(url);
  if (!target) return false;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  return target.hostname !== '' && target.username === '' && target.password === '';
}

/** Windows hands another app at most 2,083 characters; and nothing a person would not see (spaces, controls). */
const SHARE_MAX_LENGTH = 2048;
const UNSEEN = /[\u0000-\u0020\u007f-\u00a0\\]/;
const PHONE_DIGITS = /^[1-9]\d{7,14}$/;
const EMAIL = /^[A-Za-z0-9._'+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The fields a URL's query holds, each exactly once and each one of `allowed`; null otherwise. */
function onlyFields(url: URL, ...allowed: string[]): URLSearchParams | null {
  const names = [...url.searchParams.keys()];
  const once = new Set(names).size === names.length;
  return once && names.every((name) => allowed.includes(name)) ? url.searchParams : null;
}

/**
 * The allow-list of apps a payment link may be handed to, each in the one shape it is written: WhatsApp
 * (https://wa.me/<phone>?text=, or the app's own whatsapp://send?phone=&text=), SMS (sms:+<phone>?body=) and
 * e-mail (mailto:<address>?subject=&body=). A recipient is a phone number in digits or one plain e-mail address,
 * or none; the query holds only the message. Everything else is refused: another scheme or host, user info, a
 * fragment, a second recipient, and fields such as mailto's attach= (some mail apps attach a local file), cc= or
 * bcc=, or a WhatsApp field of another meaning.
 */
function isShareLink(url: string): boolean {
  if (url.length > SHARE_MAX_LENGTH || UNSEEN.test(url)) return false;
  const target = parseUrl(url);
  if (!target || target.hash !== '' || target.username !== '' || target.password !== '') return false;
  switch (target.protocol) {
    case 'https:': {
      const phone = /^\/(\d*)$/.exec(target.pathname)?.[1];
      return target.host === 'wa.me' && phone !== undefined && (phone === '' || PHONE_DIGITS.test(phone)) && !!onlyFields(target, 'text');
    }
    case 'whatsapp:': {
      const fields = onlyFields(target, 'phone', 'text');
      const phone = fields?.get('phone');
      return target.host === 'send' && target.pathname === '' && !!fields && (phone == null || PHONE_DIGITS.test(phone));
    }
    case 'sms:':
      return (target.pathname === '' || PHONE_DIGITS.test(target.pathname.replace(/^\+/, ''))) && !!onlyFields(target, 'body');
    case 'mailto:':
      return (target.pathname === '' || EMAIL.test(target.pathname)) && !!onlyFields(target, 'subject', 'body');
    default:
      return false;
  }
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
