// The release file electron-builder publishes beside the installers (latest.yml, latest-linux.yml, latest-mac.yml),
// read for the little PayDesk tells the shop: the version, its date, and which file to download. A strict small
// reader rather than a YAML library: it understands exactly the shape electron-builder writes (top-level
// `key: scalar` lines and the `files:` list of `url:`/`sha512:`/`size:` entries) and refuses anything else in the
// keys it reads. Keys it does not read (releaseNotes, sha512, …) are skipped whatever they hold.
import { parseVersion } from './version-order';

export type ReleaseFile = {
  version: string;
  releaseDate: string | null;
  /** Each entry of `files:`, by its url as written (relative to the feed, or absolute). */
  files: string[];
  /** The older single-file field, kept by electron-builder for old updaters. */
  path: string | null;
};

/** `not_release`: no top-level `version:` at all (an HTML page, something else's file). `malformed`: a release file, broken. */
export type ReleaseFileReading = { ok: true; release: ReleaseFile } | { ok: false; problem: 'not_release' | 'malformed' };

const MAX_URL_LENGTH = 2048;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Thrown inside the reader only; it becomes the `malformed` answer. */
class Malformed extends Error {}

export function readReleaseFile(text: string): ReleaseFileReading {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  if (!lines.some((line) => /^version *:/.test(line))) return { ok: false, problem: 'not_release' };
  try {
    return { ok: true, release: release(topLevel(lines)) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, problem: 'malformed' };
    throw error;
  }
}

type Entry = { value: string | null; nested: string[] };

/** The top-level keys, each with its inline value and the indented lines under it. */
function topLevel(lines: string[]): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let current: Entry | null = null;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    if (/^\s*\t/.test(line)) throw new Malformed(); // YAML indents with spaces only
    if (line.startsWith(' ')) {
      if (!current) throw new Malformed();
      current.nested.push(line);
      continue;
    }
    if (line === '---' && entries.size === 0 && index === firstContent(lines)) continue;
    const match = KEY_LINE.exec(line);
    if (!match || entries.has(match[1]!)) throw new Malformed();
    current = { value: match[2] ?? null, nested: [] };
    entries.set(match[1]!, current);
  }
  return entries;
}

const firstContent = (lines: string[]) => lines.findIndex((line) => line.trim() !== '' && !/^\s*#/.test(line));

function release(entries: Map<string, Entry>): ReleaseFile {
  const version = scalarOf(entries.get('version'));
  if (version === null || parseVersion(version) === null) throw new Malformed();
  const releaseDate = scalarOf(entries.get('releaseDate'));
  if (releaseDate !== null && (!ISO_DATE.test(releaseDate) || Number.isNaN(Date.parse(releaseDate)))) throw new Malformed();
  const path = url(scalarOf(entries.get('path')));
  const files = filesOf(entries.get('files'));
  if (files.length === 0 && path === null) throw new Malformed();
  return { version, releaseDate, files, path };
}

/** A key's one-line value; null when the key is absent. A value spread over lines is not one PayDesk reads. */
function scalarOf(entry: Entry | undefined): string | null {
  if (!entry) return null;
  if (entry.value === null || entry.nested.length > 0) throw new Malformed();
  return scalar(entry.value);
}

/** The `files:` list: `- url: …` items whose other lines are `key: value` at the same column as `url`. */
function filesOf(entry: Entry | undefined): string[] {
  if (!entry) return [];
  if (entry.value !== null) {
    if (entry.value.trim() !== '[]' || entry.nested.length > 0) throw new Malformed();
    return [];
  }
  const items: Array<Map<string, string>> = [];
  let column = -1;
  for (const line of entry.nested) {
    const item = /^( +)- +(.*)$/.exec(line);
    const indent = line.length - line.trimStart().length;
    if (item && (column === -1 || item[1]!.length + 2 === column)) {
      column = item[1]!.length + 2;
      items.push(new Map());
      field(items.at(-1)!, item[2]!);
    } else if (!item && indent === column && items.length > 0) {
      field(items.at(-1)!, line.slice(column));
    } else {
      throw new Malformed();
    }
  }
  return items.map((fields) => url(fields.get('url') ?? null) ?? fail());
}

function field(fields: Map<string, string>, text: string): void {
  const match = KEY_LINE.exec(text);
  if (!match || match[2] === undefined || fields.has(match[1]!)) throw new Malformed();
  fields.set(match[1]!, scalar(match[2]));
}

const fail = (): never => {
  throw new Malformed();
};

function url(text: string | null): string | null {
  if (text === null) return null;
  if (text === '' || text.length > MAX_URL_LENGTH) throw new Malformed();
  return text;
}

/** A one-line scalar as js-yaml writes one: plain, 'single-quoted' or "double-quoted" (with its escapes). */
function scalar(raw: string): string {
  const text = raw.trim();
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'(?: +#.*)?$/.exec(text);
    if (!match) throw new Malformed();
    return match[1]!.replaceAll("''", "'");
  }
  if (text.startsWith('"')) {
    const match = /^("(?:[^"\\]|\\.)*")(?: +#.*)?$/.exec(text);
    if (!match) throw new Malformed();
    try {
      // YAML's double-quoted escapes that electron-builder's files can hold are JSON's.
      return JSON.parse(match[1]!) as string;
    } catch {
      throw new Malformed();
    }
  }
  // Indicators that begin a flow collection, an alias, a tag or a block scalar: not a plain one-line value.
  if (/^[[\]{}&*!|>%@`]/.test(text)) throw new Malformed();
  return text.replace(/ +#.*$/, '');
}

/** Where this computer's PayDesk is installed from: which of the release's files to offer for download. */
export type DownloadTarget = { platform: NodeJS.Platform; arch: string; appImage: boolean };

/** The file for this computer, as the release names it: the installer kind it was installed with, else `path`. */
export function downloadFor(release: ReleaseFile, target: DownloadTarget): string | null {
  const endsWith = (ending: string) => (file: string) => file.toLowerCase().endsWith(ending.toLowerCase());
  const endings =
    target.platform === 'win32'
      ? ['.exe']
      : target.platform === 'darwin'
        ? ['.dmg', '.zip']
        : target.appImage
          ? ['.AppImage', '.deb']
          : ['.deb', '.AppImage'];
  // latest-mac.yml lists the Apple-silicon and Intel builds side by side; the arm64 ones say so in their names.
  const forArch =
    target.platform === 'darwin' ? release.files.filter((file) => file.includes('arm64') === (target.arch === 'arm64')) : release.files;
  for (const files of [forArch, release.files]) {
    for (const ending of endings) {
      const file = files.find(endsWith(ending));
      if (file) return file;
    }
  }
  return release.path ?? release.files[0] ?? null;
}
