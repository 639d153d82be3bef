import type { Package, PackageType } from '../model/package.js';
import type { MatchDetails } from '../scan/types.js';
import type { SchemeName } from '../versioning/types.js';
import type { DistroTarget } from './distro/distro-namespace.js';

/** One (namespace, package) the database is asked about for one SBOM package. */
export interface Lookup {
  kind: MatchDetails['kind'];
  namespace: string;
  /** The name as the database writes it (normalised for the namespace). */
  name: string;
  /** The version compared against the records (e.g. the Debian source version). */
  version: string;
  scheme: SchemeName;
  /** For os-owned matches: the OS package the lookup went through. */
  via?: Package;
  /** Said in the match details (a namespace fallback, a CPE guess). */
  note?: string;
}

/** What every matcher may look at besides the package itself. */
export interface MatcherContext {
  /** The SBOM's distro resolved against the database, or null when none was detected. */
  distro: DistroTarget | null;
  packagesById: ReadonlyMap<string, Package>;
  /** `--cpe`: also look packages up by guessed CPE in `nvd:cpe`. */
  cpe: boolean;
}

/**
 * One family of packages. `lookups` says what to ask the database; an empty list means "nothing
 * to look up" (the engine reports why through `skipReason`).
 */
export interface Matcher {
  readonly name: string;
  /** Package types this matcher claims (the first claiming matcher in the registry wins). */
  readonly types: readonly PackageType[];
  /** True when this matcher takes this package (checked in registry order). */
  handles(pkg: Package, context: MatcherContext): boolean;
  lookups(pkg: Package, context: MatcherContext): Lookup[];
}
