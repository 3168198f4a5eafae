// The API-key vault. A key is kept the way a password manager keeps it: encrypted by the operating
// system's key store (Keychain, DPAPI, libsecret/kwallet) and written only as ciphertext. Where the OS
// cannot encrypt, or Linux falls back to its "basic_text" obfuscation, a key stays in memory for this
// session unless the shopkeeper explicitly accepts the weaker storage. Following Signal Desktop, the
// backend that encrypted a key is recorded, and a key from another backend is never guessed at. A key is
// also bound to the origin (scheme, host, port) of the Base URL it was entered for: should the Base URL move
// to another origin, by the shopkeeper or by a compromised page, the key is not handed out until it is
// entered again for the new one, so it never travels to a host it was not given for. On a shared order book each
// counter keeps its own ciphertext (no other computer's key store can read it), and is told which others hold one.
import type { ApiKeyInput, VaultStatus } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import type { z } from 'zod';
import type { SecretsRepo, StoredSecret } from '../storage/secrets-repo';
import type { SettingsRepo } from '../storage/settings-repo';
import type { SecretOwner, SecretStore } from './secrets';
import { originOf } from '../values/web-address';

/** What the OS key store offers; Electron's safeStorage in the app, a test cipher in tests. */
export interface Cipher {
  isAvailable(): boolean;
  /** Which store encrypts: 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text', … */
  backend(): string;
  encrypt(plain: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}

/** Backends that obfuscate with a fixed, public password rather than encrypt with a user secret. */
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);
/** This counter's choice (its own key store is the weak one), kept in its own settings. */
export const WEAK_ACCEPTED = 'vault.weak_accepted';

export type KeyState = {
  state: 'saved' | 'session' | 'missing' | 'needs_reentry';
  hint: string | null;
  /** The other counters of a shared book that keep a key for this profile: each computer enters its own once. */
  heldElsewhere: string[];
};

export type Vault = SecretStore & {
  status(): Promise<VaultStatus>;
  /** Keeps a key: encrypted on disk when the store is strong (or weak and accepted), else for this session. */
  save(owner: SecretOwner, key: z.output<typeof ApiKeyInput>['apiKey']): Promise<KeyState>;
  state(owner: SecretOwner): Promise<KeyState>;
  forget(owner: SecretOwner): Promise<void>;
  acceptWeakStorage(accept: boolean): Promise<VaultStatus>;
};

/** "••••" and the last 4 characters: enough to tell keys apart, never enough to use one. */
export const keyHint = (key: string) => `••••${key.slice(-4)}`;

export function createVault({
  secrets,
  cipher,
  counterSettings: settings,
  now = () => new Date().toISOString(),
}: {
  /** This counter's keys (secrets-repo.ts). */
  secrets: SecretsRepo;
  cipher: Cipher | null;
  /** This counter's own settings: whether weak storage was accepted is this computer's choice. */
  counterSettings: SettingsRepo;
  now?: () => string;
}): Vault {
  const session = new Map<number, { key: string; origin: string }>();

  const backend = () => (cipher?.isAvailable() ? cipher.backend() : 'none');
  const protection = (): VaultStatus['protection'] =>
    !cipher?.isAvailable() ? 'unavailable' : WEAK_BACKENDS.has(cipher.backend()) ? 'weak' : 'os_keychain';
  const weakAccepted = async () => (await settings.get<boolean>(WEAK_ACCEPTED)) === true;
  const mayWrite = async () => protection() === 'os_keychain' || (protection() === 'weak' && (await weakAccepted()));

  /** Null when this computer's key store did not write it, or cannot read it. */
  const decrypt = (row: StoredSecret): string | null => {
    if (!cipher?.isAvailable() || row.backend !== cipher.backend()) return null;
    try {
      return cipher.decrypt(row.ciphertext);
    } catch {
      return null;
    }
  };

  /** The stored key, or why it cannot be used for this owner. */
  const stored = async (owner: SecretOwner): Promise<{ key: string } | { unreadable: true } | { elsewhere: true } | null> => {
    const row = await secrets.get(owner.id);
    if (!row) return null;
    const key = decrypt(row);
    if (key === null) return { unreadable: true };
    // Keys saved before origins were recorded (schema < 6) belong to the origin their profile has when first read.
    if (row.origin === null) await secrets.bindOrigin(owner.id, originOf(owner.baseUrl));
    else if (row.origin !== originOf(owner.baseUrl)) return { elsewhere: true };
    return { key };
  };

  /** A session key, if it was entered for the owner's current origin. */
  const inSession = (owner: SecretOwner): string | null => {
    const entry = session.get(owner.id);
    return entry && entry.origin === originOf(owner.baseUrl) ? entry.key : null;
  };

  const here = async (owner: SecretOwner): Promise<Omit<KeyState, 'heldElsewhere'>> => {
    const inMemory = inSession(owner);
    if (inMemory) return { state: 'session', hint: keyHint(inMemory) };
    if (session.has(owner.id)) return { state: 'needs_reentry', hint: null };
    const found = await stored(owner);
    if (!found) return { state: 'missing', hint: null };
    if (!('key' in found)) return { state: 'needs_reentry', hint: null };
    return { state: 'saved', hint: keyHint(found.key) };
  };
  const state = async (owner: SecretOwner): Promise<KeyState> => ({
    ...(await here(owner)),
    heldElsewhere: await secrets.heldElsewhere(owner.id),
  });

  const status = async (): Promise<VaultStatus> => {
    const level = protection();
    const accepted = await weakAccepted();
    const sentence =
      level === 'os_keychain'
        ? say('vault_os_keychain')
        : level === 'weak'
          ? say(accepted ? 'vault_weak_kept' : 'vault_weak_session')
          : say('vault_unavailable');
    return { protection: level, backend: backend(), weakAccepted: accepted, sentence };
  };

  return {
    async get(owner) {
      if (session.has(owner.id)) return inSession(owner);
      const found = await stored(owner);
      return found && 'key' in found ? found.key : null;
    },
    async save(owner, key) {
      if (await mayWrite()) {
        await secrets.put(
          { profileId: owner.id, ciphertext: cipher!.encrypt(key), backend: cipher!.backend(), origin: originOf(owner.baseUrl) },
          now(),
        );
        session.delete(owner.id);
      } else {
        await secrets.remove(owner.id);
        session.set(owner.id, { key, origin: originOf(owner.baseUrl) });
      }
      await secrets.scrub();
      return state(owner);
    },
    state,
    async forget(owner) {
      session.delete(owner.id);
      await secrets.remove(owner.id);
      await secrets.scrub();
    },
    status,
    async acceptWeakStorage(accept) {
      await settings.set(WEAK_ACCEPTED, accept);
      if (protection() !== 'weak') return status();
      await secrets.atomically(async () => {
        if (accept) {
          for (const [id, { key, origin }] of session) {
            await secrets.put({ profileId: id, ciphertext: cipher!.encrypt(key), backend: cipher!.backend(), origin }, now());
          }
          session.clear();
        } else {
          // Taking the choice back takes the keys off the disk; they stay usable until PayDesk closes.
          for (const row of await secrets.all()) {
            const key = decrypt(row);
            if (key !== null && row.origin !== null) session.set(row.profileId, { key, origin: row.origin });
            await secrets.remove(row.profileId);
          }
        }
      });
      await secrets.scrub();
      return status();
    },
  };
}
