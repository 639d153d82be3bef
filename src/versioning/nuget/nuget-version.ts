/**
 * NuGet versions as NuGet.Versioning's NuGetVersion reads and orders them: one to four numeric
 * parts (leading zeros allowed, each a 32-bit int, missing parts are 0, so `1.0` equals
 * `1.0.0.0`), SemVer 2 release labels compared case-insensitively, build metadata ignored.
 */
export interface NuGetVersion {
  /** Major, minor, patch and revision. */
  readonly parts: readonly [number, number, number, number];
  /** Release labels; empty for a stable version. */
  readonly labels: readonly string[];
}

const IDENTS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const VERSION = new RegExp(`^([0-9]+(?:\\.[0-9]+){0,3})(?:-(${IDENTS}))?(?:\\+${IDENTS})?$`);
const INT_MAX = 2_147_483_647;
const INT_MIN = -2_147_483_648;

/** Reads a version (surrounding whitespace is ignored, as NuGet does); undefined if invalid. */
export function parseNuGetVersion(text: string): NuGetVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  const numbers = (match[1] as string).split('.').map(Number);
  if (numbers.some((n) => n > INT_MAX)) return undefined;
  const labels = match[2] === undefined ? [] : match[2].split('.');
  // A numeric label may not have leading zeros.
  if (labels.some((label) => /^0[0-9]+$/.test(label))) return undefined;
  const [major = 0, minor = 0, patch = 0, revision = 0] = numbers;
  return { parts: [major, minor, patch, revision], labels };
}

/** The label's value when .NET's int.TryParse would read it as a number. */
function numericLabel(label: string): number | undefined {
  if (!/^-?[0-9]+$/.test(label)) return undefined;
  const value = Number(label);
  return value > INT_MAX || value < INT_MIN ? undefined : value;
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function compareLabel(a: string, b: string): -1 | 0 | 1 {
  const x = numericLabel(a);
  const y = numericLabel(b);
  if (x !== undefined && y !== undefined) return sign(x - y);
  if (x !== undefined) return -1;
  if (y !== undefined) return 1;
  // Ordinal comparison ignoring case, as .NET's OrdinalIgnoreCase does: on upper-cased text.
  const left = a.toUpperCase();
  const right = b.toUpperCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Orders two parsed versions as NuGet's default VersionComparer does. */
export function compareNuGetVersions(a: NuGetVersion, b: NuGetVersion): -1 | 0 | 1 {
  for (let i = 0; i < 4; i++) {
    const result = sign((a.parts[i] as number) - (b.parts[i] as number));
    if (result !== 0) return result;
  }
  if (a.labels.length === 0 || b.labels.length === 0) {
    // A stable version sorts after every prerelease of it.
    return a.labels.length === b.labels.length ? 0 : a.labels.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.min(a.labels.length, b.labels.length); i++) {
    const result = compareLabel(a.labels[i] as string, b.labels[i] as string);
    if (result !== 0) return result;
  }
  return sign(a.labels.length - b.labels.length);
}
