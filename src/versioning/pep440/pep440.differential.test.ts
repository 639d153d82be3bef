import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pep440Scheme } from './index.js';
import { orInvalid } from '../../../test/helpers/or-invalid.js';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';

/** Debian's interpreter (`python3` on PATH may be a pyenv shim without `packaging`). */
const PYTHON = '/usr/bin/python3';

const ORACLE = `
import json, sys
from packaging.version import Version, InvalidVersion
from packaging.specifiers import SpecifierSet, InvalidSpecifier
import packaging
job = json.load(sys.stdin)
def order(a, b):
    try:
        x, y = Version(a), Version(b)
    except InvalidVersion:
        return "invalid"
    return (x > y) - (x < y)
def valid(v):
    try:
        Version(v)
        return True
    except InvalidVersion:
        return False
def contains(v, s):
    try:
        return SpecifierSet(s).contains(v)
    except (InvalidVersion, InvalidSpecifier):
        return "invalid"
json.dump({"version": packaging.__version__,
           "valid": [valid(v) for v in job["versions"]],
           "order": [order(a, b) for a, b in job["pairs"]],
           "contains": [contains(v, s) for v, s in job["checks"]]}, sys.stdout)
`;

function hasPackaging(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import packaging.specifiers'], { stdio: 'ignore' }).status === 0;
}

const rnd = seededRandom(7);
const pick = picker(rnd);
const maybe = (p: number, text: () => string): string => (rnd() < p ? text() : '');
const SEP = ['', '', '.', '-', '_'];
const NUM = ['0', '1', '2', '10', '01'];

function release(min = 1): string {
  return Array.from({ length: min + Math.floor(rnd() * 3) }, () => pick(NUM)).join('.');
}

function suffixes(local: boolean): string {
  return (
    maybe(
      0.35,
      () =>
        pick(SEP) +
        pick(['a', 'b', 'rc', 'c', 'alpha', 'beta', 'pre', 'preview', 'RC']) +
        pick(SEP) +
        maybe(0.7, () => pick(NUM)),
    ) +
    maybe(0.25, () =>
      rnd() < 0.3
        ? `-${pick(NUM)}`
        : pick(SEP) + pick(['post', 'rev', 'r', 'POST']) + pick(SEP) + maybe(0.7, () => pick(NUM)),
    ) +
    maybe(0.25, () => pick(SEP) + pick(['dev', 'DEV']) + pick(SEP) + maybe(0.7, () => pick(NUM))) +
    (local ? maybe(0.15, () => `+${pick(['abc', '1', 'ubuntu.2', '007', 'Abc-1', 'a_b'])}`) : '')
  );
}

function version(): string {
  if (rnd() < 0.04) return pick(['', 'abc', '1.0+', '1..0', '1.0-', '1.0+a..b', 'v', '1.0a1b1', '*']);
  return (
    maybe(0.05, () => pick(['v', ' ', 'V'])) + maybe(0.1, () => `${pick(NUM)}!`) + release() + suffixes(true)
  );
}

function specifier(): string {
  const op = pick(['==', '!=', '<=', '>=', '<', '>', '~=', '===', '==', '>=', '<']);
  const gap = maybe(0.2, () => ' ');
  if (op === '===') return `${op}${gap}${pick([version(), '1.0', '2'])}`;
  if ((op === '==' || op === '!=') && rnd() < 0.35)
    return `${op}${gap}${maybe(0.1, () => '1!')}${release()}.*`;
  if (rnd() < 0.03) return `${op}${pick(['1.*', 'abc', '', '1.0+local'])}`;
  return `${op}${gap}${maybe(0.08, () => `${pick(NUM)}!`)}${release(op === '~=' ? 2 : 1)}${suffixes(op === '==' || op === '!=')}`;
}

/**
 * packaging keeps a set's specifiers in a frozenset and stops reading them at the first one that
 * admits pre-releases, so a set mixing that with an unreadable `===x` fails or not by hash order:
 * such a `===x` is only generated on its own.
 */
function specifierSet(): string {
  const specs = Array.from({ length: 1 + Math.floor(rnd() * 3) }, specifier);
  const unreadable = specs.find((s) => s.startsWith('===') && !pep440Scheme.isValid(s.slice(3)));
  return unreadable ?? specs.join(pick([',', ', ']));
}

describe.skipIf(!hasPackaging())("pep440 scheme against Python's packaging", () => {
  const versions = Array.from({ length: 20_000 }, version);
  const pairs = Array.from({ length: 20_000 }, () => [version(), version()] as const);
  const checks = Array.from({ length: 20_000 }, () => [version(), specifierSet()] as const);
  const run = spawnSync(PYTHON, ['-c', ORACLE], {
    input: JSON.stringify({ versions, pairs, checks }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const oracle = JSON.parse(run.stdout || '{}') as {
    version: string;
    valid: boolean[];
    order: unknown[];
    contains: unknown[];
  };

  it(`agrees on validity of 20000 versions (packaging ${oracle.version})`, () => {
    const bad = versions.filter((v, i) => pep440Scheme.isValid(v) !== oracle.valid[i]);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('agrees on the order of 20000 pairs', () => {
    const bad = pairs
      .map(([a, b], i) => ({
        a,
        b,
        expected: oracle.order[i],
        actual: orInvalid(() => pep440Scheme.compare(a, b)),
      }))
      .filter((r) => r.expected !== r.actual);
    expect(bad.slice(0, 20)).toEqual([]);
    expect(oracle.order.filter((o) => o === 0).length).toBeGreaterThan(50);
  });

  it('agrees on 20000 specifier-set checks', () => {
    const bad = checks
      .map(([v, s], i) => ({
        v,
        s,
        expected: oracle.contains[i],
        actual: orInvalid(() => pep440Scheme.satisfies(v, s)),
      }))
      .filter((r) => r.expected !== r.actual);
    expect(bad.slice(0, 20)).toEqual([]);
    expect(oracle.contains.filter((c) => c === true).length).toBeGreaterThan(1000);
  });
});
