// What is running for the active profile: the sandbox gateway (started for sandbox profiles) and the return
// listener. Switching profile or changing listener settings re-applies it. A listener moves by binding the
// new address first; the old one keeps answering for a grace period, because customers paying right now
// were given links to it, and the order book records each return once whichever address it reaches. The
// state says which old listeners still answer, until when, and whether other machines can reach them.
import { SANDBOX_API_KEY, startSandboxGateway, type SandboxGateway } from '../sandbox/sandbox-gateway';
import type { Profile, ProfilesRepo } from './db/profiles-repo';
import type { SettingsRepo } from './db/settings-repo';
import { exposureWarning, listBindAddresses } from './listener/bind-addresses';
import { isAllNetworksHost, isLoopbackHost } from './loopback';
import { startReturnListener, type ReturnHandlers, type ReturnListener } from './listener/return-listener';
import type { Runtime } from './service';

export { SANDBOX_API_KEY };

const LISTENER_KEY = 'running_listener';

export type RuntimeOptions = {
  profiles: ProfilesRepo;
  settings: SettingsRepo;
  /** Run the return listener in this process (the app, `paydesk listen`), or expect it elsewhere. */
  listener: 'start' | 'elsewhere';
  startSandbox: boolean;
  sandboxPort?: number;
  /** How long a moved listener keeps answering at its old address (default 30 minutes). */
  listenerGraceMs?: number;
};

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

  const announce = (url: string | null) => {
    if (url) options.settings.set(LISTENER_KEY, { url, pid: process.pid });
    else if (listener && runningListener(options.settings) === listener.url) options.settings.delete(LISTENER_KEY);
  };

  async function moveListener(host: string, port: number): Promise<string | null> {
    if (listener && listener.host === host && (listener.port === port || port === 0)) return null;
    const old = listener;
    // Moving back to an address still answering from a recent move: take that listener back.
    const revived = [...retiring.keys()].find((l) => l.host === host && l.port === port);
    if (revived) {
      clearTimeout(retiring.get(revived)!.timer);
      retiring.delete(revived);
      listener = revived;
      announce(listener.url);
      if (old) retire(old);
      return null;
    }
    let started = await startReturnListener({ host, port, handlers: handlers() });
    let keepOld = true;
    if (!started.ok && old && old.port === port) {
      // The new address overlaps the old one (e.g. 127.0.0.1 → 0.0.0.0 on the same port): free it first.
      announce(null);
      await old.close();
      listener = null;
      keepOld = false;
      started = await startReturnListener({ host, port, handlers: handlers() });
    }
    if (!started.ok) return started.message;
    listener = started.listener;
    announce(listener.url);
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
    if (profile.mode === 'sandbox' && options.startSandbox) {
      sandbox ??= await startSandboxGateway({ port: options.sandboxPort ?? 0 });
      if (profile.baseUrl !== sandbox.baseUrl) profile = options.profiles.update(profile.id, { baseUrl: sandbox.baseUrl });
    }
    // A started sandbox keeps running when a live profile is chosen: it is loopback-only and costs
    // nothing, and the sandbox stays one switch away.

    const { host, port } = listenAddress(profile, override);
    const hostInUrl = urlHost(host);
    let problem: string | null = null;
    let ownUrl: string;
    if (options.listener === 'elsewhere') {
      ownUrl = runningListener(options.settings) ?? `http://${hostInUrl}:${port}`;
    } else {
      problem = await moveListener(host, port);
      // Bound to every network, the listener is reached through one of them: name the first LAN address.
      ownUrl = listener ? `http://${urlHost(listener.host)}:${listener.port}` : '';
    }
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
    async close() {
      await queue;
      announce(null);
      await closeOldListeners();
      await listener?.close();
      await sandbox?.close();
      listener = null;
      sandbox = null;
    },
  };
}

/** The host as a customer's browser would use it in a URL. */
function urlHost(host: string): string {
  const reachable = isAllNetworksHost(host) ? (listBindAddresses()[1]?.address ?? '127.0.0.1') : host;
  return reachable.includes(':') ? `[${reachable}]` : reachable;
}

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
