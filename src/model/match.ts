import type { Location } from './location.js';
import type { PackageType } from './package.js';
import type { Cvss, EpssScore, FixState, KevEntry, Severity } from './vulnerability.js';

/** The package side of a match, as `customs scan -o json` prints it. */
export interface MatchedPackage {
  id: string;
  name: string;
  version: string;
  type: PackageType;
  purl?: string;
  locations: Location[];
  /** For an OS-owned language package: the OS package it was matched through. */
  ownedBy?: { name: string; version: string; type: PackageType };
}

/** Why the matcher says this package has this vulnerability. */
export interface MatchDetails {
  /** 'distro' (source package in distro data), 'ecosystem', 'os-owned' (through the owning OS package), 'cpe'. */
  kind: 'distro' | 'ecosystem' | 'os-owned' | 'cpe';
  namespace: string;
  /** The name looked up (e.g. the Debian source package). */
  searchedName: string;
  /** The version compared (e.g. the source version). */
  searchedVersion: string;
  /** The constraint that matched, human-readable (`< 2.36-9+deb12u4`, `>=0 <4.17.12`). */
  constraint: string;
  provider: string;
  /** Said when the match rests on something weaker: a namespace fallback, a guessed CPE. */
  note?: string;
}

/**
 * Where a match's severity came from. The matched record's own verdict first (the distro's
 * urgency or priority, the advisory's own rating); for a record without one, NVD's CVSS v3.x
 * score of the CVE (the id or an alias), then the GitHub advisory's rating, then NVD's other
 * CVSS versions.
 */
export interface SeveritySource {
  /** 'nvd', 'ghsa', or who wrote the matched record: the distro ('debian', 'ubuntu'), a feed ('osv', 'rubysec'). */
  source: string;
  /** The id whose rating was used: the match's own, or the alias the rating came through. */
  id: string;
  /** The vector and base score the severity was read from, when it came from CVSS. */
  cvss?: Cvss;
}

export interface MatchedVulnerability {
  id: string;
  severity: Severity;
  /** Absent when nothing rates the vulnerability (`severity` is then `unknown`). */
  severitySource?: SeveritySource;
  aliases: string[];
  fix: { state: FixState; versions: string[] };
  cvss: Cvss[];
  epss?: EpssScore;
  kev?: KevEntry;
  summary?: string;
  references: string[];
  /** Published date of the fix in this namespace, when known. */
  fixPublished?: string;
  published?: string;
}

export interface Match {
  vulnerability: MatchedVulnerability;
  package: MatchedPackage;
  details: MatchDetails;
}

/** An ignore rule or VEX statement that took a match out of `matches`. */
export interface IgnoredMatch extends Match {
  reason: {
    by: 'ignore-rule' | 'vex' | 'only-fixed';
    rule?: string;
    justification?: string;
    expires?: string;
  };
}
