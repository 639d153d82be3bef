/**
 * PEP 440 specifier sets (`>=1.0,<2,!=1.5.*,~=1.4.2,===1.0`) with the matching rules of Python's
 * `packaging.specifiers.SpecifierSet.contains`, pre-release handling included: a pre-release only
 * matches when one of the specifiers names a pre-release.
 */
import { InvalidVersionError } from '../../errors/index.js';
import {
  baseVersion,
  comparePep440,
  formatPep440,
  isPrerelease,
  parsePep440,
  publicPart,
  type Pep440Version,
} from './pep440-version.js';

const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
const HEAD = 'v?(?:[0-9]+!)?[0-9]+';

/** Which version spellings each operator accepts. */
const SPECIFIER_FORMS: readonly [RegExp, RegExp][] = [
  [/^===$/, /^[^\s;)]*$/],
  [/^(?:==|!=)$/, new RegExp(`^${HEAD}(?:\\.[0-9]+)*(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})$`, 'i')],
  [/^~=$/, new RegExp(`^${HEAD}(?:\\.[0-9]+)+${PRE}${POST}${DEV}$`, 'i')],
  [/^(?:<=|>=|<|>)$/, new RegExp(`^${HEAD}(?:\\.[0-9]+)*${PRE}${POST}${DEV}$`, 'i')],
];
const SPECIFIER = /^\s*(===|~=|==|!=|<=|>=|<|>)\s*(.*?)\s*$/s;

interface Specifier {
  readonly operator: string;
  /** The version as written (trimmed): several rules work on its spelling. */
  readonly version: string;
}

export type SpecifierSet = readonly Specifier[];

export function parseSpecifierSet(text: string): SpecifierSet {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const m = SPECIFIER.exec(part);
      const form = m && SPECIFIER_FORMS.find(([op]) => op.test(m[1] ?? ''));
      if (!m || !form || !form[1].test(m[2] ?? '')) {
        throw new InvalidVersionError(
          `invalid PEP 440 specifier ${JSON.stringify(part)} in ${JSON.stringify(text)}`,
        );
      }
      return { operator: m[1] ?? '', version: m[2] ?? '' };
    });
}

export function specifierSetContains(set: SpecifierSet, version: Pep440Version): boolean {
  // Like packaging, every inclusive specifier's version is read first, even for a final release.
  const prereleases = set.map(allowsPrereleases).some(Boolean);
  if (isPrerelease(version) && !prereleases) return false;
  return set.every((s) => matches(s, version));
}

/** A specifier admits pre-releases when it is inclusive and names one. */
function allowsPrereleases({ operator, version }: Specifier): boolean {
  if (!['==', '>=', '<=', '~=', '==='].includes(operator)) return false;
  const named = operator === '==' && version.endsWith('.*') ? version.slice(0, -2) : version;
  return isPrerelease(strictVersion(named));
}

function strictVersion(text: string): Pep440Version {
  const parsed = parsePep440(text);
  if (!parsed) throw new InvalidVersionError(`invalid PEP 440 version: ${JSON.stringify(text)}`);
  return parsed;
}

function matches({ operator, version: spec }: Specifier, v: Pep440Version): boolean {
  switch (operator) {
    case '~=':
      return atLeast(v, spec) && equal(v, `${compatiblePrefix(spec)}.*`);
    case '==':
      return equal(v, spec);
    case '!=':
      return !equal(v, spec);
    case '<=':
      return comparePep440(publicPart(v), strictVersion(spec)) <= 0;
    case '>=':
      return atLeast(v, spec);
    case '<':
      return lessThan(v, strictVersion(spec));
    case '>':
      return greaterThan(v, strictVersion(spec));
    default:
      return formatPep440(v).toLowerCase() === spec.toLowerCase();
  }
}

const atLeast = (v: Pep440Version, spec: string): boolean =>
  comparePep440(publicPart(v), strictVersion(spec)) >= 0;
const sameBase = (a: Pep440Version, b: Pep440Version): boolean =>
  comparePep440(baseVersion(a), baseVersion(b)) === 0;

/** `<V` leaves out pre-releases of V's own release unless V is a pre-release itself. */
function lessThan(v: Pep440Version, spec: Pep440Version): boolean {
  if (comparePep440(v, spec) >= 0) return false;
  return isPrerelease(spec) || !isPrerelease(v) || !sameBase(v, spec);
}

/** `>V` leaves out post-releases and local versions of V's own release. */
function greaterThan(v: Pep440Version, spec: Pep440Version): boolean {
  if (comparePep440(v, spec) <= 0) return false;
  if (spec.post === undefined && v.post !== undefined && sameBase(v, spec)) return false;
  return v.local === undefined || !sameBase(v, spec);
}

function equal(v: Pep440Version, spec: string): boolean {
  if (!spec.endsWith('.*')) {
    const wanted = strictVersion(spec);
    return comparePep440(wanted.local ? v : publicPart(v), wanted) === 0;
  }
  const prefix = splitSegments(formatPep440(strictVersion(spec.slice(0, -2))));
  const candidate = splitSegments(formatPep440(publicPart(v), { stripTrailingZeros: true }));
  return (
    padNumeric(candidate, leadingNumeric(prefix)).slice(0, prefix.length).join('\n') === prefix.join('\n')
  );
}

/** Splits on dots and splits `1rc2`-style segments in two, on the version's spelling. */
function splitSegments(text: string): string[] {
  return text.split('.').flatMap((item) => {
    const m = /^([0-9]+)((?:a|b|c|rc)[0-9]+)$/.exec(item);
    return m ? [m[1] as string, m[2] as string] : [item];
  });
}

function leadingNumeric(segments: readonly string[]): number {
  let count = 0;
  while (count < segments.length && /^[0-9]+$/.test(segments[count] as string)) count++;
  return count;
}

/** Pads the leading all-digit segments with zeros up to as many as the other side has. */
function padNumeric(segments: string[], otherNumeric: number): string[] {
  const numeric = leadingNumeric(segments);
  const zeros = Array<string>(Math.max(0, otherNumeric - numeric)).fill('0');
  return [...segments.slice(0, numeric), ...zeros, ...segments.slice(numeric)];
}

/** `~=1.4.2` means `>=1.4.2, ==1.4.*`: the written release without its last part. */
function compatiblePrefix(spec: string): string {
  const segments = splitSegments(spec);
  const release: string[] = [];
  for (const s of segments) {
    if (['dev', 'a', 'b', 'rc', 'post'].some((p) => s.startsWith(p))) break;
    release.push(s);
  }
  return release.slice(0, -1).join('.');
}
