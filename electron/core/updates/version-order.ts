// Which PayDesk is newer, by Semantic Versioning 2.0.0's order (§11), as electron-updater compares them: numbers
// numerically, a pre-release before its release (0.2.0-beta.1 < 0.2.0), build metadata ignored.

export type Version = { core: [string, string, string]; prerelease: string[] };

const NUMBER = '0|[1-9]\\d*';
const IDENTIFIER = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);

/** A version exactly as SemVer writes it ("0.2.0-beta.1+build.5"), or null: no "v", no missing parts, no leading zeros. */
export function parseVersion(text: string): Version | null {
  if (text.length > 256) return null;
  const match = SEMVER.exec(text);
  if (!match) return null;
  return { core: [match[1]!, match[2]!, match[3]!], prerelease: match[4]?.split('.') ?? [] };
}

const isNumeric = (identifier: string) => /^\d+$/.test(identifier);

/** Digits without leading zeros compare by length first, so numbers of any size order right without parsing them. */
const compareNumbers = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

function compareIdentifiers(a: string, b: string): number {
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(a, b);
  if (isNumeric(a) !== isNumeric(b)) return isNumeric(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` comes before `b`, positive after, 0 when they are the same release. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const order = compareNumbers(a.core[i]!, b.core[i]!);
    if (order !== 0) return Math.sign(order);
  }
  // A release comes after every pre-release of it.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifiers(a.prerelease[i]!, b.prerelease[i]!);
    if (order !== 0) return Math.sign(order);
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}
