import type { SchemeName } from '../versioning/types.js';

/** Severity as Customs reports it (distro words are mapped onto these). */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'negligible' | 'unknown';

/** What the data says about a package's fix for one vulnerability. */
export type FixState = 'fixed' | 'not-fixed' | 'wont-fix' | 'not-affected';

/** One CVSS vector with its base score (computed from the vector when the feed gave none). */
export interface Cvss {
  /** '2.0', '3.0', '3.1' or '4.0'. */
  version: string;
  vector: string;
  baseScore: number;
  /** Who scored it: 'nvd', 'ghsa', 'debian', a CNA… */
  source?: string;
}

/** A vulnerability, once, whatever number of packages it affects. */
export interface Vulnerability {
  /** The feed's id: CVE-…, GHSA-…, GO-…, RUSTSEC-…, PYSEC-…, ALSA-…, DSA-…, USN-… */
  id: string;
  /** Other ids of the same flaw (CVE ↔ GHSA ↔ distro ids). */
  aliases: string[];
  summary?: string;
  description?: string;
  severity: Severity;
  cvss: Cvss[];
  /** ISO 8601 timestamps. */
  published?: string;
  modified?: string;
  withdrawn?: string;
  references: string[];
  /** The provider that wrote this record (e.g. 'osv', 'debian', 'nvd'). */
  provider: string;
}

/**
 * A version interval: lower bound inclusive unless `lowerExclusive`; `fixed` is an exclusive
 * upper bound, `lastAffected` an inclusive one. No lower bound = from the beginning.
 * OSV events map onto it directly (introduced / fixed / last_affected).
 */
export interface VersionRange {
  introduced?: string;
  lowerExclusive?: boolean;
  fixed?: string;
  lastAffected?: string;
  /**
   * The RHEL-family module stream (`ruby:2.7`) the range belongs to: it applies only to packages
   * of that stream (or to packages whose stream is unknown). Absent for non-modular data.
   */
  module?: string;
}

/**
 * What one vulnerability means for one package in one namespace.
 *
 * Namespaces (lower-case): distros as `<id>:<version>` — `debian:12`, `ubuntu:22.04`,
 * `alpine:3.19`, `wolfi:rolling`, `chainguard:rolling`, `rhel:9`, `almalinux:9`, `rocky:9`,
 * `amzn:2023`, `sles:15.5`; language ecosystems by name — `npm`, `pypi`, `go`, `crates.io`,
 * `rubygems`, `packagist`, `maven`, `nuget`; `nvd:cpe` for CPE-only data.
 *
 * Package names are normalised per namespace: Debian/Ubuntu source package, rpm source name,
 * apk origin, PyPI PEP 503 form, Maven `group:artifact`, Packagist `vendor/package`
 * lower-cased, Go module path, npm and gems as published.
 */
export interface AffectedPackage {
  vulnerabilityId: string;
  namespace: string;
  package: string;
  scheme: SchemeName;
  /**
   * Affected when the version falls in any range, equals one of `versions`, or satisfies one of
   * `constraints` (the feed's own range syntax, read by the scheme's `satisfies`: npm
   * `<4.17.12 || >=5 <5.0.1`, gem `~> 1.2.3`, Composer `>=1.0,<1.2`).
   */
  ranges: VersionRange[];
  versions?: string[];
  constraints?: string[];
  fixState: FixState;
  /** Versions that fix it (the `fixed` ends of the ranges, in scheme order). */
  fixedVersions: string[];
  /** The namespace's own verdict where it differs from the vulnerability's (Debian urgency, Ubuntu priority, Red Hat impact). */
  severity?: Severity;
  /** When the fix was published in this namespace, if known (for the health grade). */
  fixPublished?: string;
  provider: string;
}

/** EPSS: probability of exploitation in the next 30 days, for one CVE. */
export interface EpssScore {
  cve: string;
  score: number;
  percentile: number;
  /** The model's score date, YYYY-MM-DD. */
  date: string;
}

/** CISA Known Exploited Vulnerabilities entry. */
export interface KevEntry {
  cve: string;
  dateAdded: string;
  dueDate?: string;
  knownRansomwareCampaignUse?: boolean;
  vendorProject?: string;
  product?: string;
}

/** What a feed parser yields, one item at a time (records are never all held in memory). */
export type FeedItem =
  | { kind: 'vulnerability'; vulnerability: Vulnerability; affected: AffectedPackage[] }
  | { kind: 'epss'; score: EpssScore }
  | { kind: 'kev'; entry: KevEntry }
  /** A record the parser could not use: counted and reported by `db import`, never stored. */
  | { kind: 'rejected'; location: string; reason: string };
