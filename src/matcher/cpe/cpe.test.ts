import { describe, expect, it } from 'vitest';
import { pkg } from '../../../test/helpers/memory-vuln-store.js';
import type { MatcherContext } from '../types.js';
import { cpeMatcher } from './index.js';

const context = (cpe: boolean): MatcherContext => ({ distro: null, packagesById: new Map(), cpe });

describe('cpe lookups (--cpe)', () => {
  const curl = pkg('binary', 'curl', '7.88.1', { purl: 'pkg:generic/haxx/curl@7.88.1' });

  it('is off unless asked', () => {
    expect(cpeMatcher.handles(curl, context(false))).toBe(false);
  });

  it('guesses vendor:product and says it is a guess', () => {
    expect(cpeMatcher.handles(curl, context(true))).toBe(true);
    const lookups = cpeMatcher.lookups(curl, context(true));
    expect(lookups.map((l) => [l.namespace, l.name, l.scheme])).toEqual([
      ['nvd:cpe', 'haxx:curl', 'generic'],
      ['nvd:cpe', 'curl:curl', 'generic'],
    ]);
    expect(lookups[0]!.note).toMatch(/guessed.*false positive/);
  });
});
