// Stands in for the OS key store (Electron's safeStorage) in tests: real AES-256-GCM with a key that
// lives only in this process, under a backend name the test chooses.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from '../../electron/core/setup/api-key-vault';

export function testCipher(options: { backend?: string; available?: boolean } = {}): Cipher & {
  setBackend(name: string): void;
} {
  const key = randomBytes(32);
  let backend = options.backend ?? 'test_keychain';
  return {
    isAvailable: () => options.available ?? true,
    backend: () => backend,
    setBackend(name) {
      backend = name;
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(blob) {
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
