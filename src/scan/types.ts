import type { Sbom } from '../model/sbom.js';
import type { Match, IgnoredMatch } from '../model/match.js';
import type { DatabaseStatus } from '../vulndb/store/types.js';

export type {
  IgnoredMatch,
  Match,
  MatchDetails,
  MatchedPackage,
  MatchedVulnerability,
  SeveritySource,
} from '../model/match.js';

export interface ScanReport {
  schema: 'customs-scan/1';
  descriptor: { name: 'customs'; version: string; timestamp: string };
  source: Sbom['source'];
  distro: Sbom['distro'];
  matches: Match[];
  ignoredMatches: IgnoredMatch[];
  /** The database the scan used (providers, record counts, last sync). */
  database: DatabaseStatus;
  /**
   * OS packages not checked because the database has no data for the image's distro (or the
   * distro is unknown): the structured form of the warning, for policy gates.
   */
  osPackagesUnchecked?: number;
  /**
   * How many packages were looked up in data the database holds, and how many could not be for
   * want of data for their distro or ecosystem: see `coverageGap`.
   */
  coverage?: { packagesChecked: number; packagesWithoutData: number };
  /** Loud: an unknown or unsupported distro, a stale database, packages that could not be matched. */
  warnings: string[];
  /** The SBOM the scan matched (for outputs that need the package list). */
  sbom: Sbom;
}
