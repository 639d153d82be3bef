// Hand-built scan reports for the vulnerabilities gate's tests.
import { policySbom } from '../../../../../test/helpers/policy-sbom.js';
import type { PackageType } from '../../../../model/package.js';
import type { Match, MatchedPackage, MatchedVulnerability, ScanReport } from '../../../../scan/types.js';
import type { Cvss } from '../../../../vulndb/model.js';
import type { DatabaseStatus } from '../../../../vulndb/store/types.js';

/** NVD's v3.1 vector for a 9.8 (exploitability 3.9, impact 5.9). */
export const CRITICAL_VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
/** A 5.5: exploitability 1.8, impact 3.6. */
export const MEDIUM_VECTOR = 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H';

export function cvss(vector: string, baseScore: number, source: string): Cvss {
  return { version: vector.slice(5, 8), vector, baseScore, source };
}

export interface MatchOptions {
  id?: string;
  severity?: MatchedVulnerability['severity'];
  aliases?: string[];
  fixState?: MatchedVulnerability['fix']['state'];
  fixVersions?: string[];
  cvss?: Cvss[];
  published?: string;
  fixPublished?: string;
  references?: string[];
  pkg?: { name?: string; version?: string; type?: PackageType; paths?: string[] };
}

/** A match of `id` (default CVE-2023-0001, high, fixed in 3.0.8) on a package (default deb openssl). */
export function vulnMatch(options: MatchOptions = {}): Match {
  const type = options.pkg?.type ?? 'deb';
  const name = options.pkg?.name ?? 'openssl';
  const version = options.pkg?.version ?? '3.0.7';
  const fixVersions = options.fixVersions ?? (options.fixState === undefined ? ['3.0.8'] : []);
  const paths = options.pkg?.paths ?? (type === 'deb' ? ['/var/lib/dpkg/status'] : []);
  const pkg: MatchedPackage = {
    id: `${type}:${name}@${version}`,
    name,
    version,
    type,
    locations: paths.map((path) => ({ path })),
  };
  const vulnerability: MatchedVulnerability = {
    id: options.id ?? 'CVE-2023-0001',
    severity: options.severity ?? 'high',
    aliases: options.aliases ?? [],
    fix: { state: options.fixState ?? (fixVersions.length ? 'fixed' : 'not-fixed'), versions: fixVersions },
    cvss: options.cvss ?? [],
    references: options.references ?? [],
  };
  if (options.published !== undefined) vulnerability.published = options.published;
  if (options.fixPublished !== undefined) vulnerability.fixPublished = options.fixPublished;
  return {
    vulnerability,
    package: pkg,
    details: {
      kind: type === 'deb' ? 'distro' : 'ecosystem',
      namespace: type === 'deb' ? 'debian:12' : type,
      searchedName: name,
      searchedVersion: version,
      constraint: fixVersions.length ? `< ${fixVersions[0]}` : '*',
      provider: type === 'deb' ? 'debian' : 'osv',
    },
  };
}

export function databaseStatus(lastSync: string | undefined): DatabaseStatus {
  const status: DatabaseStatus = {
    location: 'sqlite::memory:',
    schemaVersion: 1,
    providers: lastSync
      ? [{ provider: 'debian', vulnerabilities: 1, affected: 1, lastSync, rejected: 0 }]
      : [],
    epss: { scores: 0 },
    kev: { entries: 0 },
  };
  if (lastSync) status.lastSync = lastSync;
  return status;
}

export interface ReportOptions {
  lastSync?: string;
  warnings?: string[];
}

/** A scan report of the polyglot-like test SBOM holding `matches`. */
export function scanReport(matches: Match[], options: ReportOptions = {}): ScanReport {
  const sbom = policySbom();
  return {
    schema: 'customs-scan/1',
    descriptor: { name: 'customs', version: '0.0.0-test', timestamp: '2026-06-01T00:00:00.000Z' },
    source: sbom.source,
    distro: sbom.distro,
    matches,
    ignoredMatches: [],
    database: databaseStatus('lastSync' in options ? options.lastSync : '2026-05-31T00:00:00Z'),
    warnings: options.warnings ?? [],
    sbom,
  };
}
