// Schema versions by PRAGMA user_version. Each migration runs in one transaction; an existing database
// is copied aside first, so a failed upgrade never costs a shop its order book.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { say } from '../../../../shared/messages/say';
import { restrict, type Db } from './database';
import { OrderBookRefused } from '../order-book-refused';

export const MIGRATIONS: readonly string[] = [
  // 1: the foundation.
  `
  CREATE TABLE profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60),
    mode TEXT NOT NULL CHECK (mode IN ('live', 'sandbox')),
    base_url TEXT NOT NULL,
    listen_host TEXT NOT NULL,
    listen_port INTEGER NOT NULL CHECK (listen_port BETWEEN 0 AND 65535),
    return_base_url TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    profile_id INTEGER NOT NULL REFERENCES profiles(id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL CHECK (currency = 'BDT'),
    customer_name TEXT,
    customer_email TEXT,
    note TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'failed')),
    return_token_hash TEXT NOT NULL UNIQUE,
    cancel_token_hash TEXT NOT NULL UNIQUE,
    payment_url TEXT,
    transaction_id TEXT,
    failure TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    paid_at TEXT,
    cancelled_at TEXT
  );
  CREATE UNIQUE INDEX orders_transaction_id ON orders(transaction_id) WHERE transaction_id IS NOT NULL;
  CREATE INDEX orders_profile_created ON orders(profile_id, created_at);
  CREATE INDEX orders_status_created ON orders(status, created_at);
  CREATE TABLE order_events (
    id INTEGER PRIMARY KEY,
    order_id INTEGER REFERENCES orders(id),
    kind TEXT NOT NULL,
    detail TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX order_events_order ON order_events(order_id, id);
  `,
  // 2: profiles can be removed (their orders stay, read-only) and a removed name can be used again;
  // API keys are kept encrypted by the OS key store, one per profile.
  `
  CREATE TABLE profiles_v2 (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60),
    mode TEXT NOT NULL CHECK (mode IN ('live', 'sandbox')),
    base_url TEXT NOT NULL,
    listen_host TEXT NOT NULL,
    listen_port INTEGER NOT NULL CHECK (listen_port BETWEEN 0 AND 65535),
    return_base_url TEXT,
    created_at TEXT NOT NULL,
    removed_at TEXT
  );
  INSERT INTO profiles_v2 (id, name, mode, base_url, listen_host, listen_port, return_base_url, created_at)
    SELECT id, name, mode, base_url, listen_host, listen_port, return_base_url, created_at FROM profiles;
  DROP TABLE profiles;
  ALTER TABLE profiles_v2 RENAME TO profiles;
  CREATE UNIQUE INDEX profiles_name ON profiles(name) WHERE removed_at IS NULL;
  CREATE TABLE secrets (
    profile_id INTEGER PRIMARY KEY REFERENCES profiles(id),
    ciphertext BLOB NOT NULL,
    backend TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 3: the orders workspace. Links expire ('expired'); an order can be paid by hand ('manual'); search
  // runs on trigram full-text indexes (substrings, Bengali included); totals and the dashboard read
  // per-day counters kept by triggers, so they stay instant with a million orders.
  `
  CREATE TABLE orders_v3 (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    profile_id INTEGER NOT NULL REFERENCES profiles(id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL CHECK (currency = 'BDT'),
    customer_name TEXT,
    customer_email TEXT,
    note TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'failed', 'expired')),
    payment_source TEXT CHECK (payment_source IN ('gateway', 'manual')),
    return_token_hash TEXT NOT NULL UNIQUE,
    cancel_token_hash TEXT NOT NULL UNIQUE,
    payment_url TEXT,
    transaction_id TEXT,
    failure TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expires_at TEXT,
    paid_at TEXT,
    cancelled_at TEXT
  );
  INSERT INTO orders_v3 (id, ref, profile_id, amount_minor, currency, customer_name, customer_email, note, status,
      payment_source, return_token_hash, cancel_token_hash, payment_url, transaction_id, failure, created_at,
      updated_at, expires_at, paid_at, cancelled_at)
    SELECT id, ref, profile_id, amount_minor, currency, customer_name, customer_email, note, status,
      CASE WHEN status = 'paid' THEN 'gateway' END, return_token_hash, cancel_token_hash, payment_url,
      transaction_id, failure, created_at, updated_at,
      strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+24 hours'), paid_at, cancelled_at
    FROM orders;
  DROP TABLE orders;
  ALTER TABLE orders_v3 RENAME TO orders;
  CREATE UNIQUE INDEX orders_transaction_id ON orders(transaction_id) WHERE transaction_id IS NOT NULL;
  CREATE INDEX orders_profile_created ON orders(profile_id, created_at);
  CREATE INDEX orders_profile_status_created ON orders(profile_id, status, created_at);
  CREATE INDEX orders_profile_amount ON orders(profile_id, amount_minor);
  CREATE INDEX orders_created ON orders(created_at);
  CREATE INDEX orders_pending_expiry ON orders(expires_at) WHERE status = 'pending';
  -- Searches shorter than a trigram match the start of a ref or a transaction id.
  CREATE INDEX orders_ref_upper ON orders(upper(ref));
  CREATE INDEX orders_transaction_upper ON orders(upper(transaction_id)) WHERE transaction_id IS NOT NULL;

  -- What the shopkeeper typed is indexed once, when the order is made; the transaction id, which arrives
  -- with the payment, has an index of its own, so recording a payment adds a few trigrams instead of
  -- re-indexing the whole order on the payment path.
  CREATE VIRTUAL TABLE orders_search USING fts5(doc, content='', tokenize='trigram');
  INSERT INTO orders_search (rowid, doc)
    SELECT id, concat_ws(' ', ref, customer_name, customer_email, note) FROM orders;
  CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
    INSERT INTO orders_search (rowid, doc)
      VALUES (new.id, concat_ws(' ', new.ref, new.customer_name, new.customer_email, new.note));
  END;
  CREATE VIRTUAL TABLE transaction_search USING fts5(transaction_id, content='', tokenize='trigram');
  INSERT INTO transaction_search (rowid, transaction_id)
    SELECT id, transaction_id FROM orders WHERE transaction_id IS NOT NULL;
  -- A transaction id is set once and never replaced (see return-decisions.ts).
  CREATE TRIGGER transaction_search_insert AFTER UPDATE OF transaction_id ON orders
    WHEN new.transaction_id IS NOT NULL AND old.transaction_id IS NULL BEGIN
    INSERT INTO transaction_search (rowid, transaction_id) VALUES (new.id, new.transaction_id);
  END;

  -- Orders per profile, local day of creation and status: the list's totals.
  CREATE TABLE order_counts (
    profile_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    status TEXT NOT NULL,
    orders INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, status)
  ) WITHOUT ROWID;
  INSERT INTO order_counts
    SELECT profile_id, date(created_at, 'localtime'), status, count(*), sum(amount_minor) FROM orders
    GROUP BY 1, 2, 3;
  CREATE TRIGGER order_counts_insert AFTER INSERT ON orders BEGIN
    INSERT INTO order_counts VALUES (new.profile_id, date(new.created_at, 'localtime'), new.status, 1, new.amount_minor)
      ON CONFLICT DO UPDATE SET orders = orders + 1, amount_minor = amount_minor + excluded.amount_minor;
  END;
  CREATE TRIGGER order_counts_status AFTER UPDATE OF status ON orders WHEN old.status <> new.status BEGIN
    UPDATE order_counts SET orders = orders - 1, amount_minor = amount_minor - old.amount_minor
      WHERE profile_id = old.profile_id AND day = date(old.created_at, 'localtime') AND status = old.status;
    INSERT INTO order_counts VALUES (new.profile_id, date(new.created_at, 'localtime'), new.status, 1, new.amount_minor)
      ON CONFLICT DO UPDATE SET orders = orders + 1, amount_minor = amount_minor + excluded.amount_minor;
  END;

  -- Money received per profile and local day of payment: the dashboard.
  CREATE TABLE paid_days (
    profile_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    orders INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day)
  ) WITHOUT ROWID;
  INSERT INTO paid_days
    SELECT profile_id, date(paid_at, 'localtime'), count(*), sum(amount_minor) FROM orders
    WHERE status = 'paid' GROUP BY 1, 2;
  CREATE TRIGGER paid_days_paid AFTER UPDATE OF status ON orders
    WHEN new.status = 'paid' AND old.status <> 'paid' BEGIN
    INSERT INTO paid_days VALUES (new.profile_id, date(new.paid_at, 'localtime'), 1, new.amount_minor)
      ON CONFLICT DO UPDATE SET orders = orders + 1, amount_minor = amount_minor + excluded.amount_minor;
  END;
  `,
  // 4: reconciliation. A paid order stands against the imported statements ('unverified' until one shows
  // it; a payment recorded by hand is the shopkeeper's own word, 'reconciled_by_hand'); statement lines are
  // kept, raw text included, once per transaction id and profile; per-day counters by verification keep
  // the list's totals and the dashboard's "paid, not yet verified" instant.
  `
  ALTER TABLE orders ADD COLUMN verification TEXT
    CHECK (verification IN ('unverified', 'verified', 'amount_mismatch', 'missing', 'reconciled_by_hand'));
  ALTER TABLE orders ADD COLUMN statement_amount_minor INTEGER;
  UPDATE orders SET verification = CASE payment_source WHEN 'manual' THEN 'reconciled_by_hand' ELSE 'unverified' END
    WHERE status = 'paid';
  CREATE INDEX orders_profile_verification_created ON orders(profile_id, verification, created_at)
    WHERE verification IS NOT NULL;
  CREATE INDEX orders_profile_verification_paid ON orders(profile_id, verification, paid_at)
    WHERE verification IS NOT NULL;
  -- Whatever path pays an order, it starts out unverified (or, paid by hand, vouched for by the shopkeeper).
  CREATE TRIGGER orders_paid_verification AFTER UPDATE OF status ON orders
    WHEN new.status = 'paid' AND old.status <> 'paid' AND new.verification IS NULL BEGIN
    UPDATE orders SET verification = CASE new.payment_source WHEN 'manual' THEN 'reconciled_by_hand' ELSE 'unverified' END
      WHERE id = new.id;
  END;

  -- Paid orders per profile, local day of creation (as order_counts) and verification.
  CREATE TABLE verification_counts (
    profile_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    verification TEXT NOT NULL,
    orders INTEGER NOT NULL,
    amount_minor INTEGER NOT NULL,
    PRIMARY KEY (profile_id, day, verification)
  ) WITHOUT ROWID;
  INSERT INTO verification_counts
    SELECT profile_id, date(created_at, 'localtime'), verification, count(*), sum(amount_minor) FROM orders
    WHERE verification IS NOT NULL GROUP BY 1, 2, 3;
  CREATE TRIGGER verification_counts_insert AFTER INSERT ON orders WHEN new.verification IS NOT NULL BEGIN
    INSERT INTO verification_counts VALUES (new.profile_id, date(new.created_at, 'localtime'), new.verification, 1, new.amount_minor)
      ON CONFLICT DO UPDATE SET orders = orders + 1, amount_minor = amount_minor + excluded.amount_minor;
  END;
  -- Two triggers, so a payment (NULL to a verification, on the return path) does only the one upsert it needs.
  CREATE TRIGGER verification_counts_leave AFTER UPDATE OF verification ON orders
    WHEN old.verification IS NOT NULL AND old.verification IS NOT new.verification BEGIN
    UPDATE verification_counts SET orders = orders - 1, amount_minor = amount_minor - old.amount_minor
      WHERE profile_id = old.profile_id AND day = date(old.created_at, 'localtime') AND verification = old.verification;
  END;
  CREATE TRIGGER verification_counts_enter AFTER UPDATE OF verification ON orders
    WHEN new.verification IS NOT NULL AND old.verification IS NOT new.verification BEGIN
    INSERT INTO verification_counts VALUES (new.profile_id, date(new.created_at, 'localtime'), new.verification, 1, new.amount_minor)
      ON CONFLICT DO UPDATE SET orders = orders + 1, amount_minor = amount_minor + excluded.amount_minor;
  END;

  CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles(id),
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    -- The first and last payment the file shows (UTC instants); null when no line parsed.
    covers_from TEXT,
    covers_to TEXT,
    -- Data rows in the file, rows new to PayDesk, rows that did not parse.
    lines INTEGER NOT NULL,
    imported INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    mapping TEXT NOT NULL
  );
  CREATE TABLE statement_lines (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    profile_id INTEGER NOT NULL REFERENCES profiles(id),
    line_no INTEGER NOT NULL,
    -- Trimmed and upper-cased: the key a line is matched and deduplicated by.
    transaction_key TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    occurred_at TEXT NOT NULL,
    sender TEXT,
    reference TEXT,
    raw TEXT NOT NULL,
    order_id INTEGER REFERENCES orders(id),
    resolved_by TEXT CHECK (resolved_by IN ('match', 'attached', 'recorded')),
    resolved_at TEXT,
    UNIQUE (profile_id, transaction_key)
  );
  CREATE INDEX statement_lines_unclaimed ON statement_lines(profile_id, occurred_at) WHERE order_id IS NULL;
  CREATE INDEX statement_lines_order ON statement_lines(order_id) WHERE order_id IS NOT NULL;
  -- Rows that did not parse, kept with their reason for later review.
  CREATE TABLE statement_rejects (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    line_no INTEGER NOT NULL,
    raw TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  `,
  // 5: the transaction-id search index is written by the code that records a payment (transaction-search.ts):
  // FTS5 writes a new index segment at every savepoint, and a trigger runs in one, so this trigger wrote a
  // segment per payment and cost more than the payment itself.
  `
  DROP TRIGGER transaction_search_insert;
  `,
  // 6: a transaction id's identity is its key (transaction-id.ts: case, spaces and full-width forms are no part
  // of it), unique across the book, so one payment can never pay two orders. Before v6 ids were unique only as
  // typed: where two orders hold ids differing only by case, the one paid first keeps the key and each other is
  // reported in both orders' timelines (transaction_id_clash), never merged. Every order records whether it was
  // a sandbox order, and a profile's mode is fixed once it exists. API keys remember the origin they were
  // entered for (secrets.origin; filled by the vault on first read for keys saved before). Requests refused
  // before they reach an order (unknown tokens, and refusals past an order's audit cap) are counted per day
  // instead of stored one row each, so nobody can grow the book by sending them. A gateway payment records how
  // PayDesk learned of it (payment_proof): the customer's return, the id the customer showed at the counter, or
  // a statement line; a claim at the counter is then proved or questioned by the statement like a return.
  `
  ALTER TABLE orders ADD COLUMN transaction_key TEXT;
  ALTER TABLE orders ADD COLUMN payment_proof TEXT CHECK (payment_proof IN ('return', 'counter', 'statement'));
  UPDATE orders SET payment_proof = iif(verification = 'reconciled_by_hand', 'statement', 'return')
    WHERE status = 'paid' AND payment_source = 'gateway';
  ALTER TABLE orders ADD COLUMN sandbox INTEGER NOT NULL DEFAULT 0 CHECK (sandbox IN (0, 1));
  UPDATE orders SET sandbox = 1 WHERE profile_id IN (SELECT id FROM profiles WHERE mode = 'sandbox');
  UPDATE orders SET transaction_key = upper(trim(transaction_id)) WHERE id IN (
    SELECT id FROM (
      SELECT id, row_number() OVER (PARTITION BY upper(trim(transaction_id)) ORDER BY paid_at, id) AS n
      FROM orders WHERE transaction_id IS NOT NULL)
    WHERE n = 1);
  INSERT INTO order_events (order_id, kind, detail, at)
    SELECT id, kind, detail, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT o.id, o.id AS sort, 'transaction_id_clash' AS kind,
        json_object('transactionId', o.transaction_id, 'heldBy', h.ref, 'heldAs', h.transaction_id) AS detail
      FROM orders o JOIN orders h ON h.transaction_key = upper(trim(o.transaction_id))
      WHERE o.transaction_id IS NOT NULL AND o.transaction_key IS NULL
      UNION ALL
      SELECT h.id, o.id, 'transaction_id_clash',
        json_object('transactionId', h.transaction_id, 'alsoHeldBy', o.ref, 'heldAs', o.transaction_id)
      FROM orders o JOIN orders h ON h.transaction_key = upper(trim(o.transaction_id))
      WHERE o.transaction_id IS NOT NULL AND o.transaction_key IS NULL)
    ORDER BY sort, id;
  DROP INDEX orders_transaction_id;
  CREATE UNIQUE INDEX orders_transaction_key ON orders(transaction_key) WHERE transaction_key IS NOT NULL;
  -- Whoever writes an id writes its key: the unique index above then guards every spelling of one payment.
  CREATE TRIGGER orders_transaction_key_insert BEFORE INSERT ON orders
    WHEN new.transaction_id IS NOT NULL AND new.transaction_key IS NOT upper(new.transaction_id) BEGIN
    SELECT RAISE(ABORT, 'a transaction id is stored with its key');
  END;
  CREATE TRIGGER orders_transaction_key_update BEFORE UPDATE OF transaction_id, transaction_key ON orders
    WHEN new.transaction_id IS NOT NULL AND new.transaction_key IS NOT upper(new.transaction_id) BEGIN
    SELECT RAISE(ABORT, 'a transaction id is stored with its key');
  END;
  CREATE TRIGGER profiles_mode_fixed BEFORE UPDATE OF mode ON profiles WHEN old.mode <> new.mode BEGIN
    SELECT RAISE(ABORT, 'a profile keeps its mode');
  END;
  ALTER TABLE secrets ADD COLUMN origin TEXT;
  CREATE TABLE refused_requests (
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, reason)
  ) WITHOUT ROWID;
  `,
  // 7: the orders whose creation times disagree with their id order (a clock set back, a row written with its own
  // id): of every two orders where the one with the smaller id was made later, at least one is listed here, so a
  // search's page read in id order is proved to be in time order by a look at this short list (order-queries.ts)
  // rather than by walking every newer order. Filled with each order made before an earlier order's time; then each
  // new order that disagrees with any other, and each order whose time is changed, is added.
  `
  CREATE TABLE orders_out_of_order (order_id INTEGER PRIMARY KEY);
  INSERT INTO orders_out_of_order
    SELECT id FROM (
      SELECT id, created_at,
        max(created_at) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_ids_latest
      FROM orders)
    WHERE created_at < earlier_ids_latest;
  -- Each test walks one index from the new order's place (the unary + keeps SQLite off the other): at once, as an
  -- order is normally the newest both by id and by time.
  CREATE TRIGGER orders_out_of_order_insert AFTER INSERT ON orders
    WHEN EXISTS (SELECT 1 FROM orders WHERE created_at > new.created_at AND +id < new.id)
      OR EXISTS (SELECT 1 FROM orders WHERE id > new.id AND +created_at < new.created_at) BEGIN
    INSERT OR IGNORE INTO orders_out_of_order VALUES (new.id);
  END;
  CREATE TRIGGER orders_out_of_order_time AFTER UPDATE OF created_at ON orders
    WHEN new.created_at IS NOT old.created_at BEGIN
    INSERT OR IGNORE INTO orders_out_of_order VALUES (new.id);
  END;
  `,
  // 8: counters (tills). Each data folder is one counter, with an id of its own (this-counter.ts) and the name the
  // shop gave it; every order records the counter that made it (orders made before stay without one). What belongs
  // to one counter and not to the shop (its active profile, its listener, its tunnel) is kept under its id, so a
  // book copied to a shared server carries it as this counter's.
  `
  CREATE TABLE counters (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX counters_name ON counters (lower(name));
  CREATE TABLE counter_settings (
    counter_id TEXT NOT NULL REFERENCES counters(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (counter_id, key)
  ) WITHOUT ROWID;
  ALTER TABLE orders ADD COLUMN counter_id TEXT REFERENCES counters(id);
  CREATE INDEX orders_counter_created ON orders (counter_id, created_at, id) WHERE counter_id IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

// Both engines refuse a newer book with the same class; its callers have long imported it from here.
export { OrderBookRefused };

export function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new OrderBookRefused(say('order_book_newer', { schema: current }));
  }
  if (current === SCHEMA_VERSION) return;
  if (current > 0 && file !== ':memory:') {
    const backup = `${file}.v${current}.bak`;
    if (!existsSync(backup)) db.prepare('VACUUM INTO ?').run(backup);
    // A backup is there to save the orders; the API keys are re-entered in a minute, and a copy of them
    // nobody looks after is a copy an attacker finds. Older backups made before this rule are cleaned too.
    for (const old of backupsOf(file)) withoutSecrets(db, old);
  }
  // Rebuilding a table that others reference needs foreign keys off, and they can only be switched
  // outside a transaction; each migration checks them itself before it commits.
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[version - 1]!);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${version} would break ${broken.length} references.`);
        db.pragma(`user_version = ${version}`);
      }).immediate();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  if (current < 6) reportClashes(db);
}

function backupsOf(file: string): string[] {
  const name = basename(file);
  return readdirSync(dirname(file))
    .filter((entry) => entry.startsWith(name) && /^\.v\d+\.bak$/.test(entry.slice(name.length)))
    .map((entry) => join(dirname(file), entry));
}

/** Overwrites a backup's API keys (secure_delete zeroes their pages) and makes the file the shop's alone. */
function withoutSecrets(db: Db, backup: string): void {
  restrict(backup, 0o600);
  db.prepare(`ATTACH DATABASE ? AS backup`).run(backup);
  try {
    const hasSecrets = db.prepare(`SELECT 1 FROM backup.sqlite_schema WHERE type = 'table' AND name = 'secrets'`).get();
    if (hasSecrets) {
      db.pragma('backup.secure_delete = ON');
      db.exec(`DELETE FROM backup.secrets`);
    }
  } finally {
    db.exec(`DETACH DATABASE backup`);
  }
}

/** Migration 6 found ids that were one payment to a person but two to the old unique index: say so once. */
function reportClashes(db: Db): void {
  // The orders migration 6 left without a key: their id differs only by case from an earlier payment's.
  const clashes = db
    .prepare<[], { ref: string; transactionId: string; heldBy: string }>(
      `SELECT o.ref, o.transaction_id AS transactionId, h.ref AS heldBy
       FROM orders o JOIN orders h ON h.transaction_key = upper(trim(o.transaction_id))
       WHERE o.transaction_id IS NOT NULL AND o.transaction_key IS NULL ORDER BY o.id`,
    )
    .all();
  for (const clash of clashes) {
    console.warn(
      `PayDesk: order ${clash.ref} holds transaction ${clash.transactionId}, which order ${clash.heldBy} was paid with first ` +
        '(they differ only in letter case); both timelines say so. Check the two orders against the statement.',
    );
  }
}
