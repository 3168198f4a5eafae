// What is running for the active profile: the sandbox gateway (started for sandbox profiles) and the return
// listener. Switching profile or changing listener settings re-applies it. A listener moves by binding the
// new address first; the old one keeps answering for a grace period, because customers paying right now
// were given links to it, and the order book records each return once whichever address it reaches. The
// state says which old listeners still answer, until when, and whether other machines can reach them.
import type { Profile, ProfilesRepo } from './storage/profiles-repo';
import type { SettingsRepo } from './storage/settings-repo';
import { exposureWarning, listBindAddresses } from './listener/bind-addresses';
import { isAllNetworksHost, isLoopbackHost } from './values/loopback';
import { startReturnListener, type ListenerJournal, type ReturnHandlers, type ReturnListener } from './listener/return-listener';
import { createPhoneTests } from './listener/phone-tests';
import { checkReturnAddress } from './listener/return-check';
import { createReturnProbes } from './listener/return-probes';
import {
  DEFAULT_LISTEN_HOST,
  DEFAULT_LISTEN_PORT,
  type Message,
  type PhoneReached,
  type PhoneTest,
  type ReturnCheckReport,
} from '../../shared/contract';
import type { Language } from '../../shared/messages/catalog';
import { say } from '../../shared/messages/say';
import type { Runtime } from './orders/orders-service';
import { errorText, type Log } from './log/log';
import { OrderBookUnreachable } from './storage/order-book-unreachable';

/** Where this counter's listener runs, by which process (a counter setting: another computer's process is not ours to ask after). */
export const RUNNING_LISTENER = 'running_listener';

export type RuntimeOptions = {
  profiles: ProfilesRepo;
  /** The shop's settings (the return probes). */
  settings: SettingsRepo;
  /** This counter's own settings: where its listener runs, for the other PayDesk of its data folder. */
  counterSettings: SettingsRepo;
  /** Run the return listener in this process (the app, `paydesk listen`), or expect it elsewhere. */
  listener: 'start' | 'elsewhere';
  /** Starts the practice gateway for sandbox profiles; injected by the composition root, null to run none. */
  startSandbox: StartSandbox | null;
  sandboxPort?: number;
  /** How long a moved listener keeps answering at its old address (default 30 minutes). */
  listenerGraceMs?: number;
  /** A device opened a phone test page of this process's listener. */
  phoneReached?: (reached: PhoneReached) => void;
  /** The shop's language: the customers' pages are in it unless their browser asks for another of PayDesk's. */
  language?: () => Language;
  /** Where the listener tells of a return it could not record. */
  log?: Log;
  /** Where the listener keeps returns while the shared order book cannot be reached (a PostgreSQL book's counters). */
  journal?: ListenerJournal;
};

/** The practice gateway as the runtime uses it (electron/sandbox provides it; core does not import it). */
export type SandboxGateway = { baseUrl: string; origin: string; host: string; close(): Promise<void> };
export type StartSandbox = (address: { host: string; urlHost: string; port: number }) => Promise<SandboxGateway>;

const DEFAULT_GRACE_MS = 30 * 60 * 1000;

/** Where one run listens instead of the profile's address (`paydesk listen --host --port`); never stored. */
export type ListenOverride = { host?: string; port?: number };

export type RuntimeControl = {
  state(): Runtime;
  /**
   * Brings what runs in line with the profile; returns the profile as stored afterwards. An override holds
   * for this run while that profile stays active with the listen address it had when the override was given.
   */
  apply(profile: Profile, override?: ListenOverride): Promise<Profile>;
  /** Closes the listeners left answering at old addresses now. */
  stopOldListeners(): Promise<void>;
  /** Requests the return address with a one-time nonce and says whether the listener heard it. */
  checkReturnAddress(options?: { timeoutMs?: number }): Promise<ReturnCheckReport>;
  /** A one-time test page on the return address, served by this process's listener; or why there is none. */
  startPhoneTest(): { ok: true; test: PhoneTest } | { ok: false; message: Message };
  /** Where a tunnel on this computer reaches this process's return listener; null while it runs none. */
  tunnelTarget(): string | null;
  close(): Promise<void>;
};

export function createRuntime(options: RuntimeOptions, handlers: () => ReturnHandlers): RuntimeControl {
  let sandbox: SandboxGateway | null = null;
  let listener: ReturnListener | null = null;
  const retiring = new Map<ReturnListener, { timer: NodeJS.Timeout; until: Date }>();
  let runListen: { profileId: number; stored: string; host: string; port: number } | null = null;
  let state: Omit<Runtime, 'oldListeners'> = { returnBaseUrl: null, listenerProblem: null, listenerWarning: null, sandboxUrl: null };
  // Applies run one after another: two quick switches must not bind twice.
  let queue: Promise<unknown> = Promise.resolve();
  /** The profile applied last and where it listens. */
  let active: { profile: Profile; host: string; port: number } | null = null;
  const probes = createReturnProbes(options.settings);
  const phoneTests = createPhoneTests((reached) => options.phoneReached?.(reached));
  // Every public return address a link may carry: each profile's, and any a profile had earlier in this run
  // (links made with it are still out there).
  const publishedBases = new Set<string>();
  /** Reads the profiles' return addresses into `publishedBases`; whether any was new. */
  const readPublished = async () => {
    const known = publishedBases.size;
    for (const profile of await options.profiles.list({ includeRemoved: true })) {
      if (profile.returnBaseUrl !== null) publishedBases.add(profile.returnBaseUrl);
    }
    return publishedBases.size > known;
  };
  const refreshHosts = () => {
    for (const running of [listener, ...retiring.keys()]) running?.refreshHosts();
  };
  // A listener's allow-list asks synchronously (it answers each request at once): it gets the addresses read so far,
  // and one another process saved meanwhile (the CLI) is let in as soon as it is read.
  const published = () => {
    readPublished().then(
      (grew) => grew && refreshHosts(),
      (error: unknown) => options.log?.error('hosts_not_read', `the return addresses could not be read: ${errorText(error)}`),
    );
    return [...publishedBases];
  };
  const listen = (host: string, port: number) =>
    startReturnListener({
      host,
      port,
      handlers: handlers(),
      published,
      checks: { probes, phoneTests },
      language: options.language,
      log: options.log,
      journal: options.journal,
    });

  const announce = async (url: string | null) => {
    if (url) await options.counterSettings.set(RUNNING_LISTENER, { url, pid: process.pid });
    else if (listener && (await runningListener(options.counterSettings)) === listener.url)
      await options.counterSettings.delete(RUNNING_LISTENER);
  };

  /** Listens at the new address; why it could not, or null. */
  async function moveListener(host: string, port: number): Promise<Message | null> {
    if (listener && listener.host === host && (listener.port === port || port === 0)) return null;
    const old = listener;
    // Moving back to an address still answering from a recent move: take that listener back.
    const revived = [...retiring.keys()].find((l) => l.host === host && l.port === port);
    if (revived) {
      clearTimeout(retiring.get(revived)!.timer);
      retiring.delete(revived);
      listener = revived;
      await announce(listener.url);
      if (old) retire(old);
      return null;
    }
    let started = await listen(host, port);
    let keepOld = true;
    if (!started.ok && old && old.port === port) {
      // The new address overlaps the old one (e.g. 127.0.0.1 → 0.0.0.0 on the same port): free it first.
      await announce(null);
      await old.close();
      listener = null;
      keepOld = false;
      started = await listen(host, port);
    }
    if (!started.ok) return started.problem;
    listener = started.listener;
    await announce(listener.url);
    if (old && keepOld) retire(old);
    return null;
  }

  /** Keeps an old listener answering for links already given out, then closes it. */
  function retire(old: ReturnListener): void {
    const graceMs = options.listenerGraceMs ?? DEFAULT_GRACE_MS;
    const timer = setTimeout(() => {
      retiring.delete(old);
      void old.close();
    }, graceMs);
    timer.unref();
    retiring.set(old, { timer, until: new Date(Date.now() + graceMs) });
  }

  async function closeOldListeners(): Promise<void> {
    const old = [...retiring];
    retiring.clear();
    for (const [, { timer }] of old) clearTimeout(timer);
    await Promise.all(old.map(([listener]) => listener.close()));
  }

  async function closeSandbox(): Promise<void> {
    await sandbox?.close();
    sandbox = null;
  }

  const oldListeners = (): Runtime['oldListeners'] =>
    [...retiring].map(([old, { until }]) => ({ url: old.url, until: until.toISOString(), exposed: !isLoopbackHost(old.host) }));

  /** The address to listen on: the run's override while it holds, else the profile's own. */
  function listenAddress(profile: Profile, override?: ListenOverride): { host: string; port: number } {
    const stored = `${profile.listenHost}:${profile.listenPort}`;
    if (override) {
      runListen = { profileId: profile.id, stored, host: override.host ?? profile.listenHost, port: override.port ?? profile.listenPort };
    } else if (runListen && (runListen.profileId !== profile.id || runListen.stored !== stored)) {
      runListen = null; // another profile, or a new address chosen for this one during the run
    }
    return runListen ?? { host: profile.listenHost, port: profile.listenPort };
  }

  async function apply(requested: Profile, override?: ListenOverride): Promise<Profile> {
    let profile = requested;
    const { host, port } = listenAddress(profile, override);
    active = { profile, host, port };
    const hostInUrl = urlHost(host);
    let problem: Message | null = null;
    let ownUrl: string;
    if (options.listener === 'elsewhere') {
      const running = await runningListener(options.counterSettings);
      ownUrl = running ? reachableUrl(running) : `http://${hostInUrl}:${port}`;
    } else {
      problem = await moveListener(host, port);
      // Bound to every network, the listener is reached through one of them: name the first LAN address.
      ownUrl = listener ? `http://${urlHost(listener.host)}:${listener.port}` : '';
    }
    // The sandbox's checkout page is wherever the listener is (loopback when it could not bind), so a phone
    // that can come back can also open it. Moving starts it afresh, without its practice checkouts.
    if (profile.mode === 'sandbox' && options.startSandbox) {
      const wanted = sandboxAddress(options.listener === 'elsewhere' ? host : (listener?.host ?? '127.0.0.1'));
      if (sandbox && (sandbox.host !== wanted.host || new URL(sandbox.origin).hostname !== wanted.urlHost)) await closeSandbox();
      sandbox ??= await options.startSandbox({ ...wanted, port: options.sandboxPort ?? 0 });
      if (profile.baseUrl !== sandbox.baseUrl) profile = await options.profiles.update(profile.id, { baseUrl: sandbox.baseUrl });
    } else if (sandbox && !isLoopbackHost(sandbox.host)) {
      // A practice gateway has no business answering the shop's network while it takes real money.
      await closeSandbox();
    }
    // A loopback sandbox keeps running when a live profile is chosen: it costs nothing, and the sandbox
    // stays one switch away.
    // A return address saved just now is allowed at once, at the new address and at the old ones alike.
    await readPublished();
    refreshHosts();
    state = {
      returnBaseUrl: problem ? null : (profile.returnBaseUrl ?? ownUrl),
      listenerProblem: problem,
      listenerWarning: exposureWarning(host),
      sandboxUrl: sandbox?.origin ?? null,
    };
    return profile;
  }

  /** Runs after the applies already asked for, so a listener being retired right now is stopped too. */
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    // Read when asked, so a listener that retired, came back, was stopped or ran out of time shows as it is.
    state: () => ({ ...state, oldListeners: oldListeners() }),
    apply: (profile, override) => queued(() => apply(profile, override)),
    stopOldListeners: () => queued(closeOldListeners),
    checkReturnAddress: async (check = {}) =>
      checkReturnAddress({
        returnBaseUrl: state.returnBaseUrl,
        listenerProblem: state.listenerProblem,
        public: active?.profile.returnBaseUrl != null,
        listenerUrl: listener
          ? tunnelTarget(listener.host, listener.port)
          : ((await runningListener(options.counterSettings)) ??
            tunnelTarget(active?.host ?? DEFAULT_LISTEN_HOST, active?.port ?? DEFAULT_LISTEN_PORT)),
        probes,
        ...check,
      }),
    startPhoneTest() {
      // The listener's problem says why no phone can come back, and what to change.
      if (state.listenerProblem) return { ok: false, message: state.listenerProblem };
      if (options.listener !== 'start' || !listener || state.returnBaseUrl === null)
        return { ok: false, message: say('phone_test_elsewhere') };
      const { nonce, expiresAt } = phoneTests.start();
      return { ok: true, test: { url: `${state.returnBaseUrl.replace(/\/+$/, '')}/t/${nonce}`, expiresAt } };
    },
    tunnelTarget: () => (options.listener === 'start' && listener ? tunnelTarget(listener.host, listener.port) : null),
    async close() {
      await queue;
      // Forgetting where it listened is written to the book. A shared book that is away keeps the row: it names this
      // process, which is gone by the next start, and a row naming a process that is gone is taken for none.
      const forgotten = await announce(null).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      await closeOldListeners();
      await listener?.close();
      await closeSandbox();
      listener = null;
      if (forgotten && !(forgotten.error instanceof OrderBookUnreachable)) throw forgotten.error;
      if (forgotten)
        options.log?.warn('listener_not_forgotten', `where the return listener ran stays in the order book: ${errorText(forgotten.error)}`);
    },
  };
}

/** Where the sandbox binds and the host its links name: loopback stays 127.0.0.1; else the listener's host. */
function sandboxAddress(listenHost: string): { host: string; urlHost: string } {
  return isLoopbackHost(listenHost) ? { host: '127.0.0.1', urlHost: '127.0.0.1' } : { host: listenHost, urlHost: urlHost(listenHost) };
}

/** Where a tunnel or proxy on this computer reaches the listener: loopback when it listens on every network. */
function tunnelTarget(host: string, port: number): string {
  return `http://${isAllNetworksHost(host) ? '127.0.0.1' : urlHost(host)}:${port}`;
}

/** The host as a customer's browser would use it in a URL. */
function urlHost(host: string): string {
  const reachable = isAllNetworksHost(host) ? (listBindAddresses()[1]?.address ?? '127.0.0.1') : host;
  return reachable.includes(':') ? `[${reachable}]` : reachable;
}

/** A listener's URL as a customer's browser would use it (one bound to 0.0.0.0 is named by a LAN address). */
function reachableUrl(url: string): string {
  const parsed = new URL(url);
  if (!isAllNetworksHost(parsed.hostname)) return url;
  parsed.hostname = urlHost(parsed.hostname);
  return parsed.origin;
}

/** The URL of a return listener another live process of this counter runs, if any. */
async function runningListener(settings: SettingsRepo): Promise<string | null> {
  const entry = await settings.get<{ url: string; pid: number }>(RUNNING_LISTENER);
  if (!entry) return null;
  try {
    process.kill(entry.pid, 0);
    return entry.url;
  } catch {
    return null; // that process is gone
  }
}
