import { OS_PACKAGE_TYPES, type DpkgMetadata, type Package } from '../model/package.js';
import type { Relationship } from '../model/sbom.js';

/** Files of OS packages that are databases or docs: they never make an OS package own another. */
const NEVER_OWNED = /^\/(var\/lib\/(dpkg|rpm|apk)|lib\/apk\/db|usr\/share\/doc)\//;

/** The files an OS package says it owns (dpkg, rpm and apk metadata all use `files`). */
function ownedFiles(pkg: Package): readonly unknown[] {
  const files = (pkg.metadata as Partial<DpkgMetadata> | undefined)?.files;
  return Array.isArray(files) ? files : [];
}

function filePath(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && typeof (entry as { path?: unknown }).path === 'string') {
    return (entry as { path: string }).path;
  }
  return undefined;
}

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
  for (const pkg of packages) {
    if (!OS_PACKAGE_TYPES.includes(pkg.type)) continue;
    for (const entry of ownedFiles(pkg)) {
      const path = filePath(entry);
      if (path && !NEVER_OWNED.test(path) && !owner.has(path)) owner.set(path, pkg);
    }
  }
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
