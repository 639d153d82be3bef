import type { Package } from '../../model/package.js';
import { sourcePackage } from '../distro/source-package.js';

const PREFIX = /^(?:lib|python3?|pypy3?|node|ruby|php|golang|rust|perl|dotnet)-/;
const SUFFIX = /-(?:java|perl|ruby|js|python3?|dev)$/;

function stem(name: string): string {
  let s = name.toLowerCase();
  for (let i = 0; i < 2; i++) s = s.replace(PREFIX, '').replace(SUFFIX, '');
  return s.replace(/[^a-z0-9]/g, '');
}

/**
 * True when the OS package is the distro's packaging of this language package (python3-requests
 * for requests, node-lodash for lodash, libcommons-lang3-java for commons-lang3), so the distro's
 * verdicts on the owner are verdicts on it. Not for the many packages one OS package bundles (a
 * lockfile shipped inside libruby3.1): the owner's own matches already cover those.
 */
export function sameProject(owned: Package, owner: Package): boolean {
  const wanted = stem(owned.name);
  if (!wanted) return false;
  return [owner.name, sourcePackage(owner).name].some((n) => stem(n) === wanted);
}
