// The vault's rows on PostgreSQL: each profile's API key as ciphertext (bytea), the key store that wrote it, and the
// origin it is for. The vault (setup/api-key-vault.ts) encrypts and decrypts; this only stores what it hands over.
import type { SecretsRepo, StoredSecret } from '../secrets-repo';
import type { Executor } from './connection';

type SecretRow = { profile_id: number; ciphertext: Buffer; backend: string; origin: string | null };

const toSecret = (row: SecretRow): StoredSecret => ({
  profileId: row.profile_id,
  ciphertext: row.ciphertext,
  backend: row.backend,
  origin: row.origin,
});

const COLUMNS = 'profile_id, ciphertext, backend, origin';

export function createSecretsRepo(db: Executor): SecretsRepo {
  return {
    async get(profileId) {
      const { rows } = await db.query<SecretRow>(`SELECT ${COLUMNS} FROM secrets WHERE profile_id = $1`, [profileId]);
      return rows[0] ? toSecret(rows[0]) : null;
    },
    async all() {
      const { rows } = await db.query<SecretRow>(`SELECT ${COLUMNS} FROM secrets ORDER BY profile_id`);
      return rows.map(toSecret);
    },
    async put(secret, at) {
      await db.query(
        `INSERT INTO secrets (profile_id, ciphertext, backend, origin, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (profile_id) DO UPDATE SET ciphertext = excluded.ciphertext, backend = excluded.backend,
           origin = excluded.origin, updated_at = excluded.updated_at`,
        [secret.profileId, secret.ciphertext, secret.backend, secret.origin, at],
      );
    },
    async bindOrigin(profileId, origin) {
      await db.query(`UPDATE secrets SET origin = $1 WHERE profile_id = $2 AND origin IS NULL`, [origin, profileId]);
    },
    async remove(profileId) {
      await db.query(`DELETE FROM secrets WHERE profile_id = $1`, [profileId]);
    },
    atomically: (work) => db.atomically(work),
    /**
     * A replaced or removed key stays in the table as a dead row until VACUUM removes it, so that no query, no
     * pg_dump and no copy of the book made from now on can reach it. VACUUM cannot run in a transaction, so it runs
     * on a connection of the pool's own, never inside `atomically`. What it does not promise on PostgreSQL: that the
     * old bytes are overwritten on disk at once (the freed space is reused later), that a row still visible to
     * another session's open transaction goes (it waits for the next VACUUM), or anything about copies outside the
     * table: WAL files until they are recycled, replicas, and backups already taken. The ciphertext was encrypted by
     * this computer's key store first, which is what protects a key in those copies.
     */
    async scrub() {
      await db.pool.query('VACUUM secrets');
    },
  };
}
