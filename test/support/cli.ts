// Runs the `paydesk` command as a child process, as a shopkeeper's script would: bin/paydesk.js, which runs
// the built CLI. It is built from the sources first (once per test process, well under a second), so a test
// never runs a bundle older than the code it tests.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build-cli.js';
import { cliEnvFor } from './test-engine';

await buildCli();

export const BIN = fileURLToPath(new URL('../../bin/paydesk.js', import.meta.url));

export type Run = { code: number; stdout: string; stderr: string };

/**
 * The environment of a child run with `args`: with `--data-dir` given, what points it at that folder's book on the
 * run's engine (test-engine.ts), beneath the test's own `env`.
 */
export async function childEnv(args: string[], env: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  const at = args.indexOf('--data-dir');
  const folder = at >= 0 ? args[at + 1] : args.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return { ...process.env, ...(folder ? await cliEnvFor(folder) : {}), ...env };
}

/** Runs `bin` (bin/paydesk.js, or a copy of it elsewhere) with `args`, to its end. */
export async function paydesk(args: string[], env: Record<string, string> = {}, bin = BIN): Promise<Run> {
  const childEnvironment = await childEnv(args, env);
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: childEnvironment, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
