import { InvalidVersionError, throwIfCancelled } from '../errors/index.js';
import { OS_PACKAGE_TYPES, type Package } from '../model/package.js';
import type { Sbom } from '../model/sbom.js';
import type { Match } from '../scan/types.js';
import { versionScheme } from '../versioning/registry.js';
import type { SchemeName, VersionScheme } from '../versioning/types.js';
import type { AffectedPackage } from '../vulndb/model.js';
import type { StoredVulnerability, VulnStore } from '../vulndb/store/types.js';
import { dedupeMatches, evaluate, moduleStream } from './affected/index.js';
import { resolveDistro } from './distro/index.js';
import { buildMatch, type Hit } from './build-match.js';
import { dropOwnedDuplicates } from './os-owned/index.js';
import { MATCHERS } from './registry.js';
import { SeverityFallbacks } from './severity/index.js';
import type { Lookup, MatcherContext } from './types.js';
import { MatchWarnings } from './match-warnings.js';

export interface MatchOptions {
  /** `--cpe`: also match packages no distro or ecosystem covers by guessed CPE. */
  cpe?: boolean;
  /** The version schemes (tests may replace them); default: src/versioning's registry. */
  schemes?: (name: SchemeName) => VersionScheme;
  /** Cancels matching between its steps (each database round trip): CancelledError. */
  signal?: AbortSignal;
}

export interface MatchResult {
  matches: Match[];
  /** Loud: unsupported distros, ecosystems without data, unreadable versions. */
  warnings: string[];
  /** OS packages not checked for want of distro data. */
  osPackagesUnchecked: number;
  /** Packages looked up in data the database holds (a lookup that can be answered). */
  packagesChecked: number;
  /** Packages not looked up because the database holds no data for their distro or ecosystem. */
  packagesWithoutData: number;
}

const key = (namespace: string, name: string): string => `${namespace}\u0000${name}`;

/** Matches every package of the SBOM against the store: one batched lookup, then the ranges. */
export async function matchPackages(
  sbom: Sbom,
  store: VulnStore,
  options: MatchOptions = {},
): Promise<MatchResult> {
  const schemes = options.schemes ?? versionScheme;
  const cancelled = (): void => throwIfCancelled(options.signal, 'vulnerability matching');
  cancelled();
  const available = new Set(await store.namespaces());
  cancelled();
  const context: MatcherContext = {
    distro: sbom.distro ? resolveDistro(sbom.distro, available) : null,
    packagesById: new Map(sbom.packages.map((p) => [p.id, p])),
    cpe: options.cpe ?? false,
  };
  const notes = new MatchWarnings(context.distro, sbom.distro !== null);
  const planned: { pkg: Package; lookup: Lookup }[] = [];
  let packagesChecked = 0;
  let packagesWithoutData = 0;
  for (const pkg of sbom.packages) {
    const matcher = MATCHERS.find((m) => m.handles(pkg, context));
    if (!matcher) continue;
    const lookups = matcher.lookups(pkg, context);
    const needsDistro = OS_PACKAGE_TYPES.includes(pkg.type) || matcher.name === 'os-owned';
    let withoutData = !lookups.length && needsDistro && !context.distro?.namespace;
    if (withoutData) notes.osPackageUnchecked();
    let checked = false;
    for (const lookup of lookups) {
      if (lookup.kind === 'ecosystem' && !available.has(lookup.namespace)) {
        notes.ecosystemWithoutData(lookup.namespace, pkg.type);
        withoutData = true;
        continue;
      }
      if (!schemes(lookup.scheme).isValid(lookup.version)) {
        notes.invalidVersion(pkg, lookup);
        continue;
      }
      planned.push({ pkg, lookup });
      checked = true;
    }
    if (checked) packagesChecked++;
    else if (withoutData) packagesWithoutData++;
  }
  const keys = new Map(planned.map(({ lookup }) => [key(lookup.namespace, lookup.name), lookup]));
  const records = await store.affectedByMany(
    [...keys.values()].map((l) => ({ namespace: l.namespace, package: l.name })),
  );
  cancelled();
  const hits: Hit[] = [];
  for (const { pkg, lookup } of planned) {
    for (const record of records.get(key(lookup.namespace, lookup.name)) ?? []) {
      // The record's own scheme: the feed parser knows how its versions compare.
      const module = moduleStream(
        ((lookup.via ?? pkg).metadata as Record<string, unknown> | undefined)?.modularityLabel,
      );
      const verdict = safeEvaluate(lookup.version, record, schemes(record.scheme), notes, module);
      if (verdict) hits.push({ pkg, lookup, record, constraint: verdict });
    }
  }
  const vulnerabilities = await store.vulnerabilities([
    ...new Set(hits.map((h) => h.record.vulnerabilityId)),
  ]);
  cancelled();
  // Records without a severity of their own borrow NVD's or GHSA's: one more batched read, for
  // the aliases (a Debian or Go id's CVE and GHSA) not fetched already.
  const aliasIds = SeverityFallbacks.aliasIds(vulnerabilities);
  const aliases = aliasIds.length
    ? await store.vulnerabilities(aliasIds)
    : new Map<string, StoredVulnerability>();
  if (aliasIds.length) cancelled();
  const fallbacks = new SeverityFallbacks(new Map([...vulnerabilities, ...aliases]));
  const matches = hits
    .map((hit) => buildMatch(hit, vulnerabilities.get(hit.record.vulnerabilityId), fallbacks))
    .filter((m): m is Match => m !== undefined);
  return {
    matches: dropOwnedDuplicates(dedupeMatches(matches), context.packagesById),
    warnings: notes.list(),
    osPackagesUnchecked: notes.osPackagesUnchecked,
    packagesChecked,
    packagesWithoutData,
  };
}

function safeEvaluate(
  version: string,
  record: AffectedPackage,
  scheme: VersionScheme,
  notes: MatchWarnings,
  module: string | undefined,
): string | undefined {
  try {
    const verdict = evaluate(version, record, scheme, module);
    return verdict.affected ? verdict.constraint : undefined;
  } catch (err) {
    if (!(err instanceof InvalidVersionError)) throw err;
    notes.unreadableRecord(record);
    return undefined;
  }
}
