// A small real network for a test, made of Linux network namespaces: the shop's Wi-Fi (LAN,
// 198.18.0.0/24) and the internet side (WAN, 198.18.1.0/24), each a bridge in a router namespace that
// forwards between them (198.18.x.254). Every host is a namespace of its own with one veth, eth0, on one of
// the two. Addresses come only from 198.18.0.0/15, the range set aside for tests like this (RFC 2544).
//
// Commands run inside a host as `ip netns exec HOST timeout … CMD`, in a process group of their own, so
// each has a bounded lifetime even if the test process dies, and stopping one stops everything it started.
// Namespaces are named for the test process (paydesk-PID-N-host), so parallel runs never meet, and the
// ones a killed run left behind are removed by the next build.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PREFIX = 'paydesk-';
const LINKS = { lan: '198.18.0', wan: '198.18.1' } as const;
const ROUTER_OCTET = 254;
const MAX_LIFETIME_MS = 60_000;

export type HostSpec = {
  name: string;
  on: keyof typeof LINKS;
  /** An address in its link's /24, e.g. 198.18.0.1 on the LAN. */
  address: string;
  /** Whether it reaches the other link through the router (default true); a phone on mobile data does not. */
  routed?: boolean;
};

export type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export type Started = {
  pid: number;
  /** Every stdout line so far. */
  lines: string[];
  stderr(): string;
  /** Writes one line to its stdin. */
  send(line: string): void;
  /** Waits for the `nth` stdout line (default the first, already printed or still to come) that matches. */
  line(pattern: RegExp, options?: { timeoutMs?: number; nth?: number }): Promise<string>;
  /** SIGTERM to its process group, SIGKILL after two seconds; resolves once it has exited. */
  stop(): Promise<void>;
};

export type Host = {
  name: string;
  ns: string;
  address: string;
  /** Runs a command inside the host to its end, killed after `timeoutMs`. */
  exec(argv: string[], options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Run>;
  /** Starts a long-running command inside the host and waits for a stdout line matching `ready`. */
  start(argv: string[], options: { ready: RegExp; env?: NodeJS.ProcessEnv; timeoutMs?: number; lifetimeMs?: number }): Promise<Started>;
};

export type Network = { host(name: string): Host };

type TestContext = { after(fn: () => unknown): void; skip(message?: string): void; diagnostic(message: string): void };

let unavailable: Promise<string | null> | null = null;

/** Why namespaces cannot be made here, or null when they can (found out once per process, by making one). */
export function netnsUnavailable(): Promise<string | null> {
  unavailable ??= (async () => {
    if (process.platform !== 'linux') return `network namespaces need Linux; this is ${process.platform}`;
    if (process.getuid?.() !== 0) return 'making network namespaces needs root';
    try {
      await run('ip', ['-V']);
    } catch {
      return 'the ip command is missing (apt-get install iproute2)';
    }
    const probe = `${PREFIX}${process.pid}-probe`;
    try {
      await ip(['netns', 'add', probe]);
    } catch (error) {
      return `this machine refuses network namespaces (${(error as Error).message})`;
    }
    await ip(['netns', 'del', probe]);
    return null;
  })();
  return unavailable;
}

let networks = 0;

/**
 * Builds the network with these hosts (and the router) and tears it down after the test. Where
 * namespaces cannot be made, skips the test with one line saying why, and returns null; with
 * PAYDESK_REQUIRE_NETNS=1 (CI) that is a failure instead.
 */
export async function buildNetwork(t: TestContext, hosts: HostSpec[]): Promise<Network | null> {
  const why = await netnsUnavailable();
  if (why) {
    if (process.env.PAYDESK_REQUIRE_NETNS === '1') throw new Error(`network namespaces are required here, but ${why}`);
    t.skip(why);
    return null;
  }
  await removeLeftovers();

  const id = `${PREFIX}${process.pid}-${++networks}`;
  const made: string[] = [];
  const started = new Set<Started>();
  t.after(async () => {
    await Promise.all([...started].map((child) => child.stop()));
    for (const ns of made) await ip(['netns', 'del', ns]).catch(() => undefined);
  });
  const addNamespace = async (ns: string) => {
    await ip(['netns', 'add', ns]);
    made.push(ns);
    await ip(['-n', ns, 'link', 'set', 'lo', 'up']);
  };

  const router = `${id}-router`;
  await addNamespace(router);
  for (const [name, prefix] of Object.entries(LINKS)) {
    await ip(['-n', router, 'link', 'add', name, 'type', 'bridge']);
    await ip(['-n', router, 'addr', 'add', `${prefix}.${ROUTER_OCTET}/24`, 'dev', name]);
    await ip(['-n', router, 'link', 'set', name, 'up']);
  }
  await ip(['netns', 'exec', router, 'sh', '-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward']);

  const built = new Map<string, Host>();
  for (const [index, spec] of hosts.entries()) {
    const prefix = LINKS[spec.on];
    if (!spec.address.startsWith(`${prefix}.`) || Number(spec.address.split('.')[3]) === ROUTER_OCTET) {
      throw new Error(`${spec.name}: ${spec.address} is not a host address on the ${spec.on} (${prefix}.0/24)`);
    }
    const ns = `${id}-${spec.name}`;
    await addNamespace(ns);
    // Made inside the router's namespace, so the names never clash with another run's.
    const port = `port${index}`;
    await ip(['-n', router, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
    await ip(['-n', router, 'link', 'set', port, 'master', spec.on, 'up']);
    await ip(['-n', ns, 'addr', 'add', `${spec.address}/24`, 'dev', 'eth0']);
    await ip(['-n', ns, 'link', 'set', 'eth0', 'up']);
    if (spec.routed ?? true) await ip(['-n', ns, 'route', 'add', 'default', 'via', `${prefix}.${ROUTER_OCTET}`]);
    built.set(spec.name, host(spec, ns, started));
  }
  t.diagnostic(`network ${id}: ${hosts.map((h) => `${h.name} ${h.address}`).join(', ')}`);

  return {
    host(name) {
      const found = built.get(name);
      if (!found) throw new Error(`no host called ${name} in this network`);
      return found;
    },
  };
}

function host(spec: HostSpec, ns: string, started: Set<Started>): Host {
  const startIn = (argv: string[], env: NodeJS.ProcessEnv | undefined, lifetimeMs: number) => {
    const seconds = String(Math.ceil(Math.min(lifetimeMs, MAX_LIFETIME_MS) / 1000));
    const child = spawn('ip', ['netns', 'exec', ns, 'timeout', '-k', '2', seconds, ...argv], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
    child.stdin!.on('error', () => undefined); // a command that ended does not read what was sent
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const lines: string[] = [];
    const watchers = new Set<() => void>();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      for (const watch of watchers) watch();
    });
    let closed = false;
    void exited.then(() => (closed = true));
    const alive = () => child.exitCode === null && child.signalCode === null;
    const signal = (name: NodeJS.Signals) => {
      try {
        if (alive()) process.kill(-child.pid!, name); // its process group: `timeout` and the command
      } catch {
        // gone in the meantime
      }
    };
    const handle: Started = {
      pid: child.pid!,
      lines,
      stderr: () => stderr,
      send: (line) => void child.stdin!.write(`${line}\n`),
      line(pattern, { timeoutMs = 15_000, nth = 1 } = {}) {
        return new Promise((resolve, reject) => {
          const check = () => {
            const found = lines.filter((line) => pattern.test(line))[nth - 1];
            if (found === undefined && !closed) return;
            watchers.delete(check);
            clearTimeout(timer);
            if (found !== undefined) resolve(found);
            else reject(new Error(`${spec.name}: ${argv.join(' ')} ended before printing ${pattern}: ${stderr.trim() || 'no message'}`));
          };
          const timer = setTimeout(() => {
            watchers.delete(check);
            reject(new Error(`${spec.name}: no line matching ${pattern} within ${timeoutMs} ms: ${stderr.trim() || 'no message'}`));
          }, timeoutMs);
          watchers.add(check);
          void exited.then(check);
          check();
        });
      },
      async stop() {
        started.delete(handle);
        signal('SIGTERM');
        const killer = setTimeout(() => signal('SIGKILL'), 2000);
        await exited;
        clearTimeout(killer);
      },
    };
    started.add(handle);
    void exited.then(() => started.delete(handle));
    return { handle, exited, child };
  };

  return {
    name: spec.name,
    ns,
    address: spec.address,
    async exec(argv, { env, timeoutMs = 30_000 } = {}) {
      const { handle, exited, child } = startIn(argv, env, timeoutMs);
      child.stdin!.end();
      const [code, signal] = await exited;
      return { code, signal, stdout: handle.lines.map((line) => `${line}\n`).join(''), stderr: handle.stderr() };
    },
    async start(argv, { ready, env, timeoutMs = 15_000, lifetimeMs = MAX_LIFETIME_MS }) {
      const child = startIn(argv, env, lifetimeMs).handle;
      try {
        await child.line(ready, { timeoutMs });
      } catch (error) {
        await child.stop();
        throw error;
      }
      return child;
    },
  };
}

async function ip(args: string[]): Promise<void> {
  try {
    await run('ip', args, { timeout: 10_000 });
  } catch (error) {
    throw new Error(`ip ${args.join(' ')}: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  }
}

/** Namespaces a test run left behind when it was killed before its teardown. */
async function removeLeftovers(): Promise<void> {
  const { stdout } = await run('ip', ['netns', 'list']);
  for (const line of stdout.split('\n')) {
    const match = new RegExp(`^(${PREFIX}(\\d+)-\\S+)`).exec(line);
    if (!match || isRunning(Number(match[2]))) continue;
    await ip(['netns', 'del', match[1]!]).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
