import { OS_PACKAGE_TYPES, type Package } from '../../model/package.js';

/** Which OS packages (deb, rpm, apk) list each path among their files: path → package ids. */
export function ownersByPath(packages: readonly Package[]): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const pkg of packages) {
    if (!OS_PACKAGE_TYPES.includes(pkg.type)) continue;
    const files = (pkg.metadata as { files?: unknown } | undefined)?.files;
    if (!Array.isArray(files)) continue;
    for (const file of files) {
      const path = typeof file === 'string' ? file : (file as { path?: unknown } | null)?.path;
      if (typeof path !== 'string') continue;
      const ids = owners.get(path);
      if (!ids) owners.set(path, [pkg.id]);
      else if (!ids.includes(pkg.id)) ids.push(pkg.id);
    }
  }
  return owners;
}
