// The test's own `cloudflared`: test/support/cloudflared-stand-in.cjs, installed as an executable of that name
// in a folder of its own, and the environment in which a core finds it on PATH (and nothing else there).
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

const STAND_IN = readFileSync(new URL('./cloudflared-stand-in.cjs', import.meta.url), 'utf8');

/** A PATH holding the stand-in cloudflared; `vars` reach it (STAND_IN_TUNNEL_PORT, STAND_IN_TUNNEL_EXIT). */
export function cloudflaredOnPath(t: { after(fn: () => void): void }, vars: Record<string, string>): NodeJS.ProcessEnv {
  const dir = tempDir(t, 'paydesk-path-');
  const program = join(dir, 'cloudflared');
  writeFileSync(program, `#!${process.execPath}\n${STAND_IN}`);
  chmodSync(program, 0o755);
  return { PATH: dir, ...vars };
}

/** A PATH with no cloudflared on it. */
export const noCloudflared = (t: { after(fn: () => void): void }): NodeJS.ProcessEnv => ({ PATH: tempDir(t, 'paydesk-path-') });
