import type { PackageType } from './package.js';
import type { SchemeName } from './version-scheme-name.js';

/**
 * A language ecosystem: where its packages' vulnerability records live in the database (the
 * namespace the feed providers write and the matcher looks up), how its versions compare, and
 * what OSV calls it. The one table both sides read, so they cannot drift apart.
 */
export interface LanguageEcosystem {
  type: PackageType;
  namespace: string;
  scheme: SchemeName;
  /** The OSV `ecosystem` value. */
  osv: string;
}

export const LANGUAGE_ECOSYSTEMS: readonly LanguageEcosystem[] = Object.freeze([
  { type: 'npm', namespace: 'npm', scheme: 'semver', osv: 'npm' },
  { type: 'python', namespace: 'pypi', scheme: 'pep440', osv: 'PyPI' },
  { type: 'gem', namespace: 'rubygems', scheme: 'gem', osv: 'RubyGems' },
  { type: 'java', namespace: 'maven', scheme: 'maven', osv: 'Maven' },
  { type: 'go', namespace: 'go', scheme: 'golang', osv: 'Go' },
  { type: 'rust', namespace: 'crates.io', scheme: 'semver', osv: 'crates.io' },
  // Composer versions ('1.0', '2.0.1-p1', four-part '1.0.0.0') are not strict semver.
  { type: 'php', namespace: 'packagist', scheme: 'generic', osv: 'Packagist' },
  { type: 'dotnet', namespace: 'nuget', scheme: 'nuget', osv: 'NuGet' },
] satisfies LanguageEcosystem[]);

/** The ecosystem of a language package type; undefined for OS and binary packages. */
export function ecosystemOfType(type: PackageType): LanguageEcosystem | undefined {
  return LANGUAGE_ECOSYSTEMS.find((e) => e.type === type);
}

/** The ecosystem OSV names so (exact spelling); undefined for distros and the unknown. */
export function ecosystemOfOsv(osv: string): LanguageEcosystem | undefined {
  return LANGUAGE_ECOSYSTEMS.find((e) => e.osv === osv);
}

/** The ecosystem whose records live in `namespace`. */
export function ecosystemOfNamespace(namespace: string): LanguageEcosystem | undefined {
  return LANGUAGE_ECOSYSTEMS.find((e) => e.namespace === namespace);
}
