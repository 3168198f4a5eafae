// The return-address check's one-time nonces. They are kept in the order book's settings (only their hash),
// because the check may run in another process than the listener (`paydesk return check` beside the app): the
// listener that hears a nonce marks it heard, which is how the check tells PayDesk's listener from any other
// server that answered at the same address. A nonce is good for one hearing within a minute, and is nothing else.
import type { SettingsRepo } from '../storage/settings-repo';
import { hashToken, newReturnToken } from '../orders/return-tokens';

export const PROBE_VALID_MS = 60_000;

export type ReturnProbes = {
  /** A new nonce, to be heard within PROBE_VALID_MS. */
  issue(): Promise<string>;
  /** The listener got /p/<nonce>: true (once) when the nonce was issued within its minute. */
  hear(nonce: string): Promise<boolean>;
  /** Whether a listener heard `nonce`; the nonce is forgotten either way. */
  settle(nonce: string): Promise<boolean>;
};

type Probe = { issuedAt: number; heard: boolean };

export function createReturnProbes(settings: SettingsRepo, now: () => number = Date.now): ReturnProbes {
  const key = (nonce: string) => `return_probe:${hashToken(nonce)}`;
  return {
    async issue() {
      const nonce = newReturnToken();
      await settings.set(key(nonce), { issuedAt: now(), heard: false } satisfies Probe);
      return nonce;
    },
    async hear(nonce) {
      const probe = await settings.get<Probe>(key(nonce));
      if (!probe || probe.heard || now() - probe.issuedAt > PROBE_VALID_MS) return false;
      await settings.set(key(nonce), { ...probe, heard: true } satisfies Probe);
      return true;
    },
    async settle(nonce) {
      const heard = (await settings.get<Probe>(key(nonce)))?.heard === true;
      await settings.delete(key(nonce));
      return heard;
    },
  };
}
