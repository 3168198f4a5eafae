// Which host names and addresses stay on this computer. Shared by the listener (is binding there
// exposed?) and the gateway check (would the API key cross a network?).
import { BlockList, isIP } from 'node:net';

// BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 rules.
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const unspecified = new BlockList();
unspecified.addAddress('0.0.0.0', 'ipv4');
unspecified.addAddress('::', 'ipv6');

/** A host as typed or as `URL.hostname` gives it: IPv6 may come in brackets, names in any case. */
function bare(host: string): string {
  return host
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
}

function matches(list: BlockList, host: string): boolean {
  const family = isIP(host);
  return family === 4 ? list.check(host, 'ipv4') : family === 6 ? list.check(host, 'ipv6') : false;
}

/** 127.0.0.0/8, ::1 and localhost (with its subdomains, which RFC 6761 reserves for loopback). */
export function isLoopbackHost(host: string): boolean {
  const name = bare(host);
  return name === 'localhost' || name.endsWith('.localhost') || matches(loopback, name);
}

/** 0.0.0.0 or ::, which bind to every network the computer is on. */
export function isAllNetworksHost(host: string): boolean {
  return matches(unspecified, bare(host));
}
