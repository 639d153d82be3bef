import { describe, expect, it } from 'vitest';
import { LinearRegExp } from './linear-regexp.js';
import { picker, seededRandom } from '../../test/helpers/seeded-random.js';
import { literalPattern, literalPrefix } from './literal-pattern.js';

describe('literalPattern', () => {
  it.each([
    ['registry\\.example\\.com', { text: 'registry.example.com', wholeValue: false }],
    ['nginx', { text: 'nginx', wholeValue: false }],
    ['team/app-1$', { text: 'team/app-1', wholeValue: true }],
    ['a\\$b', { text: 'a$b', wholeValue: false }],
    ['', { text: '', wholeValue: false }],
  ])('%j is the text %j', (source, expected) => expect(literalPattern(source)).toEqual(expected));

  it.each(['a.b', 'a+', '[ab]', '\\d', '(?i)a', 'a|b', '^a', 'a$b', 'a\\'])('%j needs the engine', (source) =>
    expect(literalPattern(source)).toBeUndefined(),
  );

  it('matches at the start exactly where the engine does', () => {
    const values = [
      'registry.example.com',
      'registry.example.com/x',
      'registryXexample.com',
      'a$b',
      'xa$b',
      '',
    ];
    for (const source of ['registry\\.example\\.com', 'registry\\.example\\.com$', 'a\\$b', '']) {
      const literal = literalPattern(source)!;
      const engine = new LinearRegExp(source);
      for (const value of values) {
        const fast = literal.wholeValue ? value === literal.text : value.startsWith(literal.text);
        expect(fast, `${source} on ${value}`).toBe(engine.matchesAtStart(value));
      }
    }
  });
});

describe('literalPrefix', () => {
  it.each([
    ['team1/(app|svc)-[a-z]+', 'team1/'],
    ['v1\\.[0-9]+', 'v1.'],
    ['abc*', 'ab'],
    ['abc?d', 'ab'],
    ['ab{2}', 'a'],
    ['ab+', 'ab'],
    ['a|b', ''],
    ['(?i)abc', ''],
    ['[ab]c', ''],
    ['x(a|b)|y', ''],
    ['x[|]y', 'x'],
    ['\\d1', ''],
  ])('%j starts every match with %j', (source, prefix) => {
    expect(literalPrefix(source)).toBe(prefix);
  });

  it('is a prefix of every start-anchored match (differential, 20,000 generated cases)', () => {
    const rnd = seededRandom(6122026);
    const pick = picker(rnd);
    const tokens = [...'ab.|*+?()[]^$', '(?:', '\\.', '\\|', '[|]', 'a{2}', '[^a]', '\\d'];
    const wrong: string[] = [];
    let tried = 0;
    for (let n = 0; n < 20_000; n++) {
      const source = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(tokens)).join('');
      let regex: LinearRegExp;
      try {
        regex = new LinearRegExp(source);
      } catch {
        continue;
      }
      const value = Array.from({ length: Math.floor(rnd() * 5) }, () => pick([...'ab.|1'])).join('');
      if (!regex.matchesAtStart(value)) continue;
      tried++;
      if (!value.startsWith(literalPrefix(source))) wrong.push(`${source} ~ ${value}`);
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
  });
});
