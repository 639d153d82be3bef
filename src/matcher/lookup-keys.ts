import type { Sbom } from '../model/sbom.js';
import { distroNamespaces, type DistroTarget } from './distro/index.js';
import { MATCHERS } from './registry.js';
import type { MatcherContext } from './types.js';

/** A (namespace, package) pair the matcher may ask the database about. */
export interface LookupKey {
  namespace: string;
  name: string;
}

/**
 * Every (namespace, package) pair matching this SBOM could look up, whatever the database holds:
 * the matchers' own lookups, tried with each namespace the distro may resolve to (its own and
 * its fallbacks, as resolveDistro picks among them). What a service indexes stored SBOMs by, so
 * new data for a pair finds exactly the images it can change. CPE guesses (`--cpe`) are left out:
 * the service does not match by CPE.
 */
export function lookupKeys(sbom: Sbom): LookupKey[] {
  const packagesById = new Map(sbom.packages.map((p) => [p.id, p]));
  const targets: (DistroTarget | null)[] = sbom.distro
    ? distroNamespaces(sbom.distro).map((namespace) => ({
        label: '',
        namespace,
        candidates: [namespace],
      }))
    : [null];
  const seen = new Map<string, LookupKey>();
  for (const distro of targets) {
    const context: MatcherContext = { distro, packagesById, cpe: false };
    for (const pkg of sbom.packages) {
      const matcher = MATCHERS.find((m) => m.handles(pkg, context));
      if (!matcher) continue;
      for (const lookup of matcher.lookups(pkg, context)) {
        if (lookup.kind === 'cpe') continue;
        seen.set(`${lookup.namespace}\u0000${lookup.name}`, {
          namespace: lookup.namespace,
          name: lookup.name,
        });
      }
    }
  }
  return [...seen.values()];
}
