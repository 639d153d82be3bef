import { describe, expect, it } from 'vitest';
import { LinearRegExp } from './linear-regexp.js';
import { literalPattern } from './literal-pattern.js';

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
