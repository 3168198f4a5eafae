// Looking for a secret where it must never be: files in a folder (the database, its WAL, anything else), log
// lines, a program's output, what the renderer was sent. A secret is found in plain text and in the encodings
// a careless write would use (base64, base64url, hex, percent-encoding).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, recursively, with its bytes. */
export function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** Records every console line for the rest of the test (and still prints it). */
export function captureConsole(t: { after(fn: () => void): void }): string[] {
  const lines: string[] = [];
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
      original.apply(console, args);
    };
    t.after(() => (console[method] = original));
  }
  return lines;
}

/** The forms of `secret` to look for. */
export function secretForms(secret: string): Buffer[] {
  const plain = Buffer.from(secret, 'utf8');
  return [
    plain,
    Buffer.from(plain.toString('base64')),
    Buffer.from(plain.toString('base64url')),
    Buffer.from(plain.toString('hex')),
    Buffer.from(encodeURIComponent(secret)),
  ].filter((form, i, all) => all.findIndex((other) => other.equals(form)) === i);
}

/** How many times any form of `secret` occurs in `haystack`. */
export function occurrences(haystack: Buffer | string, secret: string): number {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  let found = 0;
  for (const form of secretForms(secret)) {
    for (let at = bytes.indexOf(form); at !== -1; at = bytes.indexOf(form, at + 1)) found++;
  }
  return found;
}
