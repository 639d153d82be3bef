import type { SchemeName } from '../model/version-scheme-name.js';

export type { SchemeName } from '../model/version-scheme-name.js';

/**
 * One ecosystem's version ordering. `compare` is total over the versions `parse` accepts and
 * follows the real tool of the ecosystem exactly (dpkg, rpmvercmp, apk-tools, node-semver,
 * python packaging, Maven's ComparableVersion, RubyGems' Gem::Version, Go's module versions,
 * NuGet). A version the scheme cannot read raises InvalidVersionError (from src/errors).
 */
export interface VersionScheme {
  readonly name: SchemeName;
  /** -1, 0 or 1 as a sorts before, the same as, or after b. */
  compare(a: string, b: string): -1 | 0 | 1;
  /** True when `version` is a valid version of this scheme. */
  isValid(version: string): boolean;
  /**
   * Whether `version` satisfies `constraint` written in the ecosystem's own range syntax
   * (npm ranges `^1.2 || >=2 <3`, PEP 440 specifier sets `>=1,<2,!=1.5`, gem requirements
   * `~> 1.2, >= 1.2.3`, Maven ranges `[1.0,2.0)`, NuGet ranges, comparator lists `>=1.0, <2.0`
   * for the others). Throws InvalidVersionError when the constraint cannot be read.
   */
  satisfies(version: string, constraint: string): boolean;
}
