import type { Sbom } from '../../model/sbom.js';
import type { PolicyBundle } from '../../policy/types.js';

/**
 * The SBOM a policy check reads when no rule needs the files each package owns: every package's
 * `metadata.files` (dpkg's file lists, most of a Debian image's SBOM text) left out, everything
 * else as stored. Of the built-in gates only packages/verify reads those lists.
 */
export function withoutPackageFiles(sbom: Sbom): Sbom {
  return {
    ...sbom,
    packages: sbom.packages.map((p) => {
      const metadata = p.metadata as { files?: unknown } | undefined;
      if (!metadata || !('files' in metadata)) return p;
      const { files: _files, ...rest } = metadata;
      return { ...p, metadata: rest };
    }),
  };
}

/** Whether any rule of the bundle reads the files packages own (packages/verify). */
export function readsPackageFiles(bundle: PolicyBundle): boolean {
  return bundle.policies.some((policy) =>
    policy.rules.some((rule) => rule.gate === 'packages' && rule.trigger === 'verify'),
  );
}
