// The API-key vault. A key is kept the way a password manager keeps it: encrypted by the operating
// system's key store (Keychain, DPAPI, libsecret/kwallet) and written only as ciphertext. Where the OS
// cannot encrypt, or Linux falls back to its "basic_text" obfuscation, a key stays in memory for this
// session unless the shopkeeper explicitly accepts the weaker storage. Following Signal Desktop, the
// backend that encrypted a key is recorded, and a key from another backend is never guessed at.
import type { ApiKeyInput, VaultStatus } from '../../shared/contract';
import type { z } from 'zod';
import type { Db } from './db/database';
import type { SettingsRepo } from './db/settings-repo';
import type { SecretOwner, SecretStore } from './secrets';

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
const WEAK_ACCEPTED = 'vault.weak_accepted';

export type KeyState = { state: 'saved' | 'session' | 'missing' | 'needs_reentry'; hint: string | null };

export type Vault = SecretStore & {
  status(): VaultStatus;
  /** Keeps a key: encrypted on disk when the store is strong (or weak and accepted), else for this session. */
  save(owner: SecretOwner, key: z.output<typeof ApiKeyInput>['apiKey']): KeyState;
  state(owner: SecretOwner): KeyState;
  forget(owner: SecretOwner): void;
  acceptWeakStorage(accept: boolean): VaultStatus;
};

/** "••••" and the last 4 characters: enough to tell keys apart, never enough to use one. */
export const keyHint = (key: string) => `••••${key.slice(-4)}`;

export function createVault({ db, cipher, settings, now = () => new Date().toISOString() }: {
  db: Db;
  cipher: Cipher | null;
  settings: SettingsRepo;
  now?: () => string;
}): Vault {
  const session = new Map<number, string>();
  const read = db.prepare<[number], { ciphertext: Buffer; backend: string }>(
    `SELECT ciphertext, backend FROM secrets WHERE profile_id = ?`,
  );
  const write = db.prepare(
    `INSERT INTO secrets (profile_id, ciphertext, backend, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (profile_id) DO UPDATE SET ciphertext = excluded.ciphertext, backend = excluded.backend,
       updated_at = excluded.updated_at`,
  );
  const remove = db.prepare(`DELETE FROM secrets WHERE profile_id = ?`);
  const storedIds = db.prepare<[], { profile_id: number }>(`SELECT profile_id FROM secrets`);

  const backend = () => (cipher?.isAvailable() ? cipher.backend() : 'none');
  const protection = (): VaultStatus['protection'] =>
    !cipher?.isAvailable() ? 'unavailable' : WEAK_BACKENDS.has(cipher.backend()) ? 'weak' : 'os_keychain';
  const weakAccepted = () => settings.get<boolean>(WEAK_ACCEPTED) === true;
  const mayWrite = () => protection() === 'os_keychain' || (protection() === 'weak' && weakAccepted());

  /** The stored key, or why it cannot be read. */
  const stored = (id: number): { key: string } | { unreadable: true } | null => {
    const row = read.get(id);
    if (!row) return null;
    if (!cipher?.isAvailable() || row.backend !== cipher.backend()) return { unreadable: true };
    try {
      return { key: cipher.decrypt(row.ciphertext) };
    } catch {
      return { unreadable: true };
    }
  };

  const state = (owner: SecretOwner): KeyState => {
    const inMemory = session.get(owner.id);
    if (inMemory) return { state: 'session', hint: keyHint(inMemory) };
    const found = stored(owner.id);
    if (!found) return { state: 'missing', hint: null };
    if ('unreadable' in found) return { state: 'needs_reentry', hint: null };
    return { state: 'saved', hint: keyHint(found.key) };
  };

  const status = (): VaultStatus => {
    const level = protection();
    const sentence =
      level === 'os_keychain'
        ? `API keys are encrypted by this computer's key store (${backend()}).`
        : level === 'weak'
          ? weakAccepted()
            ? 'This computer has no secure key store, and you chose to keep API keys anyway under weak protection: anyone who copies PayDesk’s data folder could read them.'
            : 'This computer has no secure key store, so API keys are kept only until PayDesk closes. You can choose to keep them under weak protection instead.'
          : 'This computer cannot encrypt API keys, so they are kept only until PayDesk closes.';
    return { protection: level, backend: backend(), weakAccepted: weakAccepted(), sentence };
  };

  return {
    async get(owner) {
      const inMemory = session.get(owner.id);
      if (inMemory) return inMemory;
      const found = stored(owner.id);
      return found && 'key' in found ? found.key : null;
    },
    save(owner, key) {
      if (mayWrite()) {
        write.run(owner.id, cipher!.encrypt(key), cipher!.backend(), now());
        session.delete(owner.id);
      } else {
        remove.run(owner.id);
        session.set(owner.id, key);
      }
      return state(owner);
    },
    state,
    forget(owner) {
      session.delete(owner.id);
      remove.run(owner.id);
    },
    status,
    acceptWeakStorage(accept) {
      settings.set(WEAK_ACCEPTED, accept);
      if (protection() !== 'weak') return status();
      db.transaction(() => {
        if (accept) {
          for (const [id, key] of session) write.run(id, cipher!.encrypt(key), cipher!.backend(), now());
          session.clear();
        } else {
          // Taking the choice back takes the keys off the disk; they stay usable until PayDesk closes.
          for (const { profile_id: id } of storedIds.all()) {
            const found = stored(id);
            if (found && 'key' in found) session.set(id, found.key);
            remove.run(id);
          }
        }
      })();
      return status();
    },
  };
}
