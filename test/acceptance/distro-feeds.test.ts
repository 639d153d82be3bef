import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AffectedPackage, FeedItem, Vulnerability } from '../../src/vulndb/model.js';
import { alpineSecdbParser } from '../../src/vulndb/providers/alpine-secdb/index.js';
import { debianDsaParser, debianTrackerParser } from '../../src/vulndb/providers/debian/index.js';
import { epssParser } from '../../src/vulndb/providers/epss/index.js';
import { kevParser } from '../../src/vulndb/providers/kev/index.js';
import { nvdParser } from '../../src/vulndb/providers/nvd/index.js';
import { redhatCsafParser } from '../../src/vulndb/providers/redhat/index.js';
import type { FeedFile, FeedParser } from '../../src/vulndb/providers/types.js';

const VULNDB = path.resolve(fileURLToPath(new URL('../../../shared/data/vulndb', import.meta.url)));
const PARSERS = [
  debianTrackerParser,
  debianDsaParser,
  alpineSecdbParser,
  redhatCsafParser,
  nvdParser,
  epssParser,
  kevParser,
];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function feedFile(full: string, content = readFileSync(full)): FeedFile {
  return { location: path.relative(VULNDB, full), name: path.basename(full), content };
}

function parseAll(parser: FeedParser, file: FeedFile): FeedItem[] {
  return [...(parser.parse(file) as Iterable<FeedItem>)];
}

type VulnItem = { vulnerability: Vulnerability; affected: AffectedPackage[] };

function vulns(items: FeedItem[]): VulnItem[] {
  return items.flatMap((item) => (item.kind === 'vulnerability' ? [item] : []));
}

function affectedOf(
  items: FeedItem[],
  id: string,
  namespace: string,
  pkg: string,
): AffectedPackage | undefined {
  return vulns(items)
    .flatMap((item) => item.affected)
    .find((a) => a.vulnerabilityId === id && a.namespace === namespace && a.package === pkg);
}

const FOLDERS = [
  'debian',
  'debian-tracker-sample',
  'alpine-secdb',
  'wolfi-sample',
  'rhel-sample',
  'nvd-sample',
  'epss',
  'kev',
];
const BROKEN_EPSS = ['invalid-header.csv', 'missing-date.csv'];

describe.skipIf(!existsSync(VULNDB))('distro, NVD, EPSS and KEV feeds over ../shared/data/vulndb', () => {
  const results = new Map<string, { parser: string; items: FeedItem[] }>();
  for (const folder of FOLDERS) {
    for (const full of walk(path.join(VULNDB, folder))) {
      const file = feedFile(full);
      const claimed = PARSERS.filter((parser) => parser.detect(file));
      if (claimed.length > 1)
        throw new Error(`${file.location} claimed by ${claimed.map((p) => p.name).join(', ')}`);
      const parser = claimed[0];
      if (parser) results.set(file.location, { parser: parser.name, items: parseAll(parser, file) });
    }
  }
  const itemsOf = (location: string): FeedItem[] => results.get(location)?.items ?? [];

  it('claims every feed file it should, and nothing else (OSV, READMEs, hydra JSON)', () => {
    const claimed = [...results.keys()];
    expect(claimed.filter((l) => l.startsWith('alpine-secdb/'))).toHaveLength(18);
    expect(claimed.filter((l) => l.startsWith('rhel-sample/csaf/'))).toHaveLength(8);
    expect(results.get('wolfi-sample/wolfi/secdb/security.json')?.parser).toBe('alpine-secdb');
    expect(results.get('debian-tracker-sample/DSA')?.parser).toBe('debian-dsa');
    expect(results.get('debian/bookworm-changelog-derived.tracker.json')?.parser).toBe('debian');
    expect(claimed.some((l) => l.includes('/osv/') || l.endsWith('README.md') || l.includes('hydra'))).toBe(
      false,
    );
  });

  it('rejects nothing in the good files, and both broken EPSS files with a reason', () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const [location, { parser, items }] of results) {
      const count = (counts[parser] ??= {});
      for (const item of items) {
        count[item.kind] = (count[item.kind] ?? 0) + 1;
        if (item.kind === 'vulnerability') count.affected = (count.affected ?? 0) + item.affected.length;
      }
      const rejected = items.filter((item) => item.kind === 'rejected');
      if (BROKEN_EPSS.some((name) => location.endsWith(name))) {
        expect(rejected, location).toHaveLength(1);
        expect(items, location).toHaveLength(1);
      } else {
        expect(rejected, location).toEqual([]);
      }
    }
    console.log('distro feeds:', JSON.stringify(counts));
    const reasons = BROKEN_EPSS.map((name) => itemsOf(`epss/${name}`)[0]);
    expect(reasons[0]).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/header/) });
    expect(reasons[1]).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/score date/) });
  });

  it('Debian: bookworm changelog data and the tracker sample', () => {
    const items = itemsOf('debian/bookworm-changelog-derived.tracker.json');
    expect(vulns(items).length).toBeGreaterThan(500);
    const glibc = affectedOf(items, 'CVE-2023-4911', 'debian:12', 'glibc');
    expect(glibc).toMatchObject({ fixState: 'fixed', scheme: 'deb', fixedVersions: ['2.36-9+deb12u3'] });
    expect(glibc?.ranges).toEqual([{ fixed: '2.36-9+deb12u3' }]);
    expect(affectedOf(items, 'CVE-2023-6246', 'debian:12', 'glibc')?.fixedVersions).toEqual([
      '2.36-9+deb12u4',
    ]);
    const sample = itemsOf('debian-tracker-sample/debian.json');
    expect(affectedOf(sample, 'CVE-2007-2383', 'debian:10', 'prototypejs')).toMatchObject({
      fixState: 'not-affected',
      severity: 'negligible',
    });
    expect(affectedOf(sample, 'CVE-2022-0456', 'debian:10', 'chromium')).toMatchObject({
      fixState: 'wont-fix',
    });
    expect(affectedOf(sample, 'CVE-2022-0456', 'debian:unstable', 'chromium')?.fixedVersions).toEqual([
      '98.0.4758.80-1',
    ]);
    const dsa = vulns(itemsOf('debian-tracker-sample/DSA')).find((v) => v.vulnerability.id === 'DSA-5970-1');
    expect(dsa?.vulnerability.aliases).toEqual(['CVE-2025-53603']);
    expect(dsa?.affected[0]).toMatchObject({
      namespace: 'debian:12',
      package: 'sope',
      fixedVersions: ['5.8.0-1+deb12u1'],
    });
  });

  it('Alpine, Wolfi and Chainguard secdb', () => {
    const items = itemsOf('alpine-secdb/v3.8/main.yaml');
    expect(affectedOf(items, 'CVE-2019-10206', 'alpine:3.8', 'ansible')?.fixedVersions).toEqual([
      '2.6.19-r0',
    ]);
    const xen = vulns(items).find((v) => v.vulnerability.id === 'CVE-2018-3639');
    expect(xen?.vulnerability.aliases).toContain('XSA-263');
    const wolfi = itemsOf('wolfi-sample/wolfi/secdb/security.json');
    expect(affectedOf(wolfi, 'CVE-2016-2781', 'wolfi:rolling', 'coreutils')?.fixState).toBe('not-affected');
    const chainguard = vulns(itemsOf('wolfi-sample/chainguard/secdb/security.json'));
    expect(new Set(chainguard.flatMap((v) => v.affected.map((a) => a.namespace)))).toEqual(
      new Set(['chainguard:rolling']),
    );
  });

  it('Red Hat CSAF: source rpm EVRs per RHEL major, binaries folded in', () => {
    const python = itemsOf('rhel-sample/csaf/advisories/2024/rhsa-2024_6163.json');
    const fix = affectedOf(python, 'CVE-2024-8088', 'rhel:9', 'python3.9');
    expect(fix).toMatchObject({
      fixState: 'fixed',
      scheme: 'rpm',
      fixedVersions: ['3.9.18-3.el9_4.5'],
      severity: 'medium',
    });
    expect(vulns(python)[0]?.vulnerability.aliases).toEqual(['RHSA-2024:6163']);
    const bind = itemsOf('rhel-sample/csaf/advisories/2025/rhsa-2025_23414.json');
    expect(affectedOf(bind, 'CVE-2025-40778', 'rhel:6', 'bind')).toMatchObject({
      fixState: 'fixed',
      fixedVersions: ['32:9.8.2-0.68.rc1.el6_10.17'],
      severity: 'high',
    });
    const ruby = itemsOf('rhel-sample/csaf/advisories/rhsa-2023_3821.json');
    expect(affectedOf(ruby, 'CVE-2023-28755', 'rhel:8', 'ruby')?.ranges).toEqual([
      { fixed: '2.7.8-139.module+el8.8.0+18745+f1bef313', module: 'ruby:2.7' },
    ]);
    const sudo = itemsOf('rhel-sample/csaf/advisories/rhsa-2024_0811.json');
    expect(affectedOf(sudo, 'CVE-2023-28486', 'rhel:8', 'sudo')?.fixedVersions).toEqual(['1.9.5p2-1.el8_9']);
    for (const { affected } of vulns(sudo)) expect(affected.every((a) => a.package === 'sudo')).toBe(true);
  });

  it('NVD, EPSS (plain and gzip) and KEV', () => {
    const nvd = vulns(itemsOf('nvd-sample/full-page.json'));
    expect(nvd).toHaveLength(38);
    const single = vulns(itemsOf('nvd-sample/single-entry.json'))[0];
    expect(single?.vulnerability).toMatchObject({ id: 'CVE-2022-1576', severity: 'medium' });
    expect(single?.affected[0]).toMatchObject({
      namespace: 'nvd:cpe',
      package: 'themeisle:wp_maintenance_mode_\\&_coming_soon',
      ranges: [{ fixed: '2.4.5' }],
    });
    const epss = itemsOf('epss/example-1.csv');
    expect(epss).toContainEqual({
      kind: 'epss',
      score: { cve: 'CVE-1999-0005', score: 0.91963, percentile: 0.99214, date: '2025-02-20' },
    });
    const full = path.join(VULNDB, 'epss/example-1.csv');
    const gz = feedFile(`${full}.gz`, gzipSync(readFileSync(full)));
    expect(epssParser.detect(gz)).toBe(true);
    expect(parseAll(epssParser, gz)).toEqual(epss);
    const kev = itemsOf('kev/known_exploited_vulnerabilities.json');
    expect(kev).toHaveLength(1404);
    expect(kev[0]).toMatchObject({ kind: 'kev', entry: { cve: 'CVE-2025-48384', dateAdded: '2025-08-25' } });
  });
});
