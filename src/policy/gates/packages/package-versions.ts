import { OS_PACKAGE_TYPES, type PackageType } from '../../../model/package.js';
import { versionScheme } from '../../../versioning/registry.js';
import type { SchemeName } from '../../../versioning/types.js';

/** The version scheme each package type is ordered by. */
export const SCHEME_OF_TYPE: Record<PackageType, SchemeName> = {
  deb: 'deb',
  rpm: 'rpm',
  apk: 'apk',
  npm: 'semver',
  python: 'pep440',
  gem: 'gem',
  java: 'maven',
  go: 'golang',
  dotnet: 'nuget',
  rust: 'semver',
  php: 'semver',
  binary: 'generic',
};

/**
 * Compares two versions of a package of `type` in its own scheme, falling back to the generic
 * scheme when the specific one cannot read them; undefined when neither can.
 */
export function compareVersions(type: string, a: string, b: string): -1 | 0 | 1 | undefined {
  const own = SCHEME_OF_TYPE[type as PackageType] ?? 'generic';
  for (const name of new Set<SchemeName>([own, 'generic'])) {
    try {
      return versionScheme(name).compare(a, b);
    } catch {
      // not a version this scheme reads: try the next
    }
  }
  return undefined;
}

/** Which packages a trigger looks at: OS packages (Anchore's behaviour, the default), the others, or all. */
export const PACKAGE_TYPE_PARAM = {
  name: 'package_type',
  type: 'enum',
  values: ['os', 'non-os', 'all'],
  default: 'os',
  description:
    'os (deb, rpm, apk; the default, as in Anchore), non-os (language and binary packages) or all.',
} as const;

export function ofPackageType(type: string, wanted: string | undefined): boolean {
  const os = (OS_PACKAGE_TYPES as readonly string[]).includes(type);
  return wanted === 'all' || (wanted === 'non-os' ? !os : os);
}
