import type { Package, PackageType } from '../../model/package.js';
import { normalizePackageName } from '../../vulndb/names.js';
import type { SchemeName } from '../../versioning/types.js';

/** The ecosystem namespace and version scheme of each language package type. */
export const ECOSYSTEMS: Readonly<Partial<Record<PackageType, { namespace: string; scheme: SchemeName }>>> = {
  npm: { namespace: 'npm', scheme: 'semver' },
  python: { namespace: 'pypi', scheme: 'pep440' },
  gem: { namespace: 'rubygems', scheme: 'gem' },
  java: { namespace: 'maven', scheme: 'maven' },
  go: { namespace: 'go', scheme: 'golang' },
  rust: { namespace: 'crates.io', scheme: 'semver' },
  // Composer versions are not strict semver: the Packagist feeds are stored with the generic scheme.
  php: { namespace: 'packagist', scheme: 'generic' },
  dotnet: { namespace: 'nuget', scheme: 'nuget' },
};

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
