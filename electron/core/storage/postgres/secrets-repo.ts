// The vault's rows on PostgreSQL: each profile's API key as ciphertext (bytea), the key store that wrote it, and the
// origin it is for. The vault (setup/api-key-vault.ts) encrypts and decrypts; this only stores what it hands over.
// A ciphertext is readable only by the key store of the computer that made it, so each counter (holder) keeps its own
// rows, and this repository reads and writes only this counter's: another counter's ciphertext never leaves the server.
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

export function createSecretsRepo(db: Executor, holder: string): SecretsRepo {
  return {
    async get(profileId) {
      const { rows } = await db.query<SecretRow>(`SELECT ${COLUMNS} FROM secrets WHERE holder = $1 AND profile_id = $2`, [
        holder,
        profileId,
      ]);
      return rows[0] ? toSecret(rows[0]) : null;
    },
    async all() {
      const { rows } = await db.query<SecretRow>(`SELECT ${COLUMNS} FROM secrets WHERE holder = $1 ORDER BY profile_id`, [holder]);
      return rows.map(toSecret);
    },
    async put(secret, at) {
      await db.query(
        `INSERT INTO secrets (holder, profile_id, ciphertext, backend, origin, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (holder, profile_id) DO UPDATE SET ciphertext = excluded.ciphertext, backend = excluded.backend,
           origin = excluded.origin, updated_at = excluded.updated_at`,
        [holder, secret.profileId, secret.ciphertext, secret.backend, secret.origin, at],
      );
    },
    async bindOrigin(profileId, origin) {
      await db.query(`UPDATE secrets SET origin = $1 WHERE holder = $2 AND profile_id = $3 AND origin IS NULL`, [
        origin,
        holder,
        profileId,
      ]);
    },
    async remove(profileId) {
      await db.query(`DELETE FROM secrets WHERE holder = $1 AND profile_id = $2`, [holder, profileId]);
    },
    async heldElsewhere(profileId) {
      const { rows } = await db.query<{ name: string }>(
        `SELECT c.name FROM secrets s JOIN counters c ON c.id = s.holder WHERE s.profile_id = $1 AND s.holder <> $2`,
        [profileId, holder],
      );
      return rows.map((row) => row.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    },
    atomically: (work) => db.atomically(work),
    /**
     * A replaced or removed key stays in the table's pages as a dead row (no query or pg_dump sees it) until VACUUM
     * frees it. VACUUM cannot run in a transaction, so it runs on a connection of the pool's own, never inside
     * `atomically`. It needs the table's owner: signed in as a counter role (`paydesk storage setup-roles`),
     * PostgreSQL skips it with a warning and autovacuum frees the row later. What it does not promise: that the old
     * bytes are overwritten on disk at once (the freed space is reused later), or anything about copies outside the
     * table: WAL files until they are recycled, replicas, and backups already taken. The ciphertext was encrypted by
     * the saving computer's key store first, which is what protects a key in those copies.
     */
    async scrub() {
      await db.pool.query('VACUUM secrets');
    },
  };
}
