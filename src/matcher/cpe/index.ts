import type { Matcher } from '../types.js';

/**
 * `--cpe` only: NVD CPE data (`nvd:cpe`, package `vendor:product`) for packages no ecosystem or
 * distro data covers. The vendor is a GUESS (the product name, or the purl namespace): CPE
 * matching is known for false positives, so every such match says so in its details.
 */
export const cpeMatcher: Matcher = {
  name: 'cpe',
  types: ['binary'],
  handles: (pkg, context) => context.cpe && pkg.type === 'binary' && pkg.ownedBy === undefined,
  lookups(pkg) {
    const product = pkg.name.trim().toLowerCase();
    if (!product || !pkg.version.trim()) return [];
    const purlNamespace = /^pkg:[^/]+\/([^/]+)\/[^/@]+@/.exec(pkg.purl ?? '')?.[1]?.toLowerCase();
    const vendors = [...new Set([purlNamespace, product].filter((v): v is string => !!v))];
    return vendors.map((vendor) => ({
      kind: 'cpe' as const,
      namespace: 'nvd:cpe',
      name: `${vendor}:${product}`,
      version: pkg.version.trim(),
      scheme: 'generic' as const,
      note: `CPE guessed from the package name (vendor "${vendor}"): may be a false positive`,
    }));
  },
};
