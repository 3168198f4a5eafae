// Composition: opens the order book and wires the vault, the runtime (sandbox gateway and return
// listener) and the services together. The Electron main process, the CLI and the tests all start
// PayDesk through here, so they run the very same parts. As the composition root it is the one core file
// allowed to import electron/sandbox (eslint.config.js); the runtime gets the sandbox injected from here.
import { join } from 'node:path';
import { SQLITE_BOOK, type BookChoice } from './storage/book-choice';
import { openOrderBook } from './storage/open-order-book';
import type { OrderBook } from './storage/order-book';
import type { ProfilesRepo } from './storage/profiles-repo';
import { createClosingService, type ClosingService } from './closing/closing-service';
import { createEventBus, type EventBus } from './event-bus';
import { createCustomerDisplay, type CustomerDisplayService } from './counter/customer-display';
import { createExportsService, type ExportsService } from './exports/exports-service';
import { createCheckoutClient, type CheckoutClientOptions } from './gateway/checkout-client';
import { checkConnection } from './gateway/connection-check';
import { watchListenAddress } from './listener/address-watch';
import { listBindAddresses } from './listener/bind-addresses';
import { createTunnel } from './listener/tunnel';
import { createPreferencesStore } from './setup/preferences';
import { SANDBOX_API_KEY, startSandboxGateway } from '../sandbox/sandbox-gateway';
import { createRuntime, type ListenOverride } from './runtime';
import { createEnvSecretStore, withSandboxKey } from './setup/secrets';
import type { CoreEvents } from './core-events';
import { createOrdersService, type OrdersService, type Runtime } from './orders/orders-service';
import { bookChangeEvents } from './orders/book-change-events';
import { createReconciliationService, type ReconciliationService } from './reconciliation/reconciliation-service';
import { orderBookSettings, type OrderBookService } from './setup/order-book-service';
import { createSetupService, sandboxProfile, type SetupService } from './setup/setup-service';
import { createShopStore } from './setup/shop';
import { createUpdateChecker, type UpdateCheckOptions, type UpdateChecker } from './updates/update-check';
import { createVault, type Cipher } from './setup/api-key-vault';
import { thisCounterId } from './counters/this-counter';
import { enrollCounter } from './counters/enroll-counter';
import { errorText } from './log/log';
import { openReturnJournal } from './journal/return-journal';
import { startJournalReplay } from './journal/journal-replay';
import { listenerLogger, logCoreEvents } from './log/log-events';
import { createLogFile, LOGS_FOLDER } from './log/log-file';
import { createSupport, type SupportService } from './log/support';

const EXPIRY_SWEEP_MS = 60_000;
const ADDRESS_WATCH_MS = 30_000;

export type CoreOptions = {
  dataDir: string;
  nativeBinding?: string;
  /** Which order book to open: the SQLite file in `dataDir` (the default), or a PostgreSQL database. */
  book?: BookChoice;
  /**
   * Where API keys come from: the vault, encrypted by the OS key store (`cipher`; null where there is
   * none), or for the CLI the PAYDESK_API_KEY environment variable.
   */
  keys: { cipher: Cipher | null } | { env: NodeJS.ProcessEnv };
  /** Run the return listener in this process (the app, `paydesk listen`), or expect it elsewhere. */
  listener?: 'start' | 'elsewhere';
  /**
   * Where this run listens instead of the starting profile's address (`paydesk listen --host --port`; port 0 =
   * any free port). Never stored: the profile keeps its own address for the app and the next run.
   */
  listen?: ListenOverride;
  /** Switch to the sandbox profile (creating it if needed) instead of the active profile. */
  useSandbox?: boolean;
  /** Start the built-in sandbox gateway when the profile is a sandbox one. */
  startSandbox?: boolean;
  sandboxPort?: number;
  /** How long a moved return listener keeps answering at its old address. */
  listenerGraceMs?: number;
  /** How often the listener checks that this computer still has its LAN address (default 30 s). */
  addressWatchMs?: number;
  checkout?: CheckoutClientOptions;
  /** Where the shop's cloudflared is looked for and runs (default process.env), and how soon an exited one is retried. */
  tunnel?: { env?: NodeJS.ProcessEnv; restartDelayMs?: number };
  /** How long the customer view shows PAID before it goes back to the shop (default 10 s). */
  customerPaidHoldMs?: number;
  /** The release feed checks: the app schedules them (at start and daily, when the shop turned them on). */
  updates?: UpdateCheckOptions;
};

export type PaydeskCore = {
  service: OrdersService;
  reconciliation: ReconciliationService;
  setup: SetupService;
  exports: ExportsService;
  closing: ClosingService;
  customerDisplay: CustomerDisplayService;
  support: SupportService;
  updates: UpdateChecker;
  /** Settings › Order book: the book to open from the next start. */
  orderBook: OrderBookService;
  events: EventBus<CoreEvents>;
  profiles: ProfilesRepo;
  book: OrderBook;
  /** This data folder's counter (counters/this-counter.ts), enrolled in the book. */
  counterId: string;
  runtime: () => Runtime;
  close(): Promise<void>;
};

export async function startCore(options: CoreOptions): Promise<PaydeskCore> {
  // The app and the CLI write the one log of their data folder: `paydesk listen` keeps a shop's listener too.
  const log = createLogFile({ dir: join(options.dataDir, LOGS_FOLDER) });
  const closers: Array<() => Promise<void> | void> = [
    () => {
      log.info('stop', 'PayDesk stopped.');
      return log.close();
    },
  ];
  try {
    const counterId = await thisCounterId(options.dataDir);
    const book = await openOrderBook(options.book ?? SQLITE_BOOK, {
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      counterId,
    });
    closers.unshift(() => book.close());
    // A shared book may be away a while: what this counter could not write to it waits in its own journal meanwhile.
    const journal = book.engine === 'postgres' ? openReturnJournal(options.dataDir, { nativeBinding: options.nativeBinding }) : null;
    if (journal) closers.unshift(() => journal.close());
    const { profiles, settings, counterSettings, orders, queries, totals } = book;
    const preferences = await createPreferencesStore(settings);
    // Before anything of this counter's own is read or written: it is kept under the counter's enrolled id.
    await enrollCounter(book, counterId, preferences.get().language);
    const vault = createVault({ secrets: book.secrets, counterSettings, cipher: 'cipher' in options.keys ? options.keys.cipher : null });
    const secrets = 'env' in options.keys ? createEnvSecretStore(options.keys.env) : vault;

    const checkout = createCheckoutClient(options.checkout);
    closers.unshift(() => checkout.close());
    const events = createEventBus<CoreEvents>((name, error) =>
      log.error('event_listener_failed', `a ${name} listener failed: ${errorText(error)}`),
    );
    closers.unshift(logCoreEvents(events, log));
    const runtime = createRuntime(
      {
        profiles,
        settings,
        counterSettings,
        listener: options.listener ?? 'start',
        startSandbox: (options.startSandbox ?? true) ? startSandboxGateway : null,
        sandboxPort: options.sandboxPort,
        listenerGraceMs: options.listenerGraceMs,
        phoneReached: (reached) => events.emit('phoneReached', reached),
        language: () => preferences.get().language,
        log,
        ...(journal && { journal }),
      },
      () => service,
    );
    closers.unshift(() => runtime.close());
    // Each apply (the start, a profile saved or switched, a new address followed) logs where customers come back.
    const logListener = listenerLogger(log);
    const listening: typeof runtime = {
      ...runtime,
      async apply(profile, override) {
        const applied = await runtime.apply(profile, override);
        logListener(runtime.state());
        return applied;
      },
    };
    const tunnel = createTunnel({
      counterSettings,
      target: () => runtime.tunnelTarget(),
      ...options.tunnel,
      changed: (status) => events.emit('tunnelChanged', status),
    });
    closers.unshift(() => tunnel.close());
    const shop = createShopStore({ settings, dataDir: options.dataDir });
    const service = createOrdersService({
      orders,
      queries,
      totals,
      preferences,
      profiles,
      secrets: withSandboxKey(secrets, SANDBOX_API_KEY),
      checkout,
      events,
      runtime: runtime.state,
      counterId,
      ...(journal && {
        unwritten: {
          linkFailed(orderId: number, at: string) {
            try {
              journal.linkFailed(orderId, at);
            } catch (error) {
              log.error('journal_not_written', `a link's failure could not be journaled: ${errorText(error)}`);
            }
          },
        },
      }),
    });
    if (journal) {
      const replay = startJournalReplay({ journal, service, events, log });
      closers.unshift(() => replay.close());
    }
    // Statements change orders through the orders service's own helpers, so their changes are announced alike.
    const reconciliation = createReconciliationService({
      statements: book.statements,
      profiles,
      settings,
      counterId,
      now: () => new Date().toISOString(),
      writable: service.writable,
      changed: service.changed,
      log,
    });
    const setup = createSetupService({
      profiles,
      settings,
      counterSettings,
      counters: book.counters,
      counterId,
      vault,
      runtime: listening,
      tunnel,
      shop,
      preferences,
      events,
      checkConnection: (baseUrl, mode) => checkConnection(baseUrl, mode),
      listBindAddresses: () => listBindAddresses(),
      ...(journal && { waitingReturns: () => journal.waiting() }),
    });

    const active = options.useSandbox ? null : await profiles.active();
    const profile = active ?? (await sandboxProfile(profiles));
    await profiles.setActive(profile.id);
    const orderBook = orderBookSettings({
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      cipher: 'cipher' in options.keys ? options.keys.cipher : null,
      vault,
      book,
      counterId,
      journal,
      log,
    });
    const support = createSupport({
      dataDir: options.dataDir,
      engine: book.engine,
      log,
      runtime: runtime.state,
      profiles,
      vault,
      envKeys: 'env' in options.keys,
      tunnel: async () => (await tunnel.status(await profiles.active())).state,
    });
    const about = support.about();
    log.info(
      'start',
      `PayDesk ${about.version} started (${about.electron ? `Electron ${about.electron}` : `Node ${about.node}`}) on ${about.platform} ${about.arch}; ` +
        `data folder ${about.dataDir}; storage ${book.engine === 'sqlite' ? 'SQLite' : `PostgreSQL ${book.location}`}; ${profile.mode} mode.`,
    );
    // The shop's tunnel starts with PayDesk when it was left running.
    await tunnel.follow(await listening.apply(profile, options.listen));

    // Pending links past their time become expired now and every minute after.
    await service.expireDue();
    const sweep = setInterval(
      () => void service.expireDue().catch((error) => log.error('expiry_failed', `expired links could not be marked: ${errorText(error)}`)),
      EXPIRY_SWEEP_MS,
    );
    sweep.unref();
    closers.unshift(() => clearInterval(sweep));

    const exports = createExportsService({ orders, queries, totals, profiles, shop, preferences, events });
    closers.unshift(() => exports.cancel());
    const closing = createClosingService({ queries: book.closing, counters: book.counters, profiles, shop, preferences });
    const customerDisplay = createCustomerDisplay({
      events,
      shop: () => shop.get(),
      language: () => preferences.get().language,
      paidHoldMs: options.customerPaidHoldMs,
      log,
    });
    closers.unshift(() => customerDisplay.close());
    // Other counters' changes to a shared book reach this PayDesk's screens as its own do.
    if (book.changes) closers.unshift(await book.changes.watch(bookChangeEvents(events, log)));
    const updates = createUpdateChecker({ preferences: () => preferences.get(), events, log }, options.updates);
    closers.unshift(() => updates.close());

    if ((options.listener ?? 'start') === 'start') {
      const stopWatch = watchListenAddress({
        profiles,
        apply: async (moved) => tunnel.follow(await listening.apply(moved)),
        listAddresses: () => listBindAddresses(),
        intervalMs: options.addressWatchMs ?? ADDRESS_WATCH_MS,
        async moved(move, profile) {
          // Links made with a public return base still come back; the ones that named the old address do not.
          const oldBase = `http://${move.from}:${profile.listenPort}`;
          const pending = profile.returnBaseUrl ? [] : (await orders.pendingReturningTo(oldBase, 200)).map((order) => order.ref);
          // The log hears of it from the event (log-events.ts), as the page does.
          events.emit('listenAddressMoved', { ...move, pending });
        },
        failed: (error) => log.error('listener_not_moved', `the return listener could not follow the new address: ${errorText(error)}`),
      });
      closers.unshift(stopWatch);
    }

    return {
      service,
      reconciliation,
      setup,
      exports,
      closing,
      customerDisplay,
      support,
      updates,
      orderBook,
      events,
      profiles,
      book,
      counterId,
      runtime: runtime.state,
      close: () => closeAll(closers),
    };
  } catch (error) {
    log.error('start_failed', `PayDesk could not start: ${errorText(error)}`);
    await closeAll(closers);
    throw error;
  }
}

/** Closes everything, in turn, even past one that failed (a shared book that is away): the first failure is thrown after. */
async function closeAll(closers: Array<() => Promise<void> | void>): Promise<void> {
  const failures: unknown[] = [];
  for (const close of closers.splice(0)) {
    try {
      await close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
