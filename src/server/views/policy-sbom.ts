import type { Sbom } from '../../model/sbom.js';
import type { PolicyBundle } from '../../policy/types.js';

/**
 * The SBOM a policy check reads when no rule needs package metadata: every package's `metadata`
 * (dpkg's owned-file lists above all: most of a Debian image's SBOM text) and the relationships
 * left out, everything else as stored. Of the built-in gates only packages/verify reads package
 * metadata (the files a package owns), and none reads the relationships; a gate that comes to
 * read either must be named in readsPackageMetadata.
 */
export function policySbomOf(sbom: Sbom): Sbom {
  return {
    ...sbom,
    relationships: [],
    packages: sbom.packages.map(({ metadata: _metadata, ...rest }) => rest),
  };
}

/** Whether any rule of the bundle reads package metadata (packages/verify), so needs the whole SBOM. */
export function readsPackageMetadata(bundle: PolicyBundle): boolean {
  return bundle.policies.some((policy) =>
    policy.rules.some((rule) => rule.gate === 'packages' && rule.trigger === 'verify'),
  );
}
