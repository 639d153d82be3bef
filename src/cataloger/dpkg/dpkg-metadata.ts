import type { DpkgMetadata, Package } from '../../model/package.js';

/** The dpkg metadata of a deb package (undefined for any other type). */
export function dpkgMetadata(pkg: Package): DpkgMetadata | undefined {
  return pkg.type === 'deb' ? (pkg.metadata as DpkgMetadata | undefined) : undefined;
}
