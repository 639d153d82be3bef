import { describe, expect, it } from 'vitest';
import { flattenNpmLs } from './npm-ls.js';

describe('npm ls --json flattening', () => {
  it('lists every installed name@version once, without the root or missing ones', () => {
    const tree = {
      version: '1.0.0',
      dependencies: {
        express: {
          version: '4.17.1',
          dependencies: {
            debug: { version: '2.6.9', dependencies: { ms: { version: '2.0.0' } } },
            qs: { version: '6.7.0' },
          },
        },
        'body-parser': { version: '1.19.0', dependencies: { debug: { version: '2.6.9' } } },
        '@sindresorhus/is': { version: '0.7.0' },
        absent: { missing: true },
      },
    };
    expect(flattenNpmLs(tree).map((p) => `${p.name}@${p.version}`)).toEqual([
      '@sindresorhus/is@0.7.0',
      'body-parser@1.19.0',
      'debug@2.6.9',
      'express@4.17.1',
      'ms@2.0.0',
      'qs@6.7.0',
    ]);
  });

  it('walks the children of a package whose first occurrence is a childless deduped entry', () => {
    const tree = {
      dependencies: {
        'body-parser': { version: '1.19.0', dependencies: { debug: { version: '2.6.9' } } },
        express: {
          version: '4.17.1',
          dependencies: { debug: { version: '2.6.9', dependencies: { ms: { version: '2.0.0' } } } },
        },
      },
    };
    expect(flattenNpmLs(tree).map((p) => `${p.name}@${p.version}`)).toContain('ms@2.0.0');
  });
});
