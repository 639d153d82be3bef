import { OS_PACKAGE_TYPES } from '../../../model/package.js';
import type { MatchedPackage } from '../../../scan/types.js';

/** Anchore's package classes: `os` for distro packages (deb, rpm, apk), `non-os` for the rest. */
export type PackageClass = 'os' | 'non-os';

export function packageClass(type: unknown): PackageClass {
  return (OS_PACKAGE_TYPES as readonly unknown[]).includes(type) ? 'os' : 'non-os';
}

/** The package type as Anchore's messages name it (dpkg, rpm, apkg; others as Customs names them). */
export function anchorePackageType(type: unknown): string {
  if (type === 'deb') return 'dpkg';
  if (type === 'apk') return 'apkg';
  return typeof type === 'string' ? type : 'unknown';
}

/** The package's first location path, or undefined when it has none. */
export function firstLocation(pkg: Partial<MatchedPackage>): string | undefined {
  const locations = Array.isArray(pkg.locations) ? pkg.locations : [];
  const path = locations[0]?.path;
  return typeof path === 'string' && path !== '' ? path : undefined;
}

/** The path segment `fromEnd` places before the last (0 = the last), undefined if missing or empty. */
function segment(path: string | undefined, fromEnd: number): string | undefined {
  if (path === undefined) return undefined;
  const parts = path.split('/');
  if (parts.length <= fromEnd) return undefined;
  return parts[parts.length - 1 - fromEnd] || undefined;
}

/**
 * The package part of a vulnerability trigger id (`<vuln id>+<key>`), as Anchore forms it: an OS
 * package's name; a java or gem package's location basename (`commons-lang3-3.12.0.jar`); an npm
 * package's directory, the parent of its package.json (`lodash`); otherwise, or when that part
 * of the path is missing, `name-version`.
 */
export function packageKey(pkg: Partial<MatchedPackage>): string {
  const name = String(pkg.name ?? '');
  if (packageClass(pkg.type) === 'os') return name;
  const location = firstLocation(pkg);
  const fromPath =
    pkg.type === 'java' || pkg.type === 'gem'
      ? segment(location, 0)
      : pkg.type === 'npm'
        ? segment(location, 1)
        : undefined;
  return fromPath ?? `${name}-${String(pkg.version ?? '')}`;
}

/** How the message names the package: an OS package by name, any other by its location. */
export function packageLabel(pkg: Partial<MatchedPackage>): string {
  const name = String(pkg.name ?? '');
  return packageClass(pkg.type) === 'os' ? name : (firstLocation(pkg) ?? name);
}
