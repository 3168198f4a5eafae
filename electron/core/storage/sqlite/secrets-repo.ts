// The vault's rows on SQLite: each profile's API key as ciphertext, the key store that wrote it, and the origin it is
// for. The vault (setup/api-key-vault.ts) encrypts, decrypts and decides where a key may be kept; this only stores
// what it hands over.
import type { SecretsRepo, StoredSecret } from '../secrets-repo';
import { stepped, type SqliteConnection } from './connection';

type SecretRow = { profile_id: number; ciphertext: Buffer; backend: string; origin: string | null };

const toSecret = (row: SecretRow): StoredSecret => ({
  profileId: row.profile_id,
  ciphertext: row.ciphertext,
  backend: row.backend,
  origin: row.origin,
});

export function createSecretsRepo(connection: SqliteConnection): SecretsRepo {
  const { db } = connection;
  const read = db.prepare<[number], SecretRow>(`SELECT profile_id, ciphertext, backend, origin FROM secrets WHERE profile_id = ?`);
  const readAll = db.prepare<[], SecretRow>(`SELECT profile_id, ciphertext, backend, origin FROM secrets`);
  const write = db.prepare(
    `INSERT INTO secrets (profile_id, ciphertext, backend, origin, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (profile_id) DO UPDATE SET ciphertext = excluded.ciphertext, backend = excluded.backend,
       origin = excluded.origin, updated_at = excluded.updated_at`,
  );
  const bindLegacy = db.prepare(`UPDATE secrets SET origin = ? WHERE profile_id = ? AND origin IS NULL`);
  const remove = db.prepare(`DELETE FROM secrets WHERE profile_id = ?`);
  return {
    ...stepped<Omit<SecretsRepo, 'atomically'>>(connection, {
      get(profileId) {
        const row = read.get(profileId);
        return row ? toSecret(row) : null;
      },
      all: () => readAll.all().map(toSecret),
      put: (secret, at) => void write.run(secret.profileId, secret.ciphertext, secret.backend, secret.origin, at),
      bindOrigin: (profileId, origin) => void bindLegacy.run(origin, profileId),
      remove: (profileId) => void remove.run(profileId),
      // The file is this data folder's: its keys are this counter's, and no other counter keeps one here.
      heldElsewhere: () => [],
      // secure_delete zeroes a replaced or removed key's pages in the book, but the WAL still holds the old frames
      // until a checkpoint: move them into the book and empty the WAL at once.
      scrub: () => void db.pragma('wal_checkpoint(TRUNCATE)'),
    }),
    atomically: connection.atomically,
  };
}
