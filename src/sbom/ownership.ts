import { ownedPaths } from '../cataloger/os-owned-files.js';
import { OS_PACKAGE_TYPES, type Package } from '../model/package.js';
import type { Relationship } from '../model/sbom.js';

/** Files of OS packages that are databases or docs: they never make an OS package own another. */
const NEVER_OWNED = /^\/(var\/lib\/(dpkg|rpm|apk)|lib\/apk\/db|usr\/share\/doc)\//;

/**
 * A language package found in files an OS package owns (Debian's python3-requests owning
 * requests' dist-info) is the same software as that OS package: it is reported once, marked
 * `ownedBy` the OS package, with an `owns` relationship, so matching can use the distro's fixes.
 */
export function linkOwnedPackages(
  packages: Package[],
  relationships: Relationship[],
): { packages: Package[]; relationships: Relationship[] } {
  const owner = new Map<string, Package>();
  for (const pkg of packages)
    for (const path of ownedPaths(pkg)) if (!NEVER_OWNED.test(path) && !owner.has(path)) owner.set(path, pkg);
  if (owner.size === 0) return { packages, relationships };
  const links: Relationship[] = [];
  const out = packages.map((pkg) => {
    if (OS_PACKAGE_TYPES.includes(pkg.type)) return pkg;
    const os = pkg.locations.map((l) => owner.get(l.path)).find((p) => p !== undefined);
    if (!os) return pkg;
    links.push({ from: os.id, to: pkg.id, type: 'owns' });
    return { ...pkg, ownedBy: os.id };
  });
  return { packages: out, relationships: [...relationships, ...links] };
}
