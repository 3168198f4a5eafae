// Reading the shop's release feed: the folder electron-builder's `generic` publisher fills (installers beside
// latest.yml, latest-linux.yml, latest-mac.yml). One GET of one small file, bounded in time, size and redirects,
// to an address the shop typed: https, or plain http only to this computer (a feed served for a test or by a
// local proxy), as a gateway's key may travel in plain text only to loopback.
import { Agent, request } from 'undici';
import { BodyTooLarge, hangUp, readCappedBody } from '../gateway/capped-body';
import { errorCode, HTTP_TIMEOUT_CODES } from '../gateway/error-code';
import { isLoopbackHost } from '../values/loopback';
import { parseUrl, webUrl } from '../values/web-address';

export type FeedLimits = { timeoutMs: number; maxBytes: number; maxRedirects: number };
export const FEED_LIMITS: FeedLimits = { timeoutMs: 10_000, maxBytes: 64 * 1024, maxRedirects: 3 };

/** Why the feed gave no release file: each is its own sentence for the shopkeeper (update-check.ts). */
export type FeedFailure =
  | { kind: 'unreachable'; status: number | null }
  | { kind: 'timeout' }
  | { kind: 'not_release' }
  | { kind: 'too_large' }
  | { kind: 'redirected'; to: string | null };

export type FeedAnswer = { ok: true; text: string } | { ok: false; failure: FeedFailure };

/**
 * An address PayDesk may fetch from: https, or http to loopback; never with a user name or password in it. Plain http
 * only to a loopback address or `localhost` itself: a `*.localhost` name goes through the system's resolver, which
 * on some systems may answer with an address out on the network, where the release file could be changed on its way.
 */
function fetchable(url: URL | null): url is URL {
  if (url === null || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(host) && !host.endsWith('.localhost'));
}

/**
 * The feed as the folder its files are resolved against (always ending in "/", as electron-updater makes it), or
 * null when the shop's text is not an address PayDesk asks. Anything after a "#" is dropped.
 */
export function feedFolder(text: string): URL | null {
  const url = webUrl(text.trim());
  if (!fetchable(url) || url.search !== '') return null;
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The release file electron-updater reads on this platform: latest.yml (Windows), latest-mac.yml, latest-linux[-arch].yml. */
export function releaseFileName(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return `latest-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
  return 'latest.yml';
}

/** Where the shop downloads a file the release names: an https address only, as the browser will open it. */
export function downloadUrl(file: string, folder: URL): string | null {
  const url = parseUrl(file, folder);
  return url?.protocol === 'https:' && url.username === '' && url.password === '' && url.href.length <= 2048 ? url.href : null;
}

export type ReleaseFeed = { fetch(url: URL): Promise<FeedAnswer>; close(): Promise<void> };

/** The look is over because PayDesk is closing: it ends at once rather than hold the quit. */
const CLOSING = 'closing';

export function createReleaseFeed(limits: FeedLimits = FEED_LIMITS): ReleaseFeed {
  const agent = new Agent({ connect: { timeout: limits.timeoutMs }, headersTimeout: limits.timeoutMs, bodyTimeout: limits.timeoutMs });

  const closing = new AbortController();

  async function fetch(first: URL): Promise<FeedAnswer> {
    // One deadline for the whole look, redirects included: a slow feed never holds a check longer, nor a quit at all.
    const signal = AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), closing.signal]);
    let url = first;
    try {
      for (let hop = 0; ; hop++) {
        const response = await request(url, {
          dispatcher: agent,
          signal,
          headers: {
            accept: 'text/yaml, application/x-yaml, text/plain;q=0.9, */*;q=0.1',
            'user-agent': 'PayDesk',
            'cache-control': 'no-cache',
          },
        });
        const { statusCode: status, headers, body } = response;
        if (status >= 300 && status < 400 && status !== 304) {
          hangUp(body);
          const to = parseUrl(typeof headers.location === 'string' ? headers.location : null, url);
          // Never from https down to plain http, never past a few hops.
          if (hop >= limits.maxRedirects || !fetchable(to) || (url.protocol === 'https:' && to.protocol !== 'https:')) {
            return { ok: false, failure: { kind: 'redirected', to: to?.href ?? null } };
          }
          url = to;
          continue;
        }
        if (status === 404 || status === 410) {
          hangUp(body);
          return { ok: false, failure: { kind: 'not_release' } };
        }
        if (status < 200 || status >= 300) {
          hangUp(body);
          return { ok: false, failure: { kind: 'unreachable', status } };
        }
        const type = String(headers['content-type'] ?? '').toLowerCase();
        const bytes = await readCappedBody(body, headers['content-length'], limits.maxBytes);
        const text = utf8(bytes);
        // A web page is not a release file, whatever it says (a login page, a folder listing, a shop's site).
        if (type.startsWith('text/html') || text === null) return { ok: false, failure: { kind: 'not_release' } };
        return { ok: true, text };
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) return { ok: false, failure: { kind: 'too_large' } };
      if (signal.aborted || HTTP_TIMEOUT_CODES.has(errorCode(error))) return { ok: false, failure: { kind: 'timeout' } };
      return { ok: false, failure: { kind: 'unreachable', status: null } };
    }
  }

  return {
    fetch,
    close() {
      closing.abort(CLOSING);
      return agent.destroy();
    },
  };
}

/** The text, or null when the bytes are not UTF-8 (or hold NUL): something other than a release file. */
function utf8(bytes: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}
