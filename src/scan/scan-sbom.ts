import { matchPackages, type MatchOptions } from '../matcher/match-packages.js';
import type { Sbom } from '../model/sbom.js';
import { customsVersion } from '../sbom/version.js';
import type { DatabaseStatus, VulnStore } from '../vulndb/store/types.js';
import type { IgnoreRule } from './ignore/ignore-rule.js';
import { compareMatches } from './severity.js';
import { suppressMatches } from './suppress.js';
import type { ScanReport } from './types.js';
import type { VexStatement } from './vex/vex-statement.js';

/** Data older than this many days gets a warning (grype's max-allowed-built-age is similar). */
export const MAX_DATABASE_AGE_DAYS = 5;

export interface ScanOptions extends MatchOptions {
  /** Set aside matches whose fix state is not `fixed`. */
  onlyFixed?: boolean;
  ignoreRules?: readonly IgnoreRule[];
  /** Statements of the `--vex` documents, in the order given. */
  vex?: readonly VexStatement[];
  /** The clock (tests): rule expiry, database age, the report timestamp. */
  now?: Date;
  maxDatabaseAgeDays?: number;
}

function staleness(status: DatabaseStatus, now: Date, maxDays: number): string[] {
  if (!status.providers.length) return [`the vulnerability database at ${status.location} holds no data`];
  const newest =
    status.lastSync ??
    status.providers
      .map((p) => p.lastSync)
      .sort()
      .at(-1);
  const synced = newest ? Date.parse(newest) : NaN;
  if (Number.isNaN(synced))
    return [`the vulnerability database at ${status.location} does not say when it was synced`];
  const days = Math.floor((now.getTime() - synced) / 86_400_000);
  if (days <= maxDays) return [];
  return [
    `the vulnerability database was last synced ${days} days ago (${newest}): run \`customs db update\``,
  ];
}

/** Matches an SBOM against the database and applies VEX, ignore rules and `onlyFixed`. */
export async function scanSbom(sbom: Sbom, store: VulnStore, options: ScanOptions = {}): Promise<ScanReport> {
  const now = options.now ?? new Date();
  const status = await store.status();
  const matched = await matchPackages(sbom, store, options);
  const suppressed = suppressMatches(matched.matches, sbom.source, {
    onlyFixed: options.onlyFixed,
    ignoreRules: options.ignoreRules,
    vex: options.vex,
    now,
  });
  return {
    schema: 'customs-scan/1',
    descriptor: { name: 'customs', version: customsVersion(), timestamp: now.toISOString() },
    source: sbom.source,
    distro: sbom.distro,
    matches: suppressed.matches.sort(compareMatches),
    ignoredMatches: suppressed.ignoredMatches.sort(compareMatches),
    database: status,
    osPackagesUnchecked: matched.osPackagesUnchecked,
    coverage: {
      packagesChecked: matched.packagesChecked,
      packagesWithoutData: matched.packagesWithoutData,
    },
    warnings: [
      ...sbom.warnings,
      ...staleness(status, now, options.maxDatabaseAgeDays ?? MAX_DATABASE_AGE_DAYS),
      ...matched.warnings,
      ...suppressed.warnings,
    ],
    sbom,
  };
}
