import { OS_PACKAGE_TYPES } from '../../model/package.js';
import { distroLookup } from '../distro/index.js';
import type { Matcher } from '../types.js';
import { sameProject } from './same-project.js';

/**
 * A language package whose files an OS package owns (Debian's python3-requests): the distro
 * backports fixes into it, so it is matched through its owner's source package in the distro
 * data, never through the ecosystem (whose version numbers would say "vulnerable"). Only when
 * the owner packages this very project: the other packages an OS package bundles get no match of
 * their own (their owner's matches stand for them, as grype drops them).
 */
export const osOwnedMatcher: Matcher = {
  name: 'os-owned',
  types: ['npm', 'python', 'gem', 'java', 'go', 'rust', 'php', 'dotnet', 'binary'],
  handles: (pkg) => pkg.ownedBy !== undefined && !OS_PACKAGE_TYPES.includes(pkg.type),
  lookups(pkg, context) {
    const owner = pkg.ownedBy === undefined ? undefined : context.packagesById.get(pkg.ownedBy);
    if (!owner || !OS_PACKAGE_TYPES.includes(owner.type) || !sameProject(pkg, owner)) return [];
    return distroLookup(owner, context, 'os-owned').map((lookup) => ({ ...lookup, via: owner }));
  },
};

export { dropOwnedDuplicates } from './drop-owned-duplicates.js';
