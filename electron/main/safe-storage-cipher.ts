// The vault's cipher in the app: Electron's safeStorage (Keychain on macOS, DPAPI on Windows, libsecret
// or kwallet on Linux, or Linux's "basic_text" fallback, which the vault treats as weak).
import type { SafeStorage } from 'electron';
import type { Cipher } from '../core/setup/api-key-vault';

type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function safeStorageBackend(api: SafeStorageApi, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return api.getSelectedStorageBackend();
}

export function createSafeStorageCipher(api: SafeStorageApi, platform: NodeJS.Platform = process.platform): Cipher {
  return {
    isAvailable: () => api.isEncryptionAvailable(),
    backend: () => safeStorageBackend(api, platform),
    encrypt: (plain) => api.encryptString(plain),
    decrypt: (ciphertext) => api.decryptString(ciphertext),
  };
}
