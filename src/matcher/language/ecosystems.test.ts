import { describe, expect, it } from 'vitest';
import { pkg } from '../../../test/helpers/memory-vuln-store.js';
import type { MatcherContext } from '../types.js';
import { languageMatcher } from './index.js';

const context: MatcherContext = { distro: null, packagesById: new Map(), cpe: false };

describe('language lookups', () => {
  it.each([
    [pkg('npm', 'lodash', '4.17.11'), 'npm', 'lodash', '4.17.11', 'semver'],
    [pkg('python', 'Flask_SQLAlchemy', '3.0.0'), 'pypi', 'flask-sqlalchemy', '3.0.0', 'pep440'],
    [pkg('gem', 'rails', '7.0.0'), 'rubygems', 'rails', '7.0.0', 'gem'],
    [
      pkg('java', 'log4j-core', '2.14.1', { purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }),
      'maven',
      'org.apache.logging.log4j:log4j-core',
      '2.14.1',
      'maven',
    ],
    [
      pkg('java', 'guava', '31.0', { metadata: { groupId: 'com.google.guava', artifactId: 'guava' } }),
      'maven',
      'com.google.guava:guava',
      '31.0',
      'maven',
    ],
    [pkg('go', 'stdlib', 'go1.21.5'), 'go', 'stdlib', '1.21.5', 'golang'],
    [pkg('go', 'golang.org/x/net', 'v0.17.0'), 'go', 'golang.org/x/net', '0.17.0', 'golang'],
    [pkg('rust', 'smallvec', '1.6.0'), 'crates.io', 'smallvec', '1.6.0', 'semver'],
    [pkg('php', 'Symfony/HTTP-Kernel', 'v5.4.0'), 'packagist', 'symfony/http-kernel', '5.4.0', 'generic'],
    [pkg('dotnet', 'Newtonsoft.Json', '12.0.1'), 'nuget', 'newtonsoft.json', '12.0.1', 'nuget'],
  ])('%#: %s', (p, namespace, name, version, scheme) => {
    expect(languageMatcher.handles(p, context)).toBe(true);
    expect(languageMatcher.lookups(p, context)).toEqual([
      { kind: 'ecosystem', namespace, name, version, scheme },
    ]);
  });

  it('does not take OS or binary packages', () => {
    expect(languageMatcher.handles(pkg('deb', 'bash', '5'), context)).toBe(false);
    expect(languageMatcher.handles(pkg('binary', 'node', '20.0.0'), context)).toBe(false);
  });
});
