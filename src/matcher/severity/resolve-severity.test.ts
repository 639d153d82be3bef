import { describe, expect, it } from 'vitest';
import { affected, vulnerability } from '../../../test/helpers/memory-vuln-store.js';
import type { Cvss, Vulnerability } from '../../vulndb/model.js';
import { mergeSameId } from '../../vulndb/store/rows/merge-vulnerabilities.js';
import type { StoredVulnerability } from '../../vulndb/store/types.js';
import { chooseVector } from './choose-vector.js';
import { ownSeverity, SeverityFallbacks } from './resolve-severity.js';

const CRITICAL_VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

function cvss(version: string, baseScore: number, source = 'nvd@nist.gov'): Cvss {
  const vector =
    version === '2.0' ? 'AV:N/AC:L/Au:N/C:P/I:P/A:P' : `CVSS:${version}/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`;
  return { version, vector, baseScore, source };
}

/** The records `store.vulnerabilities` would return, merged per id as the stores merge them. */
function records(...vulns: Vulnerability[]): Map<string, StoredVulnerability> {
  const byId = new Map<string, Vulnerability[]>();
  for (const v of vulns) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
  return new Map([...byId].map(([id, list]) => [id, mergeSameId(list)!]));
}

const debianLookup = { kind: 'distro', namespace: 'debian:12' } as const;
const goLookup = { kind: 'ecosystem', namespace: 'go' } as const;
const nvd = (id: string, ...scores: Cvss[]): Vulnerability =>
  vulnerability(id, { provider: 'nvd', severity: 'unknown', cvss: scores });
const unrated = (id: string, provider: string, aliases: string[] = []): Vulnerability =>
  vulnerability(id, { provider, severity: 'unknown', aliases });

/** What a match on `record` gets: its own verdict, else the fallbacks. */
function resolve(
  record: ReturnType<typeof affected>,
  lookup: { kind: 'distro' | 'ecosystem'; namespace: string },
  db: Map<string, StoredVulnerability>,
) {
  return (
    ownSeverity(record, lookup, db.get(record.vulnerabilityId)) ??
    new SeverityFallbacks(db).for(record.vulnerabilityId)
  );
}

describe('severity: the record first, then NVD CVSS v3.x, then GHSA', () => {
  it('a Debian record with no severity takes NVD CVSS 9.8 for the same CVE: critical, from nvd', () => {
    const db = records(unrated('CVE-2024-1', 'debian'), nvd('CVE-2024-1', cvss('3.1', 9.8)));
    const record = affected('CVE-2024-1', 'debian:12', 'zlib', { provider: 'debian' });
    expect(resolve(record, debianLookup, db)).toEqual({
      severity: 'critical',
      source: {
        source: 'nvd',
        id: 'CVE-2024-1',
        cvss: { version: '3.1', vector: CRITICAL_VECTOR, baseScore: 9.8, source: 'nvd@nist.gov' },
      },
    });
  });

  it('a Debian record with its own urgency keeps it, whatever NVD says', () => {
    const db = records(unrated('CVE-2024-1', 'debian'), nvd('CVE-2024-1', cvss('3.1', 9.8)));
    const record = affected('CVE-2024-1', 'debian:12', 'zlib', { provider: 'debian', severity: 'low' });
    expect(resolve(record, debianLookup, db)).toEqual({
      severity: 'low',
      source: { source: 'debian', id: 'CVE-2024-1' },
    });
  });

  it("the distro record's own rating of the flaw comes before NVD when the package has none", () => {
    const db = records(
      vulnerability('CVE-2024-1', { provider: 'debian', severity: 'medium' }),
      nvd('CVE-2024-1', cvss('3.1', 9.8)),
    );
    const record = affected('CVE-2024-1', 'debian:12', 'zlib', { provider: 'debian' });
    expect(resolve(record, debianLookup, db)?.source).toEqual({ source: 'debian', id: 'CVE-2024-1' });
    expect(resolve(record, debianLookup, db)?.severity).toBe('medium');
  });

  it('a record under its own id (a Debian OSV id) finds NVD through its CVE alias', () => {
    const db = records(
      unrated('DEBIAN-CL-CVE-2024-2-zlib', 'osv', ['CVE-2024-2']),
      nvd('CVE-2024-2', cvss('3.1', 5.3)),
    );
    const record = affected('DEBIAN-CL-CVE-2024-2-zlib', 'debian:12', 'zlib', { provider: 'osv' });
    expect(resolve(record, debianLookup, db)).toMatchObject({
      severity: 'medium',
      source: { source: 'nvd', id: 'CVE-2024-2', cvss: { baseScore: 5.3 } },
    });
  });

  it('a Go record: NVD v3.x before GHSA, GHSA before NVD v2', () => {
    const go = unrated('GO-2024-1', 'osv', ['CVE-2024-3', 'GHSA-aaaa-bbbb-cccc']);
    const ghsa = vulnerability('GHSA-aaaa-bbbb-cccc', {
      provider: 'osv',
      severity: 'high',
      cvss: [cvss('3.1', 7.5, 'ghsa')],
    });
    const record = affected('GO-2024-1', 'go', 'example.com/m', { provider: 'osv', scheme: 'golang' });
    const withV3 = records(go, ghsa, nvd('CVE-2024-3', cvss('3.1', 9.1), cvss('2.0', 5)));
    expect(resolve(record, goLookup, withV3)?.source).toMatchObject({ source: 'nvd', id: 'CVE-2024-3' });
    expect(resolve(record, goLookup, withV3)?.severity).toBe('critical');
    const v2Only = records(go, ghsa, nvd('CVE-2024-3', cvss('2.0', 5)));
    expect(resolve(record, goLookup, v2Only)).toMatchObject({
      severity: 'high',
      source: { source: 'ghsa', id: 'GHSA-aaaa-bbbb-cccc', cvss: { baseScore: 7.5 } },
    });
    const noGhsa = records(go, nvd('CVE-2024-3', cvss('2.0', 5)));
    expect(resolve(record, goLookup, noGhsa)).toMatchObject({
      severity: 'medium',
      source: { source: 'nvd', id: 'CVE-2024-3', cvss: { version: '2.0', baseScore: 5 } },
    });
  });

  it('a GHSA advisory without a vector gives its word (no cvss); nothing known stays undefined', () => {
    const go = unrated('GO-2024-1', 'osv', ['GHSA-aaaa-bbbb-cccc']);
    const record = affected('GO-2024-1', 'go', 'example.com/m', { provider: 'osv', scheme: 'golang' });
    const word = records(go, vulnerability('GHSA-aaaa-bbbb-cccc', { provider: 'osv', severity: 'medium' }));
    expect(resolve(record, goLookup, word)).toEqual({
      severity: 'medium',
      source: { source: 'ghsa', id: 'GHSA-aaaa-bbbb-cccc' },
    });
    expect(resolve(record, goLookup, records(go))).toBeUndefined();
  });

  it("NVD's own analysis before a CNA's score, and a withdrawn NVD record counts for nothing", () => {
    const record = affected('CVE-2024-4', 'debian:12', 'zlib', { provider: 'debian' });
    const both = records(
      unrated('CVE-2024-4', 'debian'),
      nvd('CVE-2024-4', cvss('3.1', 9.8, 'cna@example.test'), cvss('3.0', 7.5)),
    );
    expect(resolve(record, debianLookup, both)).toMatchObject({
      severity: 'high',
      source: { cvss: { baseScore: 7.5 } },
    });
    const withdrawn = records(unrated('CVE-2024-4', 'debian'), {
      ...nvd('CVE-2024-4', cvss('3.1', 9.8)),
      withdrawn: '2024-05-01T00:00:00Z',
    });
    // The merged record is not withdrawn (Debian still holds it), but NVD's alone is.
    expect(resolve(record, debianLookup, withdrawn)).toBeUndefined();
  });

  it('an advisory rates itself before a per-package word, and is labelled ghsa', () => {
    const db = records(
      vulnerability('GHSA-x', { provider: 'osv', severity: 'high', cvss: [cvss('3.1', 8.1, 'osv')] }),
    );
    const record = affected('GHSA-x', 'npm', 'lodash', {
      provider: 'osv',
      scheme: 'semver',
      severity: 'low',
    });
    expect(resolve(record, { kind: 'ecosystem', namespace: 'npm' }, db)).toMatchObject({
      severity: 'high',
      source: { source: 'ghsa', id: 'GHSA-x', cvss: { baseScore: 8.1 } },
    });
  });

  it("another feed's rating of the same CVE comes after NVD v3.x and GHSA, before NVD v2", () => {
    const record = affected('CVE-2023-28755', 'debian:12', 'ruby3.1', { provider: 'debian' });
    const rubysec = vulnerability('CVE-2023-28755', {
      provider: 'rubysec',
      severity: 'high',
      aliases: ['GHSA-hv5j-3h9f-99c2'],
      cvss: [cvss('3.1', 7.5, 'rubysec')],
    });
    const debian = unrated('CVE-2023-28755', 'debian');
    expect(
      resolve(record, debianLookup, records(debian, rubysec, nvd('CVE-2023-28755', cvss('2.0', 5)))),
    ).toMatchObject({
      severity: 'high',
      source: { source: 'rubysec', id: 'CVE-2023-28755', cvss: { baseScore: 7.5 } },
    });
    const withNvd = records(debian, rubysec, nvd('CVE-2023-28755', cvss('3.1', 5.3)));
    expect(resolve(record, debianLookup, withNvd)).toMatchObject({
      severity: 'medium',
      source: { source: 'nvd' },
    });
    const withGhsa = records(
      debian,
      rubysec,
      vulnerability('GHSA-hv5j-3h9f-99c2', {
        provider: 'osv',
        severity: 'low',
        cvss: [cvss('3.1', 3.1, 'ghsa')],
      }),
    );
    expect(resolve(record, debianLookup, withGhsa)).toMatchObject({
      severity: 'low',
      source: { source: 'ghsa' },
    });
  });

  it('asks for the CVE and GHSA aliases not fetched yet, nothing else', () => {
    const db = records(
      unrated('GO-1', 'osv', ['CVE-2024-1', 'GHSA-a', 'PYSEC-1']),
      unrated('DEBIAN-CL-CVE-2024-1-zlib', 'osv', ['CVE-2024-1']),
      unrated('CVE-2024-9', 'debian'),
    );
    expect(SeverityFallbacks.aliasIds(db)).toEqual(['CVE-2024-1', 'GHSA-a']);
    expect(
      SeverityFallbacks.aliasIds(
        records(unrated('GO-1', 'osv', ['CVE-2024-9']), unrated('CVE-2024-9', 'nvd')),
      ),
    ).toEqual([]);
  });
});

describe('CVSS v3 score to severity (the specification table)', () => {
  it.each([
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    [9.8, 'critical'],
    [10, 'critical'],
  ] as const)('NVD v3.1 base score %s -> %s', (score, expected) => {
    const db = records(unrated('CVE-2024-1', 'debian'), nvd('CVE-2024-1', cvss('3.1', score)));
    expect(new SeverityFallbacks(db).for('CVE-2024-1')?.severity).toBe(expected);
  });

  it('chooses v3.1 before v3.0 and the NVD analyst before a CNA within a version', () => {
    const list = [cvss('3.0', 9.8), cvss('3.1', 9.1, 'cna@example.test'), cvss('3.1', 5.0), cvss('4.0', 10)];
    expect(chooseVector(list, ['3'])).toEqual(cvss('3.1', 5.0));
    expect(chooseVector(list, ['4', '3'])?.version).toBe('4.0');
    expect(chooseVector([cvss('2.0', 5)], ['3'])).toBeUndefined();
  });
});
