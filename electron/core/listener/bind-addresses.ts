// Where the return listener can listen, in words a shopkeeper can choose from, and what each choice
// exposes. Loopback is the safe default; a LAN address lets a customer's phone on the shop's Wi-Fi reach
// the return page, which is only sensible on a network the shop trusts.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { BindAddress, Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { isAllNetworksHost, isLoopbackHost } from '../values/loopback';

const THIS_COMPUTER: BindAddress = {
  address: '127.0.0.1',
  label: say('listen_address_label', { interface: '', kind: 'this_computer' }),
  loopback: true,
};

/**
 * Loopback first, then every IPv4 address other devices could reach, each named by its interface.
 * IPv6 is left out: link-local addresses need a zone id no phone will type, and a return URL with a
 * bracketed global address helps nobody at a shop counter. IPv4 link-local (169.254.x.x) is left out
 * too: Windows gives it when Wi-Fi found no router, so no other device is there to reach it.
 */
export function listBindAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): BindAddress[] {
  const found: BindAddress[] = [THIS_COMPUTER];
  const seen = new Set([THIS_COMPUTER.address]);
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal || isLoopbackHost(entry.address)) continue;
      if (entry.address.startsWith('169.254.') || seen.has(entry.address)) continue;
      seen.add(entry.address);
      found.push({
        address: entry.address,
        label: say('listen_address_label', { interface: name, kind: 'other_devices' }),
        loopback: false,
      });
    }
  }
  return found;
}

/** What listening on `host` exposes, as one line; null when nothing beyond this computer can connect. */
export function exposureWarning(host: string): Message | null {
  if (isLoopbackHost(host)) return null;
  return say(isAllNetworksHost(host) ? 'listen_exposes_every_network' : 'listen_exposes_network', { host });
}
