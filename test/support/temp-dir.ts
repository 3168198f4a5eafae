import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh folder for one test's data, removed when the test ends. A core still closing may write its last log line
 * while the folder goes (node:test runs after-hooks in the order they were added, so this one comes before the
 * core's close): the removal tries again rather than fail on a file that appeared meanwhile.
 */
export function tempDir(t: { after(fn: () => void): void }, prefix = 'paydesk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }));
  return dir;
}
