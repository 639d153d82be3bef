import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import type { FeedFile } from '../types.js';
import { nvdParser } from './index.js';

function file(body: unknown): FeedFile {
  return { location: 'nvd/page.json', name: 'page.json', content: Buffer.from(JSON.stringify(body)) };
}

function parse(body: unknown): FeedItem[] {
  return [...(nvdParser.parse(file(body)) as Iterable<FeedItem>)];
}

const metric = (version: string, vectorString: string, baseScore: number, type: string) => ({
  source: type === 'Primary' ? 'nvd@nist.gov' : 'cna@example.org',
  type,
  cvssData: { version, vectorString, baseScore },
});

const PAGE = {
  format: 'NVD_CVE',
  version: '2.0',
  totalResults: 3,
  vulnerabilities: [
    {
      cve: {
        id: 'CVE-2024-0001',
        published: '2024-01-02T03:04:05.006',
        lastModified: '2024-02-02T03:04:05.006',
        vulnStatus: 'Analyzed',
        descriptions: [
          { lang: 'es', value: 'Una falla' },
          { lang: 'en', value: 'A flaw in libfoo.' },
        ],
        metrics: {
          cvssMetricV31: [
            metric('3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'Secondary'),
            metric('3.1', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:H', 5.3, 'Primary'),
          ],
          cvssMetricV2: [metric('2.0', 'AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5, 'Primary')],
        },
        references: [{ url: 'https://example.org/a' }, { url: 'https://example.org/a' }],
        configurations: [
          {
            operator: 'AND',
            nodes: [
              {
                operator: 'OR',
                cpeMatch: [
                  {
                    vulnerable: true,
                    criteria: 'cpe:2.3:a:foo:libfoo:*:*:*:*:*:*:*:*',
                    versionStartIncluding: '1.0',
                    versionEndExcluding: '1.4.2',
                  },
                  {
                    vulnerable: true,
                    criteria: 'cpe:2.3:a:foo:libfoo:*:*:*:*:*:*:*:*',
                    versionStartExcluding: '2.0',
                    versionEndIncluding: '2.3',
                  },
                  { vulnerable: true, criteria: 'cpe:2.3:a:foo:libfoo:0.9:*:*:*:*:*:*:*' },
                  { vulnerable: true, criteria: 'cpe:2.3:a:foo:foo\\:cli:*:*:*:*:*:*:*:*' },
                ],
              },
              {
                operator: 'OR',
                cpeMatch: [{ vulnerable: false, criteria: 'cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*' }],
              },
            ],
          },
        ],
      },
    },
    {
      cve: {
        id: 'CVE-2024-0002',
        vulnStatus: 'Rejected',
        published: '2024-01-01T00:00:00.000',
        lastModified: '2024-03-01T00:00:00.000',
        descriptions: [],
      },
    },
    { cve: { published: '2024-01-01T00:00:00.000' } },
    {
      cve: {
        id: 'CVE-2024-0003',
        configurations: [{ nodes: [{ cpeMatch: [{ vulnerable: true, criteria: 'cpe:/a:old:format' }] }] }],
      },
    },
  ],
};

describe('nvdParser', () => {
  const items = parse(PAGE);
  const vulns = items.flatMap((item) => (item.kind === 'vulnerability' ? [item] : []));

  it('claims NVD_CVE responses only', () => {
    expect(nvdParser.detect(file(PAGE))).toBe(true);
    expect(nvdParser.detect(file({ catalogVersion: '1', vulnerabilities: [] }))).toBe(false);
  });

  it('reads the record: English description, UTC dates, deduplicated references, all CVSS', () => {
    expect(vulns[0]?.vulnerability).toMatchObject({
      id: 'CVE-2024-0001',
      description: 'A flaw in libfoo.',
      published: '2024-01-02T03:04:05.006Z',
      modified: '2024-02-02T03:04:05.006Z',
      references: ['https://example.org/a'],
      provider: 'nvd',
    });
    expect(vulns[0]?.vulnerability.cvss.map((c) => c.baseScore)).toEqual([9.8, 5.3, 7.5]);
  });

  it("takes the severity from the newest version's primary metric", () => {
    expect(vulns[0]?.vulnerability.severity).toBe('medium');
  });

  it('keeps vulnerable CPE matches as nvd:cpe vendor:product ranges', () => {
    const [libfoo, cli] = vulns[0]?.affected ?? [];
    expect(vulns[0]?.affected).toHaveLength(2);
    expect(libfoo).toMatchObject({
      namespace: 'nvd:cpe',
      package: 'foo:libfoo',
      scheme: 'generic',
      ranges: [
        { introduced: '1.0', fixed: '1.4.2' },
        { introduced: '2.0', lowerExclusive: true, lastAffected: '2.3' },
      ],
      versions: ['0.9'],
      fixState: 'fixed',
      fixedVersions: ['1.4.2'],
    });
    expect(cli).toMatchObject({ package: 'foo:foo\\:cli', ranges: [{}], fixState: 'not-fixed' });
  });

  it('marks rejected CVEs withdrawn', () => {
    expect(vulns[1]?.vulnerability).toMatchObject({
      id: 'CVE-2024-0002',
      withdrawn: '2024-03-01T00:00:00.000Z',
    });
  });

  it('rejects entries without an id and unreadable criteria, keeping the rest', () => {
    expect(items.filter((item) => item.kind === 'rejected')).toEqual([
      { kind: 'rejected', location: 'nvd/page.json#vulnerabilities[2]', reason: 'CVE entry without an id' },
      {
        kind: 'rejected',
        location: 'nvd/page.json#vulnerabilities[3] (CVE-2024-0003)',
        reason: 'unreadable CPE match criteria cpe:/a:old:format',
      },
    ]);
    expect(vulns.map((v) => v.vulnerability.id)).toEqual(['CVE-2024-0001', 'CVE-2024-0002', 'CVE-2024-0003']);
    expect(parse({ format: 'OTHER' })).toEqual([expect.objectContaining({ kind: 'rejected' })]);
  });
});
