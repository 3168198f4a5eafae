// Per-client limits of the return listener: how many connections one client may hold at once and how many
// requests it may make a minute, so one flooding address cannot take the listener from everybody else (the
// listener's own cap bounds them all together). Counted in memory only, for at most `clientsTracked` clients
// (the longest unseen is forgotten first): a refused request or connection leaves nothing but a counter.
import { isIP } from 'node:net';

export type ClientLimits = {
  /** Connections one client address may hold open at once; more are closed as they arrive. */
  connectionsPerClient: number;
  /** Requests one client address may make in a minute; more are answered 429 with Retry-After. */
  requestsPerClientPerMinute: number;
  /** How many client addresses are counted at once. */
  clientsTracked: number;
  /**
   * Addresses that speak for many clients: a tunnel or reverse proxy on this computer carries every customer
   * (and the shop's own browser is there too). Their connections are not capped per client, and their requests
   * are counted by the address the proxy forwarded (the last X-Forwarded-For entry, the one it added itself).
   */
  proxyAddresses: readonly string[];
};

const WINDOW_MS = 60_000;

/** Who a request is from: `key` to count it by (null: not counted per client), `address` to show. */
export type Client = { key: string | null; address: string };

type Counted = { connections: number; windowStart: number; requests: number };

export type ClientGate = {
  /** For a new socket: its key, or false when that client already holds its share (close the socket). */
  connect(remoteAddress: string | undefined): string | null | false;
  disconnect(key: string | null): void;
  /** Who a request is from, through a proxy on this computer as forwarded. */
  clientOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined): Client;
  /** Counts a request: null when it may go on, else the seconds until this client may ask again. */
  request(key: string | null): number | null;
  refused(): { connections: number; requests: number };
};

export function createClientGate(limits: ClientLimits, now: () => number = Date.now): ClientGate {
  // A Map keeps insertion order; a client is moved to the end each time it is seen, so the first is the oldest.
  const clients = new Map<string, Counted>();
  const proxies = new Set(limits.proxyAddresses.map(plainAddress));
  const refused = { connections: 0, requests: 0 };

  const seen = (key: string): Counted => {
    let client = clients.get(key);
    if (client) clients.delete(key);
    else {
      client = { connections: 0, windowStart: now(), requests: 0 };
      if (clients.size >= limits.clientsTracked) forgetOldest();
    }
    clients.set(key, client);
    return client;
  };
  // A client holding connections is never forgotten (its count must stay right); the listener's own cap keeps
  // those far fewer than clientsTracked, so this finds one within that many steps.
  const forgetOldest = () => {
    for (const [key, client] of clients) {
      if (client.connections === 0) {
        clients.delete(key);
        return;
      }
    }
  };

  return {
    connect(remoteAddress) {
      const address = plainAddress(remoteAddress ?? '');
      if (proxies.has(address)) return null;
      const key = clientKey(address);
      const client = seen(key);
      if (client.connections >= limits.connectionsPerClient) {
        refused.connections++;
        return false;
      }
      client.connections++;
      return key;
    },
    disconnect(key) {
      const client = key === null ? undefined : clients.get(key);
      if (client && client.connections > 0) client.connections--;
    },
    clientOf(remoteAddress, forwardedFor) {
      const address = plainAddress(remoteAddress ?? '');
      if (!proxies.has(address)) return { key: clientKey(address), address };
      const forwarded = lastForwarded(forwardedFor);
      return forwarded ? { key: clientKey(forwarded), address: forwarded } : { key: null, address };
    },
    request(key) {
      if (key === null) return null;
      const client = seen(key);
      const at = now();
      if (at - client.windowStart >= WINDOW_MS) {
        client.windowStart = at;
        client.requests = 0;
      }
      if (client.requests >= limits.requestsPerClientPerMinute) {
        refused.requests++;
        return Math.max(1, Math.ceil((client.windowStart + WINDOW_MS - at) / 1000));
      }
      client.requests++;
      return null;
    },
    refused: () => ({ ...refused }),
  };
}

/** An IPv4 client seen through an IPv6 socket (::ffff:1.2.3.4) is that IPv4 client. */
function plainAddress(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address.toLowerCase();
}

/** The address a proxy added last; earlier entries are whatever the client claimed. */
function lastForwarded(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header.at(-1) : header;
  const last = plainAddress(value?.split(',').at(-1)?.trim() ?? '');
  return isIP(last) === 0 ? null : last;
}

/** One IPv6 subscriber holds a whole /64, so it is counted as one client; IPv4 by its address. */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.replace(/%.*$/, '').split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
