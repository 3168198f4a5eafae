// Starts PayDesk counters in processes of their own (test/support/counter-child.ts) on one PostgreSQL order book,
// and talks to them: what each counter's core announced, and when; links made there; its status; kill and restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSandboxGateway, type SandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import type { AppStatus, EventName, EventPayload } from '../../shared/contract';
import { freePort } from './free-port';

const CHILD = fileURLToPath(new URL('./counter-child.ts', import.meta.url));

/** The events a counter's page reacts to when the book changes, at that counter or another. */
export const COUNTER_EVENTS = [
  'orderChanged',
  'orderPaid',
  'ordersResynced',
  'waitingReturnsChanged',
] as const satisfies readonly EventName[];
type CounterEventName = (typeof COUNTER_EVENTS)[number];

/** One event a counter's core emitted; `at` is when, in ms since the epoch on the clock all processes share. */
export type CounterEvent = { [E in CounterEventName]: { event: E; payload: EventPayload<E>; at: number } }[CounterEventName];

type CounterRequest = { command: 'link'; amount: string } | { command: 'status' };
export type CounterCommand = CounterRequest & { id: number };

/** A link made at a counter and paid at the sandbox: where the customer's browser is sent back, path and query. */
export type CounterLink = { ref: string; returnPath: string };

type TestContext = { after(fn: () => unknown): void };

/**
 * Presses Pay on the sandbox's checkout page of `paymentUrl` and reads where it sends the customer back (the path and
 * query of the return, which any counter's listener takes), without going there.
 */
export async function paidReturnPath(paymentUrl: string): Promise<string> {
  const trxId = new URL(paymentUrl).searchParams.get('trx_id')!;
  const paid = await fetch(new URL('/checkout/pay', paymentUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ trx_id: trxId }).toString(),
    redirect: 'manual',
  });
  await paid.arrayBuffer();
  const location = paid.headers.get('location');
  if (paid.status !== 303 || !location) throw new Error(`the sandbox answered Pay with ${paid.status}`);
  const back = new URL(location);
  return back.pathname + back.search;
}

export type CounterProcess = {
  readonly pid: number;
  readonly dataDir: string;
  /** Its return listener, e.g. http://127.0.0.1:41234; the same after a restart. */
  readonly origin: string;
  /** Its data folder's counter id (counter.json). */
  readonly counterId: string;
  /** Every event it emitted so far, restarts included, in order. */
  readonly events: readonly CounterEvent[];
  /** The first event, heard already or still to come, that `match` accepts. */
  waitForEvent(match: (event: CounterEvent) => boolean, timeoutMs?: number): Promise<CounterEvent>;
  link(amount?: string): Promise<CounterLink>;
  status(): Promise<AppStatus>;
  /** True until the process has exited. */
  alive(): boolean;
  /** What the process wrote on stderr so far. */
  stderr(): string;
  /** Sends `signal` (SIGKILL too) and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Kills it if it still runs, then starts it again over the same data folder and listener port. */
  restart(): Promise<void>;
};

export type CounterOptions = {
  databaseUrl: string;
  /** The sandbox gateway every counter's links go to (sharedSandbox). */
  sandboxBaseUrl: string;
  /** Its data folder; a temp folder of its own, removed when the test ends, by default. */
  dataDir?: string;
  startTimeoutMs?: number;
};

/** One sandbox gateway for all the counters of a test, stopped when it ends. */
export async function sharedSandbox(t: TestContext): Promise<SandboxGateway> {
  const sandbox = await startSandboxGateway();
  t.after(() => sandbox.close());
  return sandbox;
}

type Incarnation = {
  child: ChildProcess;
  exited: Promise<unknown>;
  stderr: string;
  pending: Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;
};

export async function startCounterProcess(t: TestContext, options: CounterOptions): Promise<CounterProcess> {
  const own = options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'paydesk-counter-')) : null;
  const dataDir = options.dataDir ?? own!;
  const port = await freePort();
  const events: CounterEvent[] = [];
  const waiters = new Set<(event: CounterEvent) => void>();
  let current!: Incarnation;
  let origin = '';
  let counterId = '';
  let ids = 0;

  async function start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(port), options.databaseUrl, options.sandboxBaseUrl], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const incarnation: Incarnation = { child, exited: once(child, 'exit'), stderr: '', pending: new Map() };
    current = incarnation;
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (incarnation.stderr += chunk));
    let ready!: (value: { origin: string; counterId: string }) => void;
    const isReady = new Promise<{ origin: string; counterId: string }>((resolve) => (ready = resolve));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const said = JSON.parse(line) as
        { ready: { origin: string; counterId: string } } | CounterEvent | { id: number; value?: unknown; error?: string };
      if ('ready' in said) return ready(said.ready);
      if ('event' in said) {
        events.push(said);
        for (const waiter of waiters) waiter(said);
        return;
      }
      const answer = incarnation.pending.get(said.id);
      incarnation.pending.delete(said.id);
      if (said.error !== undefined) answer?.reject(new Error(said.error));
      else answer?.resolve(said.value);
    });
    void incarnation.exited.then(() => {
      for (const { reject } of incarnation.pending.values()) reject(new Error(`the counter process exited: ${incarnation.stderr.trim()}`));
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.startTimeoutMs ?? 30_000);
    const started = await Promise.race([isReady, incarnation.exited.then(() => null)]);
    clearTimeout(timer);
    if (!started) throw new Error(`the counter process did not start: ${incarnation.stderr.trim() || 'no message'}`);
    ({ origin, counterId } = started);
  }

  function ask<T>(command: CounterRequest, timeoutMs = 20_000): Promise<T> {
    const { child, pending } = current;
    const id = ++ids;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the counter did not answer ${command.command} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value as T)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      child.stdin!.write(`${JSON.stringify({ ...command, id })}\n`);
    });
  }

  const alive = () => current.child.exitCode === null && current.child.signalCode === null;
  async function kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!alive()) return;
    current.child.kill(signal);
    await current.exited;
  }

  await start();
  t.after(async () => {
    await kill();
    if (own) rmSync(own, { recursive: true, force: true });
  });

  return {
    get pid() {
      return current.child.pid!;
    },
    dataDir,
    get origin() {
      return origin;
    },
    get counterId() {
      return counterId;
    },
    events,
    waitForEvent(match, timeoutMs = 10_000) {
      const heard = events.find(match);
      if (heard) return Promise.resolve(heard);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching event reached the counter at ${origin} within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (event: CounterEvent) => {
          if (!match(event)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(event);
        };
        waiters.add(waiter);
      });
    },
    link: (amount = '150.50') => ask<CounterLink>({ command: 'link', amount }),
    status: () => ask<AppStatus>({ command: 'status' }),
    alive,
    stderr: () => current.stderr,
    kill,
    async restart() {
      await kill();
      await start();
    },
  };
}
