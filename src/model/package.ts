import type { Location } from './location.js';

/** Every package type Customs reports, in one list (the type below is derived from it). */
export const PACKAGE_TYPES = [
  'deb',
  'apk',
  'rpm',
  'npm',
  'python',
  'gem',
  'java',
  'go',
  'rust',
  'php',
  'dotnet',
  'binary',
] as const;

export type PackageType = (typeof PACKAGE_TYPES)[number];

/** Package types that come from an OS package manager: they own files, distros backport their fixes. */
export const OS_PACKAGE_TYPES: readonly PackageType[] = ['deb', 'apk', 'rpm'];

export interface DpkgMetadata {
  package: string;
  source?: string;
  sourceVersion?: string;
  version: string;
  architecture?: string;
  maintainer?: string;
  installedSize?: number;
  depends?: string[];
  preDepends?: string[];
  provides?: string[];
  /** Files the package owns, from dpkg's info/*.list or status.d md5sums. */
  files?: string[];
}

export interface Package {
  /** Stable identity within one SBOM. */
  id: string;
  name: string;
  version: string;
  type: PackageType;
  purl?: string;
  licenses?: string[];
  locations: Location[];
  /** The cataloger that found it. */
  foundBy: string;
  /** Ecosystem-specific details (DpkgMetadata for deb; each cataloger documents its own). */
  metadata?: DpkgMetadata | { [key: string]: unknown };
  /**
   * Set on a language package whose files an OS package owns (Debian's python3-requests owning
   * requests' dist-info): the id of that OS package, whose distro fixes apply to it.
   */
  ownedBy?: string;
}
