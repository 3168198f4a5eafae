// A shop's Wi-Fi hands out addresses by DHCP: after a restart of the router the computer may have another one,
// and a listener bound to the old address hears nobody. The watch notices, moves the listener to the address
// the computer has now (as a profile change would), and says which waiting links were handed out with the old
// one: those customers come back to nothing, and are settled at the counter or by the statement.
import type { BindAddress } from '../../../shared/contract';
import type { Profile, ProfilesRepo } from '../storage/profiles-repo';
import { isAllNetworksHost, isLoopbackHost } from '../values/loopback';

/** The address to move to when `listenHost` is a LAN address this computer no longer has; else null. */
export function replacementAddress(listenHost: string, addresses: readonly BindAddress[]): string | null {
  if (isLoopbackHost(listenHost) || isAllNetworksHost(listenHost)) return null;
  if (addresses.some((candidate) => candidate.address === listenHost)) return null;
  return addresses.find((candidate) => !candidate.loopback)?.address ?? null;
}

export type AddressMove = { from: string; to: string; at: string };

export function watchListenAddress(options: {
  profiles: ProfilesRepo;
  apply(profile: Profile): Promise<unknown>;
  listAddresses(): BindAddress[];
  intervalMs: number;
  moved(move: AddressMove, profile: Profile): void | Promise<void>;
  /** The listener could not follow the new address. */
  failed(error: unknown): void;
}): () => void {
  let busy = false;
  const check = async () => {
    const profile = await options.profiles.active();
    const next = profile ? replacementAddress(profile.listenHost, options.listAddresses()) : null;
    if (!profile || !next || busy) return;
    busy = true;
    try {
      const moved = await options.profiles.update(profile.id, { listenHost: next });
      await options.apply(moved);
      await options.moved({ from: profile.listenHost, to: next, at: new Date().toISOString() }, moved);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check().catch(options.failed), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
