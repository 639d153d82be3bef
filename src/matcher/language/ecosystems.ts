import type { Package } from '../../model/package.js';
import { normalizePackageName } from '../../vulndb/names.js';

type Metadata = Record<string, unknown>;

/** The name a language package has in its ecosystem's data (see AffectedPackage). */
export function ecosystemName(pkg: Package, namespace: string): string {
  if (pkg.type === 'java') return mavenCoordinates(pkg) ?? pkg.name;
  return normalizePackageName(namespace, pkg.name);
}

/** The version as the ecosystem's data writes it: Go's stdlib without `go`, modules without `v`. */
export function ecosystemVersion(pkg: Package): string {
  const version = pkg.version.trim();
  if (pkg.type === 'go') {
    if (pkg.name === 'stdlib') return version.replace(/^go/, '');
    return version.replace(/^v(?=\d)/, '');
  }
  if (pkg.type === 'php') return version.replace(/^v(?=\d)/, '');
  return version;
}

/** `group:artifact` from the purl (`pkg:maven/group/artifact@v`), else from the metadata. */
function mavenCoordinates(pkg: Package): string | undefined {
  const purl = /^pkg:maven\/([^/]+)\/([^@?#]+)/.exec(pkg.purl ?? '');
  if (purl) return `${decodeURIComponent(purl[1]!)}:${decodeURIComponent(purl[2]!)}`;
  const metadata = (pkg.metadata ?? {}) as Metadata;
  const group = metadata['groupId'];
  const artifact = metadata['artifactId'];
  if (typeof group === 'string' && group && typeof artifact === 'string' && artifact) {
    return `${group}:${artifact}`;
  }
  return undefined;
}
