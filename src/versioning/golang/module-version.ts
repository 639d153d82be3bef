/**
 * Go module versions as golang.org/x/mod/semver reads and orders them: `vMAJOR[.MINOR[.PATCH]]`
 * with optional `-prerelease` and `+build` (only on full versions), no leading zeros, build
 * metadata (such as `+incompatible`) ignored for precedence. Pseudo-versions are ordinary
 * prereleases, so they order with no special case.
 */
export interface GoVersion {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  /** Prerelease identifiers; empty for a release. */
  readonly prerelease: readonly string[];
}

const NUMBER = '0|[1-9][0-9]*';
const IDENT = '[0-9A-Za-z-]+';
const MODULE_VERSION = new RegExp(
  `^v?(${NUMBER})(?:\\.(${NUMBER})(?:\\.(${NUMBER})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`,
);
const LEADING_ZERO_NUMBER = /^0[0-9]+$/;

/** Reads a module version (the leading `v` may be left out, as OSV feeds do); undefined if invalid. */
export function parseModuleVersion(text: string): GoVersion | undefined {
  const match = MODULE_VERSION.exec(text);
  if (!match) return undefined;
  const prerelease = match[4] === undefined ? [] : match[4].split('.');
  if (prerelease.some((id) => LEADING_ZERO_NUMBER.test(id))) return undefined;
  return {
    major: match[1] as string,
    minor: match[2] ?? '0',
    patch: match[3] ?? '0',
    prerelease,
  };
}

/** Compares decimal digit strings without leading zeros: by length, then by text. */
export function compareDigits(a: string, b: string): -1 | 0 | 1 {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const NUMERIC = /^[0-9]+$/;

function compareIdentifier(a: string, b: string): -1 | 0 | 1 {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareDigits(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  if (a.length === 0 || b.length === 0) {
    // A release sorts after every prerelease of the same version.
    return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const result = compareIdentifier(a[i] as string, b[i] as string);
    if (result !== 0) return result;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Semantic-version precedence of two parsed versions. */
export function compareGoVersions(a: GoVersion, b: GoVersion): -1 | 0 | 1 {
  return (
    compareDigits(a.major, b.major) ||
    compareDigits(a.minor, b.minor) ||
    compareDigits(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}
