// The parts of a web address PayDesk compares and names: where a key may travel (its origin), where a link
// leads (its host).

/** The address parsed (relative to `base`, if given), or null when there is none or it is not one. */
export function parseUrl(text: string | null, base?: URL): URL | null {
  if (text === null) return null;
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/** The address parsed when it is one a browser or PayDesk can fetch: http:// or https://. */
export function webUrl(text: string): URL | null {
  const url = parseUrl(text);
  return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : null;
}

/** Scheme, host and port: what a key or a customer's secrets are bound to. The address is one already checked. */
export const originOf = (url: string) => new URL(url).origin;

/** The host name, without the port; null when the text is no address. */
export const hostnameOf = (url: string | null) => parseUrl(url)?.hostname ?? null;

/** What to resolve and connect to: the host name without IPv6 brackets, and the port (the scheme's when none is written). */
export function endpointOf(url: URL): { hostname: string; port: number } {
  return { hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80) };
}
