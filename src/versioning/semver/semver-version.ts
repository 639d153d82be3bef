/**
 * SemVer 2.0.0 versions as node-semver reads them (strict mode): `MAJOR.MINOR.PATCH`, an optional
 * `-prerelease` of dot-separated identifiers and an optional `+build` that never affects order.
 */

/** Most characters node-semver reads in one version. */
const MAX_LENGTH = 256;

const NUMBER = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:\\d*[a-zA-Z-][a-zA-Z0-9-]*|${NUMBER})`;

/** Regular-expression sources shared with the range reader. */
export const PRERELEASE_SOURCE = `(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))`;
export const BUILD_SOURCE = '(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))';
export const PLAIN_SOURCE = `v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})${PRERELEASE_SOURCE}?${BUILD_SOURCE}?`;

const STRICT = new RegExp(`^${PLAIN_SOURCE}$`);
const ALL_DIGITS = /^[0-9]+$/;

export interface SemverVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Numeric identifiers as numbers (when they fit), the others as strings. */
  readonly prerelease: readonly (string | number)[];
}

/** Reads a version exactly (a leading `v` and surrounding blanks allowed), or undefined. */
export function parseStrictSemver(text: string): SemverVersion | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const m = STRICT.exec(text.trim());
  if (!m) return undefined;
  const [major, minor, patch] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined;
  const prerelease = m[4] === undefined ? [] : m[4].split('.').map(prereleaseIdentifier);
  return { major, minor, patch, prerelease };
}

/** Like `semver.clean`: also accepts leading `=` and `v` characters (`=v1.2.3`). */
export function parseLenientSemver(text: string): SemverVersion | undefined {
  return parseStrictSemver(text.trim().replace(/^[=v]+/, ''));
}

function prereleaseIdentifier(id: string): string | number {
  if (ALL_DIGITS.test(id)) {
    const n = Number(id);
    if (n < Number.MAX_SAFE_INTEGER) return n;
  }
  return id;
}

/** SemVer precedence: main numbers, then a release after its prereleases, then identifiers. */
export function compareSemver(a: SemverVersion, b: SemverVersion): -1 | 0 | 1 {
  return (
    sign(a.major - b.major) ||
    sign(a.minor - b.minor) ||
    sign(a.patch - b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

function comparePrerelease(a: readonly (string | number)[], b: readonly (string | number)[]): -1 | 0 | 1 {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; ; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined && y === undefined) return 0;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifier(x, y);
    if (order !== 0) return order;
  }
}

/** Numeric identifiers sort numerically and before alphanumeric ones, which sort by code unit. */
function compareIdentifier(x: string | number, y: string | number): -1 | 0 | 1 {
  const xNumeric = ALL_DIGITS.test(String(x));
  const yNumeric = ALL_DIGITS.test(String(y));
  if (xNumeric && yNumeric) return sign(Number(x) - Number(y));
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
  return x === y ? 0 : String(x) < String(y) ? -1 : 1;
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
