/**
 * RubyGems versions as `Gem::Version` reads and orders them: dot-separated segments of digits or
 * letters, a `-` standing for `.pre.`, letters marking a prerelease, and trailing zeros of the
 * release part (and of the prerelease part) not counting, so `1.0 == 1`.
 */

/** Ruby's `\s` (ASCII blanks only, unlike JavaScript's). */
const BLANK = '[ \\t\\r\\n\\f\\v]';
export const GEM_VERSION_SOURCE = '[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?';
const ANCHORED = new RegExp(`^${BLANK}*(?:${GEM_VERSION_SOURCE})?${BLANK}*$`);

export type Segment = bigint | string;

export interface GemVersion {
  /** The version as Gem::Version keeps it: stripped, `-` spelled `.pre.`. */
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly prerelease: boolean;
}

/** Reads a version; an empty or blank string is version 0, as in RubyGems. */
export function parseGemVersion(input: string): GemVersion | undefined {
  if (!ANCHORED.test(input)) return undefined;
  const stripped = input.replace(new RegExp(`^${BLANK}+|${BLANK}+$`, 'g'), '');
  const text = (stripped === '' ? '0' : stripped).replaceAll('-', '.pre.');
  const segments = (text.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => (/^[0-9]+$/.test(s) ? BigInt(s) : s));
  return { text, segments, prerelease: /[a-zA-Z]/.test(text) };
}

/** Segments with trailing zeros dropped from the release part and from the prerelease part. */
function canonicalSegments(v: GemVersion): Segment[] {
  const firstString = v.segments.findIndex((s) => typeof s === 'string');
  const cut = firstString === -1 ? v.segments.length : firstString;
  return [...dropTrailingZeros(v.segments.slice(0, cut)), ...dropTrailingZeros(v.segments.slice(cut))];
}

function dropTrailingZeros(segments: readonly Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0n) end--;
  return segments.slice(0, end);
}

/** Missing segments count as 0; a letter segment sorts before a number. */
export function compareGemVersions(a: GemVersion, b: GemVersion): -1 | 0 | 1 {
  const left = canonicalSegments(a);
  const right = canonicalSegments(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? 0n;
    const y = right[i] ?? 0n;
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === 'string' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function withoutLetters(v: GemVersion): Segment[] {
  const segments = [...v.segments];
  while (segments.some((s) => typeof s === 'string')) segments.pop();
  return segments;
}

function fromSegments(segments: readonly Segment[]): GemVersion {
  return parseGemVersion(segments.join('.')) as GemVersion;
}

/** The release a prerelease leads to (`1.2.b.3` → `1.2`); a release is its own. */
export function gemRelease(v: GemVersion): GemVersion {
  return v.prerelease ? fromSegments(withoutLetters(v)) : v;
}

/** The next version `~>` stops before: `1.2.3` → `1.3`, `1` → `2` (letters ignored). */
export function gemBump(v: GemVersion): GemVersion {
  const segments = withoutLetters(v);
  if (segments.length > 1) segments.pop();
  const last = segments.length - 1;
  segments[last] = (segments[last] as bigint) + 1n;
  return fromSegments(segments);
}
