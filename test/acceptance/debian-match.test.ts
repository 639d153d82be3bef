// Acceptance: the matcher on real Debian 12 data and a real debootstrapped bookworm image. The
// expected (package, CVE) set is computed here independently: the tracker JSON, dpkg-query's
// source package and version, and `dpkg --compare-versions`. Also the polyglot image's npm app
// against GitHub advisories and the Node.js security WG feed. Skips without ../shared.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sbomFormat } from '../../src/format/registry.js';
import type { Match, ScanReport } from '../../src/scan/types.js';
import { scanSbom } from '../../src/scan/scan-sbom.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { importFeeds } from '../../src/vulndb/import/index.js';
import { debianTrackerParser } from '../../src/vulndb/providers/debian/index.js';
import { npmSecurityWgParser } from '../../src/vulndb/providers/npm-security-wg/index.js';
import { osvParser } from '../../src/vulndb/providers/osv/index.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { SHARED_DATA } from '../helpers/shared-data.js';
import { dpkgQuery } from '../oracle/dpkg-query.js';
import { getTestImages } from '../images/index.js';

const DEBIAN = path.join(SHARED_DATA, 'vulndb', 'debian');
const TRACKER = path.join(DEBIAN, 'bookworm-changelog-derived.tracker.json');
const NPM_GHSA = path.join(SHARED_DATA, 'vulndb', 'osv', 'npm-ghsa-sample');
const NPM_WG = path.join(SHARED_DATA, 'vulndb', 'npm-security-wg');

interface TrackerRelease {
  status: string;
  fixed_version?: string;
}
type Tracker = Record<string, Record<string, { releases?: Record<string, TrackerRelease> }>>;

function dpkgLessThan(a: string, b: string): boolean {
  try {
    execFileSync('dpkg', ['--compare-versions', a, 'lt', b], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The CVE a match is about: its id, or the CVE it aliases (the Debian OSV ids wrap one). */
function cveOf(match: Match): string {
  const { id, aliases } = match.vulnerability;
  return id.startsWith('CVE-') ? id : (aliases.find((a) => a.startsWith('CVE-')) ?? id);
}

async function scanWith(
  feeds: string[],
  parsers: Parameters<typeof importFeeds>[2]['parsers'],
  source: string,
): Promise<ScanReport> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'customs-match-'));
  const store = openSqliteStore(path.join(dir, 'vuln.db'));
  try {
    await importFeeds(store, feeds, { parsers });
    const sbom = await generateSbom(source);
    return await scanSbom(sbom, store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const haveTools = (() => {
  try {
    execFileSync('dpkg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!existsSync(TRACKER) || !haveTools)('Debian 12 matching on the bookworm image', () => {
  let report: ScanReport;
  let expected: string[];

  beforeAll(async () => {
    const { bookworm } = getTestImages().images;
    report = await scanWith(
      [DEBIAN],
      [debianTrackerParser, osvParser],
      `oci-dir:${bookworm.ociDir}:${bookworm.tag}`,
    );
    const tracker = JSON.parse(readFileSync(TRACKER, 'utf8')) as Tracker;
    const pairs = new Set<string>();
    for (const installed of dpkgQuery(bookworm.rootfs)) {
      for (const [cve, record] of Object.entries(tracker[installed.sourceName] ?? {})) {
        const release = record.releases?.['bookworm'];
        if (!release || release.fixed_version === '0') continue;
        const open = release.status === 'open' || release.fixed_version === undefined;
        if (open || dpkgLessThan(installed.sourceVersion, release.fixed_version!))
          pairs.add(`${installed.name} ${cve}`);
      }
    }
    expected = [...pairs].sort();
  });

  it('reports exactly the (package, CVE) pairs the tracker and dpkg say, none other', () => {
    const reported = [...new Set(report.matches.map((m) => `${m.package.name} ${cveOf(m)}`))].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(reported).toEqual(expected);
  });

  it('matches through source packages in debian:12, with a fixed version, and no distro warning', () => {
    for (const m of report.matches) {
      expect(m.details).toMatchObject({ kind: 'distro', namespace: 'debian:12' });
      expect(m.vulnerability.fix.state).toBe('fixed');
      expect(m.vulnerability.fix.versions.length).toBeGreaterThan(0);
    }
    expect(report.warnings.filter((w) => w.includes('OS packages were not checked'))).toEqual([]);
  });

  it.each(['cyclonedx-json', 'spdx-json'])(
    'the image read back from its %s SBOM (no dpkg metadata, purls only) matches the same pairs',
    async (format) => {
      const { bookworm } = getTestImages().images;
      const dir = mkdtempSync(path.join(os.tmpdir(), 'customs-sbom-'));
      try {
        const file = path.join(dir, `sbom.${format}`);
        const sbom = await generateSbom(`oci-dir:${bookworm.ociDir}:${bookworm.tag}`);
        writeFileSync(file, sbomFormat(format).encode(sbom));
        const again = await scanWith([DEBIAN], [debianTrackerParser, osvParser], `sbom:${file}`);
        const reported = [...new Set(again.matches.map((m) => `${m.package.name} ${cveOf(m)}`))].sort();
        expect(reported).toEqual(expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe.skipIf(!existsSync(NPM_GHSA) || !existsSync(NPM_WG))('npm matching on the polyglot image', () => {
  let report: ScanReport;

  beforeAll(async () => {
    const { polyglot } = getTestImages().images;
    report = await scanWith(
      [NPM_GHSA, NPM_WG],
      [osvParser, npmSecurityWgParser],
      `oci-dir:${polyglot.ociDir}:${polyglot.tag}`,
    );
  });

  afterAll(() => undefined);

  const appMatches = (name: string): Match[] =>
    report.matches.filter(
      (m) =>
        m.package.name === name &&
        m.package.locations.some((l) => l.path.startsWith('/srv/app/node_modules/')),
    );

  it('lodash 4.17.11 in /srv/app has the advisories fixed after it, with their fixed versions', () => {
    const rows = appMatches('lodash').map((m) => [m.package.version, cveOf(m), m.vulnerability.fix.versions]);
    expect(rows.sort()).toEqual([
      ['4.17.11', 'CVE-2019-10744', ['4.17.12']],
      ['4.17.11', 'CVE-2020-8203', ['4.17.20']],
      ['4.17.11', 'CVE-2021-23337', ['4.17.21']],
    ]);
  });

  it('minimist 1.2.0 in /srv/app has CVE-2021-44906, fixed in 1.2.6', () => {
    const rows = appMatches('minimist').map((m) => [
      m.package.version,
      cveOf(m),
      m.vulnerability.fix.versions,
    ]);
    expect(rows).toEqual([['1.2.0', 'CVE-2021-44906', ['1.2.6']]]);
  });
});
