// Runs the OSV and legacy language-feed parsers over the real feed copies in ../shared (skipped
// when that folder is absent: a user's clone does not have it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AffectedPackage, FeedItem, Vulnerability } from '../../src/vulndb/model.js';
import { friendsOfPhpParser } from '../../src/vulndb/providers/friendsofphp/index.js';
import { npmSecurityWgParser } from '../../src/vulndb/providers/npm-security-wg/index.js';
import { osvParser } from '../../src/vulndb/providers/osv/index.js';
import { rubysecParser } from '../../src/vulndb/providers/rubysec/index.js';
import type { FeedFile, FeedParser } from '../../src/vulndb/providers/types.js';

const VULNDB = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'vulndb');
const PARSERS = [osvParser, npmSecurityWgParser, rubysecParser, friendsOfPhpParser];

interface Feed {
  folder: string;
  parser: FeedParser;
  /** The Done-means: not one record of these feeds may be rejected. */
  noRejects: boolean;
}

const FEEDS: Feed[] = [
  { folder: 'osv/go', parser: osvParser, noRejects: true },
  { folder: 'osv/crates.io', parser: osvParser, noRejects: true },
  { folder: 'osv/pypi', parser: osvParser, noRejects: true },
  { folder: 'osv/almalinux', parser: osvParser, noRejects: true },
  { folder: 'osv/npm-ghsa-sample', parser: osvParser, noRejects: true },
  { folder: 'debian/osv', parser: osvParser, noRejects: false },
  { folder: 'ubuntu-sample', parser: osvParser, noRejects: false },
  { folder: 'wolfi-sample/chainguard/osv', parser: osvParser, noRejects: false },
  { folder: 'npm-security-wg', parser: npmSecurityWgParser, noRejects: true },
  { folder: 'rubysec', parser: rubysecParser, noRejects: true },
  { folder: 'packagist', parser: friendsOfPhpParser, noRejects: true },
];

interface FeedRun {
  files: number;
  claimed: number;
  /** Files another of these parsers claims as well (or instead). */
  contested: string[];
  records: Map<string, { vulnerability: Vulnerability; affected: AffectedPackage[] }[]>;
  vulnerabilities: number;
  rejected: { location: string; reason: string }[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

async function run(feed: Feed): Promise<FeedRun> {
  const result: FeedRun = {
    files: 0,
    claimed: 0,
    contested: [],
    records: new Map(),
    vulnerabilities: 0,
    rejected: [],
  };
  for (const path of listFiles(join(VULNDB, feed.folder))) {
    result.files++;
    const file: FeedFile = {
      location: relative(VULNDB, path),
      name: basename(path),
      content: readFileSync(path),
    };
    const claimers = PARSERS.filter((parser) => parser.detect(file));
    if (claimers.length > 1 || (claimers.length === 1 && claimers[0] !== feed.parser)) {
      result.contested.push(file.location);
    }
    if (!claimers.includes(feed.parser)) continue;
    result.claimed++;
    for await (const item of feed.parser.parse(file) as AsyncIterable<FeedItem>) {
      if (item.kind === 'rejected') result.rejected.push(item);
      if (item.kind !== 'vulnerability') continue;
      result.vulnerabilities++;
      const same = result.records.get(item.vulnerability.id) ?? [];
      same.push({ vulnerability: item.vulnerability, affected: item.affected });
      result.records.set(item.vulnerability.id, same);
    }
  }
  return result;
}

describe.skipIf(!existsSync(VULNDB))('OSV and legacy language feeds over ../shared/data/vulndb', () => {
  const runs = new Map<string, FeedRun>();

  beforeAll(async () => {
    for (const feed of FEEDS) {
      if (existsSync(join(VULNDB, feed.folder))) runs.set(feed.folder, await run(feed));
    }
    const table = [...runs].map(([folder, r]) => ({
      folder,
      files: r.files,
      claimed: r.claimed,
      vulnerabilities: r.vulnerabilities,
      rejected: r.rejected.length,
    }));
    console.table(table);
  });

  function feedRun(folder: string): FeedRun {
    const found = runs.get(folder);
    if (!found) throw new Error(`${folder} is missing from ${VULNDB}`);
    return found;
  }

  function record(folder: string, id: string) {
    const found = feedRun(folder).records.get(id)?.[0];
    if (!found) throw new Error(`${id} not read from ${folder}`);
    return found;
  }

  it.each(FEEDS.filter((f) => f.noRejects).map((f) => f.folder))('%s: no record rejected', (folder) => {
    const r = feedRun(folder);
    expect(r.rejected).toEqual([]);
    expect(r.vulnerabilities).toBeGreaterThan(0);
  });

  it.each(FEEDS.map((f) => f.folder))('%s: no file claimed by another of these parsers', (folder) => {
    expect(feedRun(folder).contested).toEqual([]);
  });

  it('claims every record file and no index file', () => {
    expect(feedRun('osv/go').claimed).toBe(feedRun('osv/go').files);
    expect(feedRun('osv/crates.io').claimed).toBe(feedRun('osv/crates.io').files);
    expect(feedRun('osv/pypi').claimed).toBe(feedRun('osv/pypi').files - 1); // .id-allocator
    expect(feedRun('npm-security-wg').claimed).toBe(feedRun('npm-security-wg').files - 2); // index.json ×2
    expect(feedRun('wolfi-sample/chainguard/osv').claimed).toBe(
      feedRun('wolfi-sample/chainguard/osv').files - 1,
    );
    expect(feedRun('rubysec').claimed).toBe(feedRun('rubysec').files);
    expect(feedRun('packagist').claimed).toBe(feedRun('packagist').files);
  });

  it('GHSA lodash advisory: fixed in 4.17.12, critical, CVE alias', () => {
    const { vulnerability, affected } = record('osv/npm-ghsa-sample', 'GHSA-jf85-cpcp-j695');
    expect(vulnerability.aliases).toContain('CVE-2019-10744');
    expect(vulnerability.severity).toBe('critical');
    const lodash = affected.find((a) => a.package === 'lodash');
    expect(lodash).toMatchObject({ namespace: 'npm', scheme: 'semver', fixState: 'fixed' });
    expect(lodash?.ranges).toEqual([{ fixed: '4.17.12' }]);
    expect(lodash?.fixedVersions).toEqual(['4.17.12']);
  });

  it('PyPI YAML record: open range plus its versions list', () => {
    const { vulnerability, affected } = record('osv/pypi', 'PYSEC-2023-121');
    expect(vulnerability.aliases).toEqual(['CVE-2022-4899']);
    expect(affected).toHaveLength(1);
    expect(affected[0]).toMatchObject({ namespace: 'pypi', package: 'zstd', scheme: 'pep440', ranges: [{}] });
    expect(affected[0]?.versions).toContain('1.4.5.0');
    expect(affected[0]?.fixState).toBe('not-fixed');
  });

  it('AlmaLinux record: almalinux:9, source rpm name, related CVEs, impact from the summary', () => {
    const { vulnerability, affected } = record('osv/almalinux', 'ALSA-2024:0001');
    expect(vulnerability.severity).toBe('high');
    expect(vulnerability.aliases).toContain('CVE-2023-6856');
    expect(affected[0]).toMatchObject({
      namespace: 'almalinux:9',
      package: 'thunderbird',
      scheme: 'rpm',
      ranges: [{ fixed: '115.6.0-1.el9_3.alma' }],
    });
  });

  it('Go record: stdlib with a SEMVER range', () => {
    const { affected } = record('osv/go', 'GO-2021-0067');
    expect(affected[0]).toMatchObject({ namespace: 'go', package: 'stdlib', scheme: 'golang' });
    expect(affected[0]?.ranges).toEqual([{ introduced: '1.16.0-0', fixed: '1.16.1' }]);
  });

  it('Ubuntu Pro entries land in the release namespace with Ubuntu priority', () => {
    const { affected } = record('ubuntu-sample', 'UBUNTU-CVE-2022-24823');
    const xenial = affected.find((a) => a.namespace === 'ubuntu:16.04');
    expect(xenial).toMatchObject({
      package: 'netty',
      severity: 'low',
      fixedVersions: ['1:4.0.34-1ubuntu0.1~esm2'],
    });
  });

  it('legacy feeds: rubysec, FriendsOfPHP and security-wg spot checks', () => {
    const resque = record('rubysec', 'CVE-2023-50725');
    expect(resque.vulnerability.aliases).toContain('GHSA-gc3j-vvwf-4rp8');
    expect(resque.affected[0]).toMatchObject({
      package: 'resque',
      ranges: [{ fixed: '2.2.1' }],
      fixedVersions: ['2.2.1'],
    });
    const cake = record('packagist', 'CVE-2019-11458');
    expect(cake.affected[0]?.package).toBe('cakephp/cakephp');
    expect(cake.affected[0]?.ranges).toContainEqual({ introduced: '3.6.0', fixed: '3.6.15' });
    const core = record('npm-security-wg', 'CVE-2016-1669');
    expect(core.affected[0]).toMatchObject({ namespace: 'nodejs', package: 'node' });
    expect(core.affected[0]?.ranges).toContainEqual({ introduced: '5.0.0', fixed: '5.12.0' });
  });
});
