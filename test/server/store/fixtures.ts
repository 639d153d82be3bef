import type { Match, ScanReport } from '../../../src/scan/types.js';
import type { Sbom } from '../../../src/model/sbom.js';
import type { EvaluationResult } from '../../../src/policy/types.js';
import type { EvaluationRecord } from '../../../src/server/store/index.js';
import { pkg, policySbom, vulnMatch } from '../../helpers/policy-sbom.js';

export function digestOf(n: number | string): string {
  return 'sha256:' + String(n).padStart(64, '0');
}

/** An SBOM holding these packages (name@version, npm when the name says so). */
export function sbomWith(...packages: [name: string, version: string, type?: string][]): Sbom {
  return policySbom({
    packages: packages.map(([name, version, type]) =>
      pkg(name, version, type ? { type: type as 'npm', purl: `pkg:${type}/${name}@${version}` } : {}),
    ),
  });
}

/** A scan whose matches are these vulnerability ids, each on the given package. */
export function scanWith(...matches: [id: string, pkgName: string][]): ScanReport {
  const sbom = sbomWith();
  return {
    schema: 'customs-scan/1',
    descriptor: sbom.descriptor,
    source: sbom.source,
    distro: sbom.distro,
    matches: matches.map(([id, name]): Match => {
      const match = vulnMatch(id, 'high', 'fixed');
      return { ...match, package: { ...match.package, name } };
    }),
    ignoredMatches: [],
    database: {} as ScanReport['database'],
    warnings: [],
    sbom,
  };
}

export function evaluation(
  accountId: string,
  digest: string,
  evaluatedAt: string,
  extra: Partial<EvaluationRecord> = {},
): Omit<EvaluationRecord, 'id'> {
  return {
    accountId,
    digest,
    tag: 'docker.io/acme/app:1',
    policyId: 'default',
    finalAction: 'stop',
    result: { finalAction: 'stop', findings: [] } as unknown as EvaluationResult,
    feedState: 'built 2026-01-01T00:00:00Z',
    evaluatedAt,
    ...extra,
  };
}
