// Settings › Order book: which book this computer opens (its own SQLite file, or a PostgreSQL server several counters
// share), checking a server, copying the file's orders into it, and choosing it for the next start. The book open now
// stays open: another one is opened only by a restart, so no screen ever sees two books.
import type { CopyReport, Message, OrderBookCheck, OrderBookView, PostgresInput, Reply } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import { SQLITE_BOOK, type BookChoice, type PostgresConnection } from '../storage/book-choice';
import { readBookChoice, saveBookChoice } from '../storage/book-choice-file';
import { copyOrderBook } from '../storage/copy-order-book';
import type { Engine, OrderBook } from '../storage/order-book';
import { checkPostgres } from '../storage/postgres/connection-check';
import type { ReturnJournal } from '../journal/return-journal';
import { createExecutor, openPool } from '../storage/postgres/connection';
import { describePostgres, poolConfig } from '../storage/postgres/pool-config';
import type { Cipher, Vault } from './api-key-vault';
import { readCaCertificate, type CaCertificate } from './ca-certificate';

export type OrderBookDeps = {
  /** The book PayDesk has open: its engine, and where it is (a file's path, or postgres://user@host:port/db). */
  open: { engine: Engine; location: string };
  /** This computer's saved choice (storage/book-choice-file.ts): the password in it is kept encrypted. */
  choice: {
    read(): Promise<{ ok: true; choice: BookChoice } | { ok: false; message: Message }>;
    save(choice: BookChoice): Promise<{ ok: true } | { ok: false; message: Message }>;
  };
  /** Whether the vault can keep a secret across a restart (the OS key store, or weak protection the shop accepted). */
  canSavePassword(): Promise<boolean> | boolean;
  check(connection: PostgresConnection): Promise<OrderBookCheck>;
  /** Copies the open SQLite book into the server's, verified (storage/copy-order-book.ts), with what to tell of the keys it carried. */
  copy(connection: PostgresConnection): Promise<Reply<CopiedBook>>;
  /** Whether the book open now holds any order (a new counter's own file holds none: it has nothing to bring). */
  holdsOrders(): Promise<boolean>;
  /** Whether the server's book holds any profile: it is another counter's book then, not one made empty for the shop. */
  serverHoldsProfiles(connection: PostgresConnection): Promise<boolean>;
  /**
   * What this counter took while the shared book was away and has not written to it yet (journal/return-journal.ts):
   * entries are written to the book open now, whose tokens and orders they name, so it is not changed under them.
   * Null on a SQLite book, which is never away.
   */
  journal: Pick<ReturnJournal, 'waiting' | 'size'> | null;
  /** postgres://user@host:port/db, never the password. */
  describe(connection: PostgresConnection): string;
  log: { warn(code: string, text: string): void };
};

export type OrderBookService = ReturnType<typeof createOrderBookService>;

export type CopiedBook = CopyReport & { notice: Message | null };

/** How much a TLS mode protects a password on its way: a saved one never travels with less than it was saved with. */
const TLS_STRENGTH = { disable: 0, require: 1, 'verify-full': 2 } as const;

/**
 * A saved password goes only to the server and user it was typed for, as an API key only to its own origin, and never
 * over weaker TLS than it was saved with (a machine posing as the server could otherwise ask for it in the clear).
 */
const sameSignIn = (
  saved: Pick<PostgresConnection, 'host' | 'port' | 'user' | 'tls'>,
  typed: Pick<PostgresConnection, 'host' | 'port' | 'user' | 'tls'>,
) =>
  saved.host.toLowerCase() === typed.host.toLowerCase() &&
  saved.port === typed.port &&
  saved.user === typed.user &&
  TLS_STRENGTH[typed.tls] >= TLS_STRENGTH[saved.tls];

export function createOrderBookService(deps: OrderBookDeps) {
  // The CA picked for the server being typed: it joins the saved choice when that server is chosen.
  let draftCa: CaCertificate | null = null;
  let copying = false;

  /** The saved choice, or why it cannot be read (a damaged file): Settings is where the shop chooses again. */
  const saved = async (): Promise<{ postgres: PostgresConnection | null; problem: Message | null }> => {
    const read = await deps.choice.read();
    if (!read.ok) return { postgres: null, problem: read.message };
    return { postgres: read.choice.engine === 'postgres' ? read.choice.connection : null, problem: null };
  };

  /** The connection the form describes: a password left empty keeps the saved one, for the same server and user only. */
  async function connectionOf(input: PostgresInput): Promise<PostgresConnection> {
    const { postgres } = await saved();
    const kept = postgres && sameSignIn(postgres, input) ? postgres : null;
    // A CA is no secret: the saved one stays while the host is being corrected.
    const ca = input.tls === 'verify-full' ? (draftCa?.pem ?? postgres?.ca ?? null) : null;
    const { host, port, database, user, tls } = input;
    return { host, port, database, user, password: input.password ?? kept?.password ?? '', tls, ca };
  }

  async function view(): Promise<OrderBookView> {
    const { postgres, problem } = await saved();
    const chosen = postgres && {
      location: deps.describe(postgres),
      host: postgres.host,
      port: postgres.port,
      database: postgres.database,
      user: postgres.user,
      tls: postgres.tls,
      hasCa: postgres.ca !== null,
      passwordSaved: postgres.password !== '',
    };
    const next = chosen?.location ?? null;
    return {
      engine: deps.open.engine,
      location: deps.open.location,
      postgres: chosen,
      restartNeeded: deps.open.engine === 'postgres' ? next !== deps.open.location : next !== null,
      canSavePassword: await deps.canSavePassword(),
      draftCa: draftCa && { fileName: draftCa.fileName, subject: draftCa.subject },
      problem,
    };
  }

  /** A check that failed, as the error of whatever needed the server: the check's own sentence. */
  const refusedBy = (check: OrderBookCheck) =>
    fail(appError(check.steps.some((step) => step.step === 'reach' && !step.ok) ? 'network' : 'forbidden', check.message));

  /** Why the book may not change now: entries of the journal are waiting for the book open now; or null. */
  async function waitingFor(request: Parameters<OrderBookService['use']>[0]): Promise<Message | null> {
    const journal = deps.journal;
    if (!journal || journal.size() === 0) return null;
    // The same server chosen again (a password saved anew) is the book the entries are for.
    if (request.engine === 'postgres' && deps.describe(await connectionOf(request.input)) === deps.open.location) return null;
    const payments = journal.waiting();
    return payments > 0 ? say('order_book_switch_payments_waiting', { count: payments }) : say('order_book_switch_changes_waiting');
  }

  async function copy(input: PostgresInput): Promise<Reply<CopiedBook>> {
    if (deps.open.engine !== 'sqlite') return fail(appError('forbidden', say('order_book_copy_needs_file')));
    if (copying) return fail(appError('forbidden', say('order_book_copy_running')));
    copying = true;
    try {
      const connection = await connectionOf(input);
      const check = await deps.check(connection);
      if (!check.ok) return refusedBy(check);
      return await deps.copy(connection);
    } catch (error) {
      deps.log.warn('order_book_copy_failed', `the copy to PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}`);
      return fail(appError('internal', copyFailed(error)));
    } finally {
      copying = false;
    }
  }

  return {
    async view(): Promise<Reply<OrderBookView>> {
      return ok(await view());
    },

    async check(input: PostgresInput): Promise<Reply<OrderBookCheck>> {
      return ok(await deps.check(await connectionOf(input)));
    },

    /** Keeps the CA certificate the shopkeeper picked for the server being typed; null when the dialog was closed. */
    chooseCa(file: { name: string; bytes: Uint8Array } | null): Reply<{ fileName: string; subject: string } | null> {
      if (!file) return ok(null);
      const read = readCaCertificate(file);
      if (!read.ok) return fail(appError('invalid_input', read.message));
      draftCa = read.ca;
      return ok({ fileName: read.ca.fileName, subject: read.ca.subject });
    },

    copy,

    /** Saves the book to open from the next start; a server only once its check passes and its password can be kept. */
    async use(request: { engine: 'sqlite' } | { engine: 'postgres'; input: PostgresInput }): Promise<Reply<OrderBookView>> {
      const unwritten = await waitingFor(request);
      if (unwritten) return fail(appError('forbidden', unwritten));
      if (request.engine === 'sqlite') {
        const kept = await deps.choice.save(SQLITE_BOOK);
        return kept.ok ? ok(await view()) : fail(appError('internal', kept.message));
      }
      const connection = await connectionOf(request.input);
      // PayDesk opens the server at every start, so a password it could not keep would leave it without its book.
      if (connection.password !== '' && !(await deps.canSavePassword()))
        return fail(appError('forbidden', say('order_book_password_not_kept')));
      const check = await deps.check(connection);
      if (!check.ok) return refusedBy(check);
      // A server already holding a book, chosen from this computer's file, gets the file's latest first (the copy
      // brings nothing twice): otherwise payments recorded since the last copy would be missing from the book opened
      // next. A copy that refuses (the server's book has other rows) refuses the switch with its own sentence. A file
      // with no orders, for a book that holds profiles, is a counter joining the shop's book: it brings nothing, and
      // enrolls there when it starts. A book with no profiles (made empty for the shop) gets the file's profiles.
      if (
        deps.open.engine === 'sqlite' &&
        check.schema === 'current' &&
        ((await deps.holdsOrders()) || !(await deps.serverHoldsProfiles(connection)))
      ) {
        const copied = await copy(request.input);
        if (!copied.ok) return copied;
      }
      const kept = await deps.choice.save({ engine: 'postgres', connection });
      if (!kept.ok) return fail(appError('internal', kept.message));
      draftCa = null;
      return ok(await view());
    },
  };
}

/**
 * The service over this computer's real parts: the choice file in the data folder (its password encrypted by the
 * vault's key store), the step-by-step check, and the copy from the SQLite file of the book open now.
 */
export function orderBookSettings(options: {
  dataDir: string;
  nativeBinding?: string;
  cipher: Cipher | null;
  vault: Pick<Vault, 'status'>;
  book: Pick<OrderBook, 'engine' | 'location' | 'queries'>;
  /** This data folder's counter: the file's API keys are its own in the copy. */
  counterId: string;
  journal: OrderBookDeps['journal'];
  log: OrderBookDeps['log'];
}): OrderBookService {
  const { dataDir, cipher, vault, book } = options;
  const keeps = async () => {
    const { protection, weakAccepted } = await vault.status();
    return protection === 'os_keychain' || (protection === 'weak' && weakAccepted);
  };
  return createOrderBookService({
    open: { engine: book.engine, location: book.location },
    choice: {
      read: () => readBookChoice(dataDir, cipher),
      save: async (choice) => saveBookChoice(dataDir, cipher, choice, { mayKeep: await keeps() }),
    },
    canSavePassword: keeps,
    check: (connection) => checkPostgres(connection),
    async copy(to) {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const copied = await copyOrderBook({
        from: book.location,
        to,
        timeZone,
        counterId: options.counterId,
        nativeBinding: options.nativeBinding,
      });
      // Refused for what it was given (the file, a database holding another book), or by the server.
      return copied.ok ? ok(copied.value) : fail(appError(copied.cause === 'input' ? 'forbidden' : 'network', copied.message));
    },
    holdsOrders: async () => (await book.queries.totals({})).total > 0,
    async serverHoldsProfiles(connection) {
      const pool = openPool({ ...poolConfig(connection), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, max: 1 });
      try {
        const found = await createExecutor(pool).query<{ held: boolean }>('SELECT EXISTS (SELECT 1 FROM profiles) AS held');
        return found.rows[0]!.held;
      } finally {
        await pool.end().catch(() => {});
      }
    },
    journal: options.journal,
    describe: describePostgres,
    log: options.log,
  });
}

/** A copy that stopped on something other than a refusal: the server's own error code when it gave one. */
function copyFailed(error: unknown): Message {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
  return say('order_book_copy_failed', { code });
}
