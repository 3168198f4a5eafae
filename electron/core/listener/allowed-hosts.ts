// The Host allow-list: the listener answers only requests addressed to a name PayDesk published for it. A page
// on another site that points its own name at this computer (DNS rebinding) still sends its own name as the
// Host, so it gets 421 Misdirected Request and nothing else.
import { isIP } from 'node:net';
import { isAllNetworksHost, isLoopbackHost } from '../values/loopback';
import { parseUrl } from '../values/web-address';
import { listBindAddresses } from './bind-addresses';

/**
 * Every "host:port" (and "host" alone where the port is its scheme's default) a request may name: the listener's
 * own address (bound to every network: 127.0.0.1, localhost and each LAN address; on loopback, localhost too)
 * and the public return addresses links were made with.
 */
export function allowedHosts(listener: { host: string; port: number }, published: readonly string[], lan: readonly string[]): Set<string> {
  const allowed = new Set<string>();
  const add = (hostname: string, port: number, defaultPort: number) => {
    const name = hostname.toLowerCase();
    allowed.add(`${name}:${port}`);
    if (port === defaultPort) allowed.add(name);
  };
  const own = isAllNetworksHost(listener.host)
    ? ['127.0.0.1', 'localhost', ...lan, ...(isIP(listener.host) === 6 ? ['::1'] : [])]
    : isLoopbackHost(listener.host)
      ? [listener.host, 'localhost']
      : [listener.host];
  for (const host of own) add(isIP(host) === 6 ? `[${host}]` : host, listener.port, 80);
  for (const origin of published) {
    const url = parseUrl(origin);
    if (url) add(url.hostname, Number(url.port) || (url.protocol === 'https:' ? 443 : 80), url.protocol === 'https:' ? 443 : 80);
  }
  return allowed;
}

/** A Host header as allowedHosts spells it (lower case, no trailing dot, the port as a number); null if it is none. */
export function hostOf(header: string | undefined): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/i.exec(header?.trim() ?? '');
  if (!match || Number(match[2] ?? 0) > 65535) return null;
  const name = match[1]!.toLowerCase().replace(/\.$/, '');
  return match[2] === undefined ? name : `${name}:${Number(match[2])}`;
}

export type HostAllowList = {
  allows(header: string | undefined): boolean;
  /** Reads the published addresses again (the runtime calls it when the profile changes). */
  refresh(): void;
};

/**
 * The allow-list of one listener. A Host it does not know makes it read the published addresses and the LAN
 * addresses again, at most every `refreshMs`, so a return address saved by another process (the CLI) or a LAN
 * address the machine was just given is allowed soon, and a flood of foreign names costs nothing more.
 */
export function createHostAllowList(
  listener: { host: string; port: number },
  published: () => readonly string[],
  { refreshMs = 5_000, now = Date.now } = {},
): HostAllowList {
  let allowed = new Set<string>();
  let builtAt = 0;
  const refresh = () => {
    const lan = isAllNetworksHost(listener.host)
      ? listBindAddresses()
          .filter((a) => !a.loopback)
          .map((a) => a.address)
      : [];
    allowed = allowedHosts(listener, published(), lan);
    builtAt = now();
  };
  refresh();
  return {
    allows(header) {
      const host = hostOf(header);
      if (host === null) return false;
      if (allowed.has(host)) return true;
      if (now() - builtAt < refreshMs) return false;
      refresh();
      return allowed.has(host);
    },
    refresh,
  };
}
