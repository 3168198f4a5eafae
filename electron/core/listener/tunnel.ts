// The shop's Cloudflare named tunnel, run by PayDesk: `cloudflared tunnel run --url <listener> NAME` as a child
// process PayDesk owns, for the profile in use when that profile has a public return address. PayDesk never
// ships or downloads cloudflared: it runs the one the shop installed (found on PATH), with a tunnel the shop
// created (`cloudflared tunnel create NAME`) and routed to the return address (`cloudflared tunnel route dns`).
// Which tunnel a profile runs, and whether it should run, is kept per profile in this counter's own settings (the
// tunnel runs on this computer), so it starts again with PayDesk here and nowhere else.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Message, TunnelStatus } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { errorCode } from '../gateway/error-code';
import type { Profile } from '../storage/profiles-repo';
import type { SettingsRepo } from '../storage/settings-repo';

/** Which tunnel a profile runs, and whether the shopkeeper left it running. */
export const tunnelKey = (profileId: number) => `tunnel:${profileId}`;
type Saved = { name: string; run: boolean };

/** Times a tunnel that exits by itself is started again (after 1, 2, 4 × the delay) before PayDesk reports it. */
export const TUNNEL_RESTARTS = 3;
const RESTART_DELAY_MS = 2000;
/** A tunnel that stayed up this long had a fresh failure when it exits: it gets its restarts again. */
const STABLE_MS = 60_000;
const STOP_WAIT_MS = 5000;
const LOG_LINES = 50;
const LINE_CHARS = 500;
/** What cloudflared prints once Cloudflare's edge accepted the tunnel: from then customers can come back. */
const CONNECTED = /Registered tunnel connection/;

export type TunnelOptions = {
  /** This counter's own settings. */
  counterSettings: SettingsRepo;
  /** Where a tunnel on this computer reaches the return listener of this process; null when it runs elsewhere. */
  target(): string | null;
  /** Where cloudflared is looked for (PATH) and the environment it runs in; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The first wait before starting an exited tunnel again; it doubles each time. */
  restartDelayMs?: number;
  changed(status: TunnelStatus): void;
};

export type TunnelStart = { ok: true; status: TunnelStatus } | { ok: false; message: Message; field: string | null };

export type TunnelControl = {
  status(profile: Profile | null): Promise<TunnelStatus>;
  start(profile: Profile, name: string): Promise<TunnelStart>;
  stop(profile: Profile): Promise<TunnelStatus>;
  /** Brings what runs in line with the profile in use (PayDesk started, a profile was switched or saved). */
  follow(profile: Profile): Promise<void>;
  close(): Promise<void>;
};

/** Why a tunnel name cannot be run; null when it can. */
export function tunnelNameProblem(name: string): Message | null {
  if (name === '') return say('tunnel_name_missing');
  // Passed as cloudflared's last argument: a leading '-' would make it an option.
  if (name.startsWith('-')) return say('tunnel_name_dash');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) return say('tunnel_name_invalid');
  return null;
}

/** The cloudflared program on PATH, if the shop installed one. Relative PATH entries are skipped. */
export function findCloudflared(env: NodeJS.ProcessEnv): string | null {
  const path = Object.entries(env).find(([key]) => key.toUpperCase() === 'PATH')?.[1] ?? '';
  const program = process.platform === 'win32' ? 'cloudflared.exe' : 'cloudflared';
  for (const dir of path.split(delimiter)) {
    if (!isAbsolute(dir)) continue;
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

type Run = {
  profileId: number;
  name: string;
  url: string;
  state: 'starting' | 'running' | 'exited' | 'stopped';
  child: ChildProcess | null;
  retry: NodeJS.Timeout | null;
  restarts: number;
  exitCode: number | null;
  lastLine: string | null;
  log: string[];
  /** Why PayDesk itself could not start cloudflared the last time it tried. */
  problem: Message | null;
};

export function createTunnel(options: TunnelOptions): TunnelControl {
  const env = options.env ?? process.env;
  const restartDelayMs = options.restartDelayMs ?? RESTART_DELAY_MS;
  /** The tunnel started last (running, waiting to start again, exited or stopped). */
  let run: Run | null = null;

  const saved = (profile: Profile) => options.counterSettings.get<Saved>(tunnelKey(profile.id));
  const alive = (r: Run | null): r is Run => r !== null && (r.child !== null || r.retry !== null);

  const statusOf = (r: Run): TunnelStatus => ({
    state: r.state,
    name: r.name,
    exitCode: r.exitCode,
    lastLine: r.lastLine,
    log: [...r.log],
    problem: r.problem,
  });

  async function status(profile: Profile | null): Promise<TunnelStatus> {
    const name = profile ? ((await saved(profile))?.name ?? null) : null;
    if (run && run.profileId === profile?.id) return statusOf(run);
    const state = findCloudflared(env) === null ? 'not_installed' : 'stopped';
    return { state, name, exitCode: null, lastLine: null, log: [], problem: null };
  }

  const announce = (r: Run) => {
    if (r === run) options.changed(statusOf(r));
  };

  const heard = (r: Run, line: string) => {
    const kept = line.slice(0, LINE_CHARS);
    r.log.push(kept);
    if (r.log.length > LOG_LINES) r.log.shift();
    r.lastLine = kept;
    if (r.state === 'starting' && CONNECTED.test(line)) r.state = 'running';
    announce(r);
  };

  function launch(r: Run): void {
    r.retry = null;
    const program = findCloudflared(env);
    if (program === null) return ended(r, null, null, say('tunnel_gone'));
    // An argument array, no shell: nothing in the name or the address is ever interpreted.
    const child = spawn(program, ['tunnel', 'run', '--url', r.url, r.name], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const startedAt = Date.now();
    r.child = child;
    r.state = 'starting';
    r.problem = null;
    announce(r);
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => heard(r, line));
    let over = false;
    const end = (code: number | null, error?: Error) => {
      if (over) return;
      over = true;
      ended(r, child, code, error ? say('tunnel_would_not_start', { code: errorCode(error) || null }) : null, Date.now() - startedAt);
    };
    child.once('error', (error) => end(null, error));
    child.once('close', (code) => end(code));
  }

  /** The child exited (or never started): unless it was stopped, start it again a few times, then report it. */
  function ended(r: Run, child: ChildProcess | null, code: number | null, problem: Message | null, ranMs = 0): void {
    if (r.child !== child) return; // stopped on purpose, or replaced
    r.child = null;
    if (r.state === 'stopped') return;
    if (problem) r.problem = problem;
    r.exitCode = code;
    if (ranMs >= STABLE_MS) r.restarts = 0;
    if (r !== run || r.restarts >= TUNNEL_RESTARTS) {
      r.state = 'exited';
      announce(r);
      return;
    }
    r.state = 'starting';
    r.retry = setTimeout(() => launch(r), restartDelayMs * 2 ** r.restarts);
    r.retry.unref();
    r.restarts += 1;
    announce(r);
  }

  async function halt(): Promise<void> {
    const r = run;
    if (!r) return;
    if (r.retry) clearTimeout(r.retry);
    r.retry = null;
    const child = r.child;
    r.child = null;
    if (r.state !== 'stopped') {
      r.state = 'stopped';
      announce(r);
    }
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.kill('SIGTERM');
    // cloudflared waits for requests in flight; PayDesk waits a little, then ends it.
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WAIT_MS);
    await exited;
    clearTimeout(timer);
  }

  async function begin(profile: Profile, name: string, url: string): Promise<void> {
    await halt();
    run = {
      profileId: profile.id,
      name,
      url,
      state: 'starting',
      child: null,
      retry: null,
      restarts: 0,
      exitCode: null,
      lastLine: null,
      log: [],
      problem: null,
    };
    launch(run);
  }

  return {
    status,

    async start(profile, rawName) {
      const name = rawName.trim();
      const problem = tunnelNameProblem(name);
      if (problem) return { ok: false, message: problem, field: 'name' };
      if (profile.returnBaseUrl === null) return { ok: false, message: say('tunnel_needs_return_address'), field: null };
      if (findCloudflared(env) === null) return { ok: false, message: say('tunnel_not_installed'), field: null };
      const url = options.target();
      if (url === null) return { ok: false, message: say('tunnel_listener_elsewhere'), field: null };
      await options.counterSettings.set(tunnelKey(profile.id), { name, run: true } satisfies Saved);
      await begin(profile, name, url);
      return { ok: true, status: await status(profile) };
    },

    async stop(profile) {
      const kept = await saved(profile);
      if (kept) await options.counterSettings.set(tunnelKey(profile.id), { ...kept, run: false } satisfies Saved);
      if (run?.profileId === profile.id) await halt();
      return status(profile);
    },

    async follow(profile) {
      const kept = await saved(profile);
      const url = options.target();
      const wanted = kept?.run === true && profile.returnBaseUrl !== null && url !== null && findCloudflared(env) !== null;
      const same = alive(run) && run.profileId === profile.id && run.url === url && run.name === kept?.name;
      if (wanted && same) return;
      await halt();
      if (wanted) await begin(profile, kept.name, url);
    },

    close: halt,
  };
}
