// Whose browser can come back to a return address, judged from the address alone, so the link panel, the QR's
// caption and `paydesk link` can say the truth before a customer pays: a loopback address only ever reaches
// this computer (on a phone, 127.0.0.1 is the phone itself), a private address only the shop's network, and a
// LAN address this computer no longer has (Wi-Fi handed out another) reaches nobody.
import { BlockList, isIP } from 'node:net';
import type { ReturnReach } from '../../../shared/contract';
import { isLoopbackHost } from '../values/loopback';
import { endpointOf } from '../values/web-address';

const privateRanges = new BlockList();
for (const [address, prefix] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
  ['198.18.0.0', 15],
] as const) {
  privateRanges.addSubnet(address, prefix, 'ipv4');
}
privateRanges.addSubnet('fc00::', 7, 'ipv6');
privateRanges.addSubnet('fe80::', 10, 'ipv6');

const isPrivateAddress = (host: string) => {
  const family = isIP(host);
  return family !== 0 && privateRanges.check(host, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * `returnUrl` is where links send customers back; `publicBase` says it is a return base the shop put in front
 * of PayDesk (a tunnel or a proxy, whose machine may be another), `ownAddresses` this computer's addresses now.
 */
export function returnReach(returnUrl: string, publicBase: boolean, ownAddresses: readonly string[]): ReturnReach {
  const { hostname: host } = endpointOf(new URL(returnUrl));
  if (isLoopbackHost(host)) return 'this_computer';
  if (publicBase) return isPrivateAddress(host) ? 'shop_network' : 'anywhere';
  if (!ownAddresses.includes(host)) return 'unreachable';
  return isPrivateAddress(host) ? 'shop_network' : 'anywhere';
}
