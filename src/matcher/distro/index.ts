import type { Package } from '../../model/package.js';
import type { SchemeName } from '../../versioning/types.js';
import type { Lookup, Matcher, MatcherContext } from '../types.js';
import { sourcePackage } from './source-package.js';

export { distroNamespaces, resolveDistro, type DistroTarget } from './distro-namespace.js';
export { sourcePackage, parseSourceRpm } from './source-package.js';

const SCHEMES: Readonly<Record<string, SchemeName>> = { deb: 'deb', rpm: 'rpm', apk: 'apk' };

/**
 * The lookup of an OS package in its distro's data: by SOURCE package and source version, so a
 * backported fix counts (libc6 2.36-9+deb12u7 is glibc 2.36-9+deb12u7). None when the database
 * has no data for the distro (the scan says so loudly).
 */
export function distroLookup(pkg: Package, context: MatcherContext, kind: Lookup['kind']): Lookup[] {
  const namespace = context.distro?.namespace;
  const scheme = SCHEMES[pkg.type];
  if (!namespace || !scheme) return [];
  const source = sourcePackage(pkg);
  const lookup: Lookup = { kind, namespace, name: source.name, version: source.version, scheme };
  if (context.distro?.note) lookup.note = context.distro.note;
  return [lookup];
}

export const distroMatcher: Matcher = {
  name: 'distro',
  types: ['deb', 'rpm', 'apk'],
  handles: (pkg) => pkg.type in SCHEMES,
  lookups: (pkg, context) => distroLookup(pkg, context, 'distro'),
};
