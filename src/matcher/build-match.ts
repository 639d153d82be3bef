import type { Package } from '../model/package.js';
import type { Match, MatchDetails, MatchedPackage, MatchedVulnerability } from '../scan/types.js';
import type { AffectedPackage } from '../vulndb/model.js';
import type { StoredVulnerability } from '../vulndb/store/types.js';
import { ownSeverity, type SeverityFallbacks } from './severity/index.js';
import type { Lookup } from './types.js';

/** A record that affects a package, before it becomes a Match. */
export interface Hit {
  pkg: Package;
  lookup: Lookup;
  record: AffectedPackage;
  constraint: string;
}

function matchedPackage(pkg: Package, via: Package | undefined): MatchedPackage {
  const out: MatchedPackage = {
    id: pkg.id,
    name: pkg.name,
    version: pkg.version,
    type: pkg.type,
    locations: pkg.locations,
  };
  if (pkg.purl) out.purl = pkg.purl;
  if (via) out.ownedBy = { name: via.name, version: via.version, type: via.type };
  return out;
}

/**
 * The Match of one hit; undefined when the vulnerability was withdrawn. The severity is the
 * record's own (for distro data the namespace's: Debian urgency, Ubuntu priority, Red Hat
 * impact), else what `fallbacks` read from NVD or GHSA records of the same flaw.
 */
export function buildMatch(
  hit: Hit,
  vulnerability: StoredVulnerability | undefined,
  fallbacks: SeverityFallbacks,
): Match | undefined {
  if (vulnerability?.withdrawn) return undefined;
  const { record, lookup } = hit;
  const rated = ownSeverity(record, lookup, vulnerability) ?? fallbacks.for(record.vulnerabilityId);
  const vuln: MatchedVulnerability = {
    id: record.vulnerabilityId,
    severity: rated?.severity ?? 'unknown',
    aliases: vulnerability?.aliases ?? [],
    fix: { state: record.fixState, versions: record.fixedVersions },
    cvss: vulnerability?.cvss ?? [],
    references: vulnerability?.references ?? [],
  };
  if (rated) vuln.severitySource = rated.source;
  if (vulnerability?.epss) vuln.epss = vulnerability.epss;
  if (vulnerability?.kev) vuln.kev = vulnerability.kev;
  if (vulnerability?.summary) vuln.summary = vulnerability.summary;
  if (vulnerability?.published) vuln.published = vulnerability.published;
  if (record.fixPublished) vuln.fixPublished = record.fixPublished;
  const details: MatchDetails = {
    kind: lookup.kind,
    namespace: lookup.namespace,
    searchedName: lookup.name,
    searchedVersion: lookup.version,
    constraint: hit.constraint,
    provider: record.provider,
  };
  if (lookup.note) details.note = lookup.note;
  return { vulnerability: vuln, package: matchedPackage(hit.pkg, lookup.via), details };
}
