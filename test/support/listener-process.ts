// Starts test/support/listener-child.ts and talks to it: waits for "ready", asks for its memory, kills it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./listener-child.ts', import.meta.url));

export type ListenerProcess = {
  pid: number;
  origin: string;
  /** True until the process has exited. */
  alive(): boolean;
  /** What the process wrote on stderr so far. */
  stderr(): string;
  memory(): Promise<NodeJS.MemoryUsage>;
  /** Sends `signal` and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/** Over the SQLite book in `dataDir`, or the PostgreSQL database at `databaseUrl`. */
export async function startListenerProcess(
  dataDir: string,
  port: number,
  { databaseUrl, timeoutMs = 20_000 }: { databaseUrl?: string; timeoutMs?: number } = {},
): Promise<ListenerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(port), ...(databaseUrl ? [databaseUrl] : [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  lines.on('line', (line) => {
    if (line === 'ready') ready();
    else waiting.shift()?.(line);
  });

  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const started = await Promise.race([isReady.then(() => true), exited.then(() => false)]);
  clearTimeout(timer);
  if (!started) throw new Error(`the listener process did not start: ${stderr.trim() || 'no message'}`);

  return {
    pid: child.pid!,
    origin: `http://127.0.0.1:${port}`,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    memory() {
      const answer = new Promise<string>((resolve) => waiting.push(resolve));
      child.stdin!.write('memory\n');
      return answer.then((line) => JSON.parse(line) as NodeJS.MemoryUsage);
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
