import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { semverScheme } from './index.js';
import { orInvalid } from '../../../test/helpers/or-invalid.js';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';

const rnd = seededRandom(440);
const pick = picker(rnd);

const NUMBERS = ['0', '1', '2', '3', '10'];
const PRE_IDS = ['alpha', 'beta', 'rc', '0', '1', '2', '11', 'a-b', 'x', 'B', '-'];

function version(): string {
  let v = `${pick(NUMBERS)}.${pick(NUMBERS)}.${pick(NUMBERS)}`;
  if (rnd() < 0.45)
    v += `-${Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(PRE_IDS)).join('.')}`;
  if (rnd() < 0.15) v += `+${pick(['build', '001', 'sha.5'])}`;
  if (rnd() < 0.1) v = pick(['v', '=', 'v=', ' ']) + v;
  if (rnd() < 0.05) v = pick(['1.2', '01.2.3', '1.2.3-01', '1.2.3-', 'V1.2.3', '1.2.3.4', 'x.y.z', '']);
  return v;
}

function partial(): string {
  const x = () => pick([...NUMBERS, 'x', 'X', '*']);
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return x();
    case 1:
      return `${x()}.${x()}`;
    case 2:
      return `${x()}.${x()}.${x()}`;
    default:
      return version().trim() || '1.2.3';
  }
}

function comparator(): string {
  const op = pick(['', '', '=', '<', '>', '<=', '>=', '^', '~', '~>']);
  return `${op}${rnd() < 0.15 ? ' ' : ''}${partial()}`;
}

function comparatorSet(): string {
  if (rnd() < 0.15) return `${partial()} - ${partial()}`;
  return Array.from({ length: 1 + Math.floor(rnd() * 3) }, comparator).join(' ');
}

function range(): string {
  if (rnd() < 0.03) return pick(['', '*', 'x', '>=', 'abc', '1.2.3 - ', '|| 1', '>=1.0.0 ||']);
  return Array.from({ length: 1 + Math.floor(rnd() * 2) }, comparatorSet).join(pick([' || ', '||']));
}

function oracleRange(text: string): semver.Range | 'invalid' {
  try {
    return new semver.Range(text);
  } catch {
    return 'invalid';
  }
}

describe('semver scheme against node-semver', () => {
  it(`agrees on validity and order for 20000 generated pairs (node-semver ${semver.SEMVER_SPEC_VERSION})`, () => {
    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = version();
      const b = version();
      const ca = semver.clean(a);
      const cb = semver.clean(b);
      if (semverScheme.isValid(a) !== (ca !== null)) disagreements.push(`valid ${JSON.stringify(a)}`);
      const expected = ca !== null && cb !== null ? semver.compare(ca, cb) : 'invalid';
      const actual = orInvalid(() => semverScheme.compare(a, b));
      if (expected !== actual) disagreements.push(`${a} vs ${b}: semver ${expected}, ours ${actual}`);
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
  });

  it('agrees on 20000 generated range checks', () => {
    const disagreements: string[] = [];
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const r = range();
      const v = version();
      const clean = semver.clean(v);
      const oracle = oracleRange(r);
      const expected = clean === null || oracle === 'invalid' ? 'invalid' : oracle.test(clean);
      if (expected === true) matched++;
      const actual = orInvalid(() => semverScheme.satisfies(v, r));
      if (expected !== actual)
        disagreements.push(
          `${JSON.stringify(v)} in ${JSON.stringify(r)}: semver ${expected}, ours ${actual}`,
        );
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(matched).toBeGreaterThan(1000);
  });
});
