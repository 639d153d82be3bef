import { describe, expect, it } from 'vitest';
import { golangPurl } from './golang/purl.js';
import { packageUrl } from './package-url.js';

describe('packageUrl', () => {
  it('builds a purl from its parts', () => {
    expect(packageUrl('npm', '@scope', 'pkg', '1.0.0')).toBe('pkg:npm/%40scope/pkg@1.0.0');
    expect(packageUrl('gem', undefined, 'rack', '2.2.22', { platform: 'ruby' })).toBe(
      'pkg:gem/rack@2.2.22?platform=ruby',
    );
  });

  it('gives undefined for parts packageurl-js refuses, instead of throwing (found by fuzzing)', () => {
    // packageurl-js throws a ReferenceError of its own for a golang "v" version that is not semver.
    expect(() => golangPurl('example.com/m', 'v1.x')).not.toThrow();
    expect(golangPurl('example.com/m', 'v1.x')).toBeUndefined();
    expect(golangPurl('example.com/m', 'v1.2.3')).toBe('pkg:golang/example.com/m@v1.2.3');
    expect(packageUrl('npm', undefined, '', '1.0.0')).toBeUndefined();
  });
});
