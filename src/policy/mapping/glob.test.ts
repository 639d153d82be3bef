import { describe, expect, it } from 'vitest';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';
import { globMatch, globProblem } from './glob.js';

describe('globMatch', () => {
  it.each([
    ['*', 'anything/at:all', true],
    ['*', '', true],
    ['*', '*', true],
    ['latest', 'latest', true],
    ['latest', 'latest-dev', false],
    ['*-dev', '1.8-dev', true],
    ['*-dev', '1.8-dev2', false],
    ['v*', 'v3', true],
    ['v*', 'av3', false],
    ['payments/*', 'payments/api', true],
    ['payments/*', 'payments/team/api', true],
    ['payments/*', 'other/payments/api', false],
    ['CVE-2022-*+libxml2', 'CVE-2022-1234+libxml2', true],
    ['CVE-2022-*+libxml2', 'CVE-2022-1234+libxml2-utils', false],
    ['CVE-2016-6515+*', 'CVE-2016-6515+openssh-client', true],
    ['*binutils*', 'CVE-2014-9939+binutils', true],
    ['docker.io', 'docker.io', true],
    ['docker.io', 'dockerxio', false],
    ['a+b', 'a+b', true],
    ['a+b', 'aab', false],
    ['(x)', '(x)', true],
    ['regexp:nginx', 'nginx-extras', true],
    ['regexp:nginx', 'my-nginx', false],
    ['regexp:.*-dev$', 'app-dev', true],
    ['regexp:.*-dev$', 'app-dev-2', false],
    ['regexp:v[0-9]+', 'v12', true],
    ['regexp:v[0-9]+', 'latest', false],
    ['regexp:(?i)LATEST', 'latest', true],
    ['regexp:(bad', 'bad', false],
  ])('%j ~ %j → %s', (pattern, value, expected) => {
    expect(globMatch(pattern, value)).toBe(expected);
    // A second use hits the cache and must give the same answer.
    expect(globMatch(pattern, value)).toBe(expected);
  });

  it('only regexp: patterns can be invalid', () => {
    expect(globProblem('regexp:(bad')).toMatch(/^not a valid regular expression/);
    expect(globProblem('regexp:ok.*')).toBeUndefined();
    expect(globProblem('(bad')).toBeUndefined();
  });
});

describe('globMatch without an engine', () => {
  it('agrees with the glob as a regular expression (differential, 20,000 generated cases)', () => {
    const rnd = seededRandom(5122026);
    const pick = picker(rnd);
    const wrong: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const glob = Array.from({ length: Math.floor(rnd() * 6) }, () => pick([...'ab*.'])).join('');
      const value = Array.from({ length: Math.floor(rnd() * 7) }, () => pick([...'ab.'])).join('');
      const regex = new RegExp(
        `^${glob
          .split('*')
          .map((p) => p.replace(/\./g, '\\.'))
          .join('.*')}$`,
        's',
      );
      if (globMatch(glob, value) !== regex.test(value)) wrong.push(`${glob} ~ ${value}`);
    }
    expect(wrong).toEqual([]);
  });
});
