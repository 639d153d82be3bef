/**
 * npm range syntax, read the way node-semver reads it with `includePrerelease` off: `||`
 * alternatives of space-separated comparators, where carets, tildes, x-ranges, `*` and hyphen
 * ranges are first rewritten into plain `<`, `<=`, `>`, `>=` and `=` comparators.
 */
import { InvalidVersionError } from '../../errors/index.js';
import {
  BUILD_SOURCE,
  PLAIN_SOURCE,
  PRERELEASE_SOURCE,
  compareSemver,
  parseStrictSemver,
  type SemverVersion,
} from './semver-version.js';

type Operator = '' | '<' | '>' | '<=' | '>=';

/** One comparator; no `version` means it admits everything. */
interface Comparator {
  readonly operator: Operator;
  readonly version?: SemverVersion;
  /** Canonical text, used to drop duplicates as node-semver does. */
  readonly key: string;
}

const X_ID = '0|[1-9]\\d*|x|X|\\*';
const LOOSE_PLAIN = `[v=\\s]*(\\d+)\\.(\\d+)\\.(\\d+)(?:-?((?:\\d*[a-zA-Z-][a-zA-Z0-9-]*|\\d+)(?:\\.(?:\\d*[a-zA-Z-][a-zA-Z0-9-]*|\\d+))*))?${BUILD_SOURCE}?`;
const PARTIAL = `[v=\\s]*(${X_ID})(?:\\.(${X_ID})(?:\\.(${X_ID})(?:${PRERELEASE_SOURCE})?${BUILD_SOURCE}?)?)?`;
const OPERATOR = '((?:<|>)?=?)';

const BUILD_ALL = new RegExp(BUILD_SOURCE, 'g');
const BUILD_ONE = new RegExp(BUILD_SOURCE);
const HYPHEN = new RegExp(`^\\s?(${PARTIAL})\\s-\\s(${PARTIAL})\\s?$`);
const OPERATOR_GAP = new RegExp(`(\\s?)${OPERATOR}\\s?(${LOOSE_PLAIN}|${PARTIAL})`, 'g');
const TILDE_GAP = /(\s?)~>?\s/g;
const CARET_GAP = /(\s?)\^\s/g;
const TILDE = new RegExp(`^~>?${PARTIAL}$`);
const CARET = new RegExp(`^\\^${PARTIAL}$`);
const X_RANGE = new RegExp(`^${OPERATOR}\\s?${PARTIAL}$`);
const STAR = /(<|>)?=?\s?\*/;
const AT_LEAST_ZERO = /^\s?>=\s?0\.0\.0\s?$/;
const COMPARATOR = new RegExp(`^${OPERATOR}\\s?(${PLAIN_SOURCE})$|^$`);

const NULL_SET_KEY = '<0.0.0-0';

/** A parsed range: alternatives, each a list of comparators that must all hold. */
export type SemverRange = readonly (readonly Comparator[])[];

export function parseSemverRange(text: string): SemverRange {
  const raw = text.trim().replace(/\s+/g, ' ');
  let sets = raw
    .split('||')
    .map((part) => parseComparatorSet(part.trim(), text))
    .filter((set) => set.length > 0);
  if (sets.length === 0) throw new InvalidVersionError(`invalid npm range: ${JSON.stringify(text)}`);
  if (sets.length > 1) {
    const first = sets[0] as Comparator[];
    sets = sets.filter((set) => set[0]?.key !== NULL_SET_KEY);
    if (sets.length === 0) sets = [first];
    const any = sets.length > 1 ? sets.find((set) => set.length === 1 && set[0]?.key === '') : undefined;
    if (any) sets = [any];
  }
  return sets;
}

/** Whether `version` is in the range, with node-semver's rule for prereleases. */
export function semverRangeIncludes(range: SemverRange, version: SemverVersion): boolean {
  return range.some((set) => setIncludes(set, version));
}

function setIncludes(set: readonly Comparator[], version: SemverVersion): boolean {
  if (!set.every((c) => comparatorIncludes(c, version))) return false;
  if (version.prerelease.length === 0) return true;
  // A prerelease only matches when some comparator names a prerelease of the same release.
  return set.some(
    (c) =>
      c.version !== undefined &&
      c.version.prerelease.length > 0 &&
      c.version.major === version.major &&
      c.version.minor === version.minor &&
      c.version.patch === version.patch,
  );
}

function comparatorIncludes(c: Comparator, version: SemverVersion): boolean {
  if (c.version === undefined) return true;
  const order = compareSemver(version, c.version);
  switch (c.operator) {
    case '':
      return order === 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function parseComparatorSet(part: string, original: string): Comparator[] {
  let text = part.replace(BUILD_ALL, '');
  text = text.replace(HYPHEN, (...groups: (string | undefined)[]) => rewriteHyphen(groups));
  text = text.replace(OPERATOR_GAP, '$1$2$3').replace(TILDE_GAP, '$1~').replace(CARET_GAP, '$1^');
  const tokens = text
    .split(' ')
    .map(desugar)
    .join(' ')
    .split(/\s+/)
    .map((token) => token.trim().replace(AT_LEAST_ZERO, ''));
  const comparators = tokens.map((token) => readComparator(token, original));
  const byKey = new Map<string, Comparator>();
  for (const comparator of comparators) {
    if (comparator.key === NULL_SET_KEY) return [comparator];
    byKey.set(comparator.key, comparator);
  }
  if (byKey.size > 1) byKey.delete('');
  return [...byKey.values()];
}

function desugar(token: string): string {
  let text = token.replace(BUILD_ONE, '');
  text = eachWord(text.trim(), (word) => word.replace(CARET, (...g: string[]) => rewriteCaret(g)));
  text = eachWord(text.trim(), (word) => word.replace(TILDE, (...g: string[]) => rewriteTilde(g)));
  text = eachWord(text, (word) => rewriteXRange(word.trim()));
  return text.trim().replace(STAR, '');
}

function eachWord(text: string, rewrite: (word: string) => string): string {
  return text.split(/\s+/).map(rewrite).join(' ');
}

const isX = (id: string | undefined): boolean => !id || id === 'x' || id === 'X' || id === '*';
const next = (n: string | number): number => Number(n) + 1;

function rewriteCaret([, major = '', minor, patch, pre]: string[]): string {
  if (isX(major)) return '';
  if (isX(minor)) return `>=${major}.0.0 <${next(major)}.0.0-0`;
  if (isX(patch)) {
    const upper = major === '0' ? `${major}.${next(minor!)}.0-0` : `${next(major)}.0.0-0`;
    return `>=${major}.${minor}.0 <${upper}`;
  }
  const lower = `>=${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`;
  if (major !== '0') return `${lower} <${next(major)}.0.0-0`;
  if (minor !== '0') return `${lower} <${major}.${next(minor!)}.0-0`;
  return `${lower} <${major}.${minor}.${next(patch!)}-0`;
}

function rewriteTilde([, major = '', minor, patch, pre]: string[]): string {
  if (isX(major)) return '';
  if (isX(minor)) return `>=${major}.0.0 <${next(major)}.0.0-0`;
  const upper = `<${major}.${next(minor!)}.0-0`;
  if (isX(patch)) return `>=${major}.${minor}.0 ${upper}`;
  return `>=${major}.${minor}.${patch}${pre ? `-${pre}` : ''} ${upper}`;
}

function rewriteXRange(word: string): string {
  const m = X_RANGE.exec(word);
  if (!m) return word;
  let operator = m[1] ?? '';
  let major: string | number = m[2] ?? '';
  let minor: string | number | undefined = m[3];
  const patch = m[4];
  // A wildcard followed by a number (`x.1`, `1.x.2`) is left alone, and fails later.
  if ((isX(major) && !isX(minor)) || (isX(minor) && patch && !isX(patch))) return word;
  const xMajor = isX(major);
  const xMinor = xMajor || isX(minor);
  const anyX = xMinor || isX(patch);
  if (operator === '=' && anyX) operator = '';
  if (xMajor) return operator === '>' || operator === '<' ? NULL_SET_KEY : '*';
  if (operator && anyX) {
    if (xMinor) minor = 0;
    if (operator === '>') {
      operator = '>=';
      if (xMinor) major = next(major);
      else minor = next(minor!);
    } else if (operator === '<=') {
      operator = '<';
      if (xMinor) major = next(major);
      else minor = next(minor!);
    }
    return `${operator}${major}.${minor}.0${operator === '<' ? '-0' : ''}`;
  }
  if (xMinor) return `>=${major}.0.0 <${next(major)}.0.0-0`;
  if (anyX) return `>=${major}.${minor}.0 <${major}.${next(minor!)}.0-0`;
  return word;
}

function rewriteHyphen(groups: (string | undefined)[]): string {
  const [, from = '', fromMajor, fromMinor, fromPatch, , , to = '', toMajor, toMinor, toPatch, toPre] =
    groups;
  let lower: string;
  if (isX(fromMajor)) lower = '';
  else if (isX(fromMinor)) lower = `>=${fromMajor}.0.0`;
  else if (isX(fromPatch)) lower = `>=${fromMajor}.${fromMinor}.0`;
  else lower = `>=${from}`;
  let upper: string;
  if (isX(toMajor)) upper = '';
  else if (isX(toMinor)) upper = `<${next(toMajor!)}.0.0-0`;
  else if (isX(toPatch)) upper = `<${toMajor}.${next(toMinor!)}.0-0`;
  else if (toPre) upper = `<=${toMajor}.${toMinor}.${toPatch}-${toPre}`;
  else upper = `<=${to}`;
  return `${lower} ${upper}`.trim();
}

function readComparator(token: string, original: string): Comparator {
  const text = token.trim().split(/\s+/).join(' ');
  const m = COMPARATOR.exec(text);
  const bad = (): never => {
    throw new InvalidVersionError(
      `invalid npm range ${JSON.stringify(original)}: cannot read ${JSON.stringify(text)}`,
    );
  };
  if (!m) return bad();
  const operator = (m[1] === '=' ? '' : (m[1] ?? '')) as Operator;
  if (!m[2]) return { operator, key: '' };
  const version = parseStrictSemver(m[2]) ?? bad();
  return { operator, version, key: `${operator}${canonical(version)}` };
}

function canonical(v: SemverVersion): string {
  const main = `${v.major}.${v.minor}.${v.patch}`;
  return v.prerelease.length > 0 ? `${main}-${v.prerelease.join('.')}` : main;
}
