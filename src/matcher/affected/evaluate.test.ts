import { describe, expect, it } from 'vitest';
import { affected } from '../../../test/helpers/memory-vuln-store.js';
import { semverScheme } from '../../versioning/semver/index.js';
import type { Match } from '../../scan/types.js';
import { dedupeMatches } from './dedupe.js';
import { evaluate, moduleStream } from './evaluate.js';
import { rpmScheme } from '../../versioning/rpm/index.js';

const record = (fields: Parameters<typeof affected>[3]) =>
  affected('GHSA-x', 'npm', 'p', { scheme: 'semver', ...fields });

describe('evaluate', () => {
  it.each([
    [{ introduced: '1.0.0', fixed: '1.2.0' }, '1.0.0', true],
    [{ introduced: '1.0.0', fixed: '1.2.0' }, '1.2.0', false],
    [{ introduced: '1.0.0', lowerExclusive: true, fixed: '1.2.0' }, '1.0.0', false],
    [{ introduced: '1.0.0', lastAffected: '1.1.5' }, '1.1.5', true],
    [{ introduced: '1.0.0', lastAffected: '1.1.5' }, '1.1.6', false],
    [{ introduced: '0' }, '99.0.0', true],
    [{ introduced: '2.0.0' }, '1.9.9', false],
  ])('range %j, version %s → %s', (range, version, expected) => {
    expect(evaluate(version, record({ ranges: [range] }), semverScheme).affected).toBe(expected);
  });

  it('matches listed versions and constraints, and names what matched', () => {
    expect(evaluate('1.0.3', record({ versions: ['1.0.3'] }), semverScheme)).toEqual({
      affected: true,
      constraint: '=1.0.3',
    });
    expect(
      evaluate('4.17.11', record({ constraints: ['<4.17.12 || >=5.0.0 <5.0.1'] }), semverScheme),
    ).toEqual({
      affected: true,
      constraint: '<4.17.12 || >=5.0.0 <5.0.1',
    });
    expect(evaluate('4.17.12', record({ constraints: ['<4.17.12'] }), semverScheme).affected).toBe(false);
  });

  it('not-affected never matches; an empty fixed record matches nothing', () => {
    expect(
      evaluate('1.0.0', record({ fixState: 'not-affected', ranges: [{ introduced: '0' }] }), semverScheme)
        .affected,
    ).toBe(false);
    expect(evaluate('1.0.0', record({ fixState: 'fixed' }), semverScheme).affected).toBe(false);
  });
});

function match(id: string, aliases: string[], packageId = 'p1', fixed = true): Match {
  return {
    vulnerability: {
      id,
      aliases,
      severity: 'high',
      fix: { state: fixed ? 'fixed' : 'not-fixed', versions: fixed ? ['2'] : [] },
      cvss: [],
      references: [],
    },
    package: { id: packageId, name: 'p', version: '1', type: 'npm', locations: [] },
    details: {
      kind: 'ecosystem',
      namespace: 'npm',
      searchedName: 'p',
      searchedVersion: '1',
      constraint: '<2',
      provider: 't',
    },
  };
}

describe('dedupeMatches', () => {
  it('prefers the CVE id and lists the GHSA in aliases, per package', () => {
    const out = dedupeMatches([
      match('GHSA-a', ['CVE-1']),
      match('CVE-1', []),
      match('GHSA-a', ['CVE-1'], 'p2'),
    ]);
    expect(out.map((m) => [m.package.id, m.vulnerability.id, m.vulnerability.aliases])).toEqual([
      ['p1', 'CVE-1', ['GHSA-a']],
      ['p2', 'GHSA-a', ['CVE-1']],
    ]);
  });

  it('collapses the same id twice but never merges two CVEs a DSA names together', () => {
    const out = dedupeMatches([
      match('CVE-1', ['DSA-1']),
      match('CVE-2', ['DSA-1']),
      match('CVE-1', [], 'p1', false),
    ]);
    expect(out.map((m) => [m.vulnerability.id, m.vulnerability.fix.state]).sort()).toEqual([
      ['CVE-1', 'fixed'],
      ['CVE-2', 'fixed'],
    ]);
  });
});

describe('module streams (RHEL-family modular rpms)', () => {
  const ruby = affected('CVE-2023-28755', 'rhel:8', 'ruby', {
    scheme: 'rpm',
    ranges: [
      { fixed: '2.7.8-139.module+el8.8.0+18745+f1bef313', module: 'ruby:2.7' },
      { fixed: '3.1.4-141.module+el8.8.0+18744+0c6d8c54', module: 'ruby:3.1' },
    ],
    fixedVersions: ['2.7.8-139.module+el8.8.0+18745+f1bef313', '3.1.4-141.module+el8.8.0+18744+0c6d8c54'],
  });

  it('compares a package only with the fix of its own stream', () => {
    expect(evaluate('2.7.8-139.module+el8.8.0+18745+f1bef313', ruby, rpmScheme, 'ruby:2.7').affected).toBe(
      false,
    );
    expect(evaluate('2.7.8-138.module+el8.7.0+17000+aaaaaaaa', ruby, rpmScheme, 'ruby:2.7')).toEqual({
      affected: true,
      constraint: '<2.7.8-139.module+el8.8.0+18745+f1bef313',
    });
    expect(evaluate('3.1.4-141.module+el8.8.0+18744+0c6d8c54', ruby, rpmScheme, 'ruby:3.1').affected).toBe(
      false,
    );
  });

  it('without a known stream every range counts (a fixed 2.7 is still below the 3.1 fix)', () => {
    expect(evaluate('2.7.8-139.module+el8.8.0+18745+f1bef313', ruby, rpmScheme).affected).toBe(true);
  });

  it('reads the stream of a modularity label', () => {
    expect(moduleStream('ruby:2.7:8080020230427102918:63b34585')).toBe('ruby:2.7');
    expect(moduleStream('')).toBeUndefined();
    expect(moduleStream(undefined)).toBeUndefined();
  });
});

describe('module streams in data without stream tags (AlmaLinux, Rocky)', () => {
  const alma = affected('CVE-2021-31799', 'almalinux:8', 'ruby', {
    scheme: 'rpm',
    ranges: [
      { fixed: '2.7.4-137.module_el8.5.0+2577+aaaa' },
      { fixed: '3.0.2-140.module_el8.5.0+2595+0c654ebc' },
    ],
  });

  it("the runtime of a numeric stream is compared only with its stream's fix", () => {
    expect(evaluate('2.7.4-137.module_el8.5.0+2577+aaaa', alma, rpmScheme, 'ruby:2.7').affected).toBe(false);
    expect(evaluate('2.7.3-136.module_el8.4.0+2000+bbbb', alma, rpmScheme, 'ruby:2.7').affected).toBe(true);
  });

  it('other packages of the module keep every range', () => {
    const gem = { ...alma, package: 'rubygem-bson' };
    expect(evaluate('1.0.0-1.module_el8.3.0+7192+cccc', gem, rpmScheme, 'ruby:2.7').affected).toBe(true);
  });
});
