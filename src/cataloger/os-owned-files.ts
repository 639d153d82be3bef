import { OS_PACKAGE_TYPES, type DpkgMetadata, type Package } from '../model/package.js';

function filePath(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && typeof (entry as { path?: unknown }).path === 'string')
    return (entry as { path: string }).path;
  return undefined;
}

/** The paths an OS package says it owns (dpkg, rpm and apk metadata all use `files`). */
export function ownedPaths(pkg: Package): string[] {
  if (!OS_PACKAGE_TYPES.includes(pkg.type)) return [];
  const files = (pkg.metadata as Partial<DpkgMetadata> | undefined)?.files;
  if (!Array.isArray(files)) return [];
  return files.map(filePath).filter((p): p is string => p !== undefined);
}

/** Every path owned by one of the OS packages among `packages`, with its first owner. */
export function osOwnedFiles(packages: readonly Package[]): Map<string, Package> {
  const owner = new Map<string, Package>();
  for (const pkg of packages) for (const path of ownedPaths(pkg)) if (!owner.has(path)) owner.set(path, pkg);
  return owner;
}
