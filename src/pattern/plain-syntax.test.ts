import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { picker, seededRandom } from '../../test/helpers/seeded-random.js';
import { LinearRegExp, PatternSyntaxError } from './linear-regexp.js';
import { certainlyCompiles } from './plain-syntax.js';

const TOKENS = [
  ...'ab0-_./:^$|*+?()[]{}\\',
  '(?:',
  '(?i)',
  '(?P<n>',
  '[^',
  '\\d',
  '\\W',
  '\\s',
  '\\b',
  '\\.',
  '\\-',
  '\\/',
  '\\x',
  '\\1',
  'a-z',
  'z-a',
  '\\d-z',
  '{2}',
  '*?',
  '[:alpha:]',
  'é',
];

function compilesOnRe2(source: string): boolean {
  try {
    RE2JS.compile(source);
    return true;
  } catch {
    return false;
  }
}

describe('certainlyCompiles', () => {
  it('holds only for patterns the engine compiles (differential, 60,000 generated patterns)', () => {
    const rnd = seededRandom(20261206);
    const pick = picker(rnd);
    let claimed = 0;
    let compiled = 0;
    const wrong: string[] = [];
    for (let n = 0; n < 60_000; n++) {
      const length = 1 + Math.floor(rnd() * 10);
      const source = Array.from({ length }, () => pick(TOKENS)).join('');
      const ok = compilesOnRe2(source);
      if (ok) compiled++;
      if (!certainlyCompiles(source)) continue;
      claimed++;
      if (!ok) wrong.push(source);
    }
    expect(wrong).toEqual([]);
    // The subset is not empty: a good share of what compiles is recognised without compiling.
    expect(claimed).toBeGreaterThan(compiled / 10);
  });

  it.each([
    'team1/(app|svc)-[a-z]+',
    'v1\\.[0-9]+',
    '^(?:[A-Za-z0-9_-]+\\.)*example\\.com$',
    'a*?b+?c??',
    '[-a]|[a-]|[\\d\\w.]',
    '',
  ])('recognises the plain pattern %j', (source) => {
    expect(certainlyCompiles(source)).toBe(true);
    expect(compilesOnRe2(source)).toBe(true);
  });

  it.each(['(', ')', 'a**', '*a', '[z-a]', '[]a]', 'a{2}', '(?i)a', '(?P<n>a)', '\\p{L}', '[[:alpha:]]'])(
    'leaves %j to the engine',
    (source) => {
      expect(certainlyCompiles(source)).toBe(false);
    },
  );

  it('compiles a plain pattern on first use, and a bad one at once', () => {
    const plain = new LinearRegExp('team(app|svc)-[a-z]+');
    expect(plain.test('xteamsvc-abc')).toBe(true);
    expect(plain.exec('teamapp-q')?.[1]).toBe('app');
    expect(() => new LinearRegExp('(a)\\1')).toThrow(PatternSyntaxError);
  });
});
