import { OS_PACKAGE_TYPES, type Package } from '../../model/package.js';
import type { Match } from '../../scan/types.js';

/** The flaws a match is about: its CVE ids (its own or its aliases), else its own id. */
function flaws(match: Match): string[] {
  const { id, aliases } = match.vulnerability;
  const cves = [id, ...aliases].filter((x) => x.startsWith('CVE-'));
  return cves.length ? cves : [id];
}

/**
 * A language package an OS package owns (the gem in ruby-rack's files) that is matched for a flaw
 * its owner is matched for too is one finding reported twice, the second time with the owner's
 * fix on the wrong row: only the owner's match stays, since upgrading the OS package is the fix
 * (grype drops such matches likewise). A flaw only the owned package has keeps its match.
 */
export function dropOwnedDuplicates(
  matches: readonly Match[],
  packagesById: ReadonlyMap<string, Package>,
): Match[] {
  const byPackage = new Map<string, Set<string>>();
  for (const m of matches) {
    const known = byPackage.get(m.package.id) ?? new Set<string>();
    for (const flaw of flaws(m)) known.add(flaw);
    byPackage.set(m.package.id, known);
  }
  return matches.filter((m) => {
    const ownerId = packagesById.get(m.package.id)?.ownedBy;
    const owner = ownerId === undefined ? undefined : packagesById.get(ownerId);
    if (!owner || !OS_PACKAGE_TYPES.includes(owner.type)) return true;
    const ownerFlaws = byPackage.get(owner.id);
    return !ownerFlaws || !flaws(m).some((flaw) => ownerFlaws.has(flaw));
  });
}
