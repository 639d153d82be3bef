import type { Package } from '../model/package.js';
import type { ImageDrift, PackageVersions } from './types.js';

const key = (type: string, name: string) => `${type}\u0000${name}`;

function byName(packages: readonly Package[]): Map<string, PackageVersions> {
  const out = new Map<string, PackageVersions>();
  for (const p of packages) {
    const k = key(p.type, p.name);
    const entry = out.get(k) ?? { type: p.type, name: p.name, versions: [] };
    if (!entry.versions.includes(p.version)) entry.versions.push(p.version);
    out.set(k, entry);
  }
  for (const entry of out.values()) entry.versions.sort();
  return out;
}

const order = (a: { type: string; name: string }, b: { type: string; name: string }) =>
  a.type.localeCompare(b.type) || a.name.localeCompare(b.name);

/**
 * Packages by type and name: added, removed, or changed (the set of versions differs; an image
 * may hold one name at several versions, in several places).
 */
export function diffPackages(before: readonly Package[], after: readonly Package[]): ImageDrift['packages'] {
  const was = byName(before);
  const now = byName(after);
  const added: PackageVersions[] = [];
  const changed: ImageDrift['packages']['changed'] = [];
  for (const [k, entry] of now) {
    const old = was.get(k);
    if (!old) added.push(entry);
    else if (old.versions.join('\u0000') !== entry.versions.join('\u0000'))
      changed.push({ type: entry.type, name: entry.name, before: old.versions, after: entry.versions });
  }
  const removed = [...was].filter(([k]) => !now.has(k)).map(([, entry]) => entry);
  return { added: added.sort(order), removed: removed.sort(order), changed: changed.sort(order) };
}
