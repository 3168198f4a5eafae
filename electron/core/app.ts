// Composition: opens the order book, starts the sandbox gateway (in sandbox mode) and the return
// listener, and wires them to the service. The Electron main process, the CLI and the tests all start
// PayDesk through here, so they run the very same parts.
import { join } from 'node:path';
import { SANDBOX_API_KEY, startSandboxGateway, type SandboxGateway } from '../sandbox/sandbox-gateway';
import { DATABASE_FILE } from './data-dir';
import { openDatabase, type Db } from './db/database';
import { createOrdersRepo } from './db/orders-repo';
import { createProfilesRepo, type Profile, type ProfilesRepo } from './db/profiles-repo';
import { createSettingsRepo, type SettingsRepo } from './db/settings-repo';
import { createEventBus, type EventBus } from './event-bus';
import { createCheckoutClient, type CheckoutClientOptions } from './gateway/checkout-client';
import { DEFAULT_LISTEN_HOST, DEFAULT_LISTEN_PORT } from '../../shared/contract';
import { startReturnListener, type ReturnListener } from './listener/return-listener';
import { withSandboxKey, type SecretStore } from './secrets';
import { createPaydeskService, type CoreEvents, type PaydeskService, type Runtime } from './service';

export const SANDBOX_PROFILE = 'sandbox';

export type CoreOptions = {
  dataDir: string;
  nativeBinding?: string;
  secrets: SecretStore;
  /** Run the return listener in this process (the app, `paydesk listen`), or expect it elsewhere. */
  listener?: 'start' | 'elsewhere';
  /** Overrides the active profile's listen address (tests use port 0). */
  listen?: { host?: string; port?: number };
  /** Switch to the sandbox profile (creating it if needed) instead of the active profile. */
  useSandbox?: boolean;
  /** Start the built-in sandbox gateway when the profile is a sandbox one. */
  startSandbox?: boolean;
  sandboxPort?: number;
  checkout?: CheckoutClientOptions;
};

export type PaydeskCore = {
  service: PaydeskService;
  events: EventBus<CoreEvents>;
  profiles: ProfilesRepo;
  db: Db;
  runtime: () => Runtime;
  close(): Promise<void>;
};

export async function startCore(options: CoreOptions): Promise<PaydeskCore> {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding });
  const closers: Array<() => Promise<void> | void> = [() => void db.close()];
  try {
    const profiles = createProfilesRepo(db);
    const settings = createSettingsRepo(db);
    let profile = options.useSandbox ? sandboxProfile(profiles) : (profiles.active() ?? sandboxProfile(profiles));

    let sandbox: SandboxGateway | null = null;
    if (profile.mode === 'sandbox' && options.startSandbox !== false) {
      sandbox = await startSandboxGateway({ port: options.sandboxPort ?? 0 });
      closers.unshift(() => sandbox!.close());
      profile = profiles.update(profile.id, { baseUrl: sandbox.baseUrl });
    }

    const runtime: Runtime = { returnBaseUrl: null, listenerProblem: null, sandboxUrl: sandbox?.origin ?? null };
    const checkout = createCheckoutClient(options.checkout);
    closers.unshift(() => checkout.close());
    const events = createEventBus<CoreEvents>();
    const service = createPaydeskService({
      orders: createOrdersRepo(db),
      profiles,
      secrets: withSandboxKey(options.secrets, SANDBOX_API_KEY),
      checkout,
      events,
      runtime: () => runtime,
    });

    const host = options.listen?.host ?? profile.listenHost;
    const port = options.listen?.port ?? profile.listenPort;
    if (options.listener === 'elsewhere') {
      runtime.returnBaseUrl =
        profile.returnBaseUrl ?? runningListener(settings) ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    } else {
      const started = await startReturnListener({ host, port, handlers: service });
      if (started.ok) {
        const listener: ReturnListener = started.listener;
        closers.unshift(() => listener.close());
        // Tell other PayDesk processes on this order book (the CLI's `link`) where returns arrive.
        settings.set(LISTENER_KEY, { url: listener.url, pid: process.pid });
        closers.unshift(() => {
          if (runningListener(settings) === listener.url) settings.delete(LISTENER_KEY);
        });
        runtime.returnBaseUrl = profile.returnBaseUrl ?? listener.url;
      } else {
        runtime.listenerProblem = started.message;
      }
    }

    return {
      service,
      events,
      profiles,
      db,
      runtime: () => runtime,
      close: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function closeAll(closers: Array<() => Promise<void> | void>): Promise<void> {
  for (const close of closers.splice(0)) await close();
}

const LISTENER_KEY = 'running_listener';

/** The URL of a return listener another live process runs on this order book, if any. */
function runningListener(settings: SettingsRepo): string | null {
  const entry = settings.get<{ url: string; pid: number }>(LISTENER_KEY);
  if (!entry) return null;
  try {
    process.kill(entry.pid, 0);
    return entry.url;
  } catch {
    return null; // that process is gone
  }
}

/** The sandbox profile, made on first use and made active. */
function sandboxProfile(profiles: ProfilesRepo): Profile {
  const profile =
    profiles.findByName(SANDBOX_PROFILE) ??
    profiles.add({
      name: SANDBOX_PROFILE,
      mode: 'sandbox',
      baseUrl: 'http://127.0.0.1/api',
      listenHost: DEFAULT_LISTEN_HOST,
      listenPort: DEFAULT_LISTEN_PORT,
      returnBaseUrl: null,
    });
  profiles.setActive(profile.id);
  return profile;
}
