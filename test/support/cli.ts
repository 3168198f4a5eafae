// Runs the `paydesk` command as a child process, as a shopkeeper's script would: bin/paydesk.js, which runs
// the built CLI. It is built from the sources first (once per test process, well under a second), so a test
// never runs a bundle older than the code it tests.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build-cli.js';

await buildCli();

export const BIN = fileURLToPath(new URL('../../bin/paydesk.js', import.meta.url));

export type Run = { code: number; stdout: string; stderr: string };

/** Runs `bin` (bin/paydesk.js, or a copy of it elsewhere) with `args`, to its end. */
export function paydesk(args: string[], env: Record<string, string> = {}, bin = BIN): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
