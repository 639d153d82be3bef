import type { PackageContent, VulnerabilityView } from '../../api/types.js';

export interface PackageChange {
  type: string;
  name: string;
  before?: string;
  after?: string;
}

export interface ImageDiff {
  added: PackageChange[];
  removed: PackageChange[];
  changed: PackageChange[];
  introduced: VulnerabilityView[];
  fixed: VulnerabilityView[];
}

const packageKey = (p: PackageContent) => `${p.type}\u0000${p.package}`;
const vulnKey = (v: VulnerabilityView) => `${v.vuln}\u0000${v.package_type}\u0000${v.package_name}`;

/** What changed from `before` to `after`: packages by type and name, vulnerabilities by id and package. */
export function diffImages(
  before: { packages: PackageContent[]; vulnerabilities: VulnerabilityView[] },
  after: { packages: PackageContent[]; vulnerabilities: VulnerabilityView[] },
): ImageDiff {
  const versions = (list: PackageContent[]) => {
    const map = new Map<string, { type: string; name: string; versions: Set<string> }>();
    for (const p of list) {
      const entry = map.get(packageKey(p)) ?? { type: p.type, name: p.package, versions: new Set<string>() };
      entry.versions.add(p.version);
      map.set(packageKey(p), entry);
    }
    return map;
  };
  const was = versions(before.packages);
  const now = versions(after.packages);
  const text = (set: Set<string>) => [...set].sort().join(', ');
  const added: PackageChange[] = [];
  const removed: PackageChange[] = [];
  const changed: PackageChange[] = [];
  for (const [key, entry] of now) {
    const old = was.get(key);
    if (!old) added.push({ type: entry.type, name: entry.name, after: text(entry.versions) });
    else if (text(old.versions) !== text(entry.versions))
      changed.push({
        type: entry.type,
        name: entry.name,
        before: text(old.versions),
        after: text(entry.versions),
      });
  }
  for (const [key, entry] of was)
    if (!now.has(key)) removed.push({ type: entry.type, name: entry.name, before: text(entry.versions) });
  const oldVulns = new Set(before.vulnerabilities.map(vulnKey));
  const newVulns = new Set(after.vulnerabilities.map(vulnKey));
  const byName = (a: PackageChange, b: PackageChange) =>
    a.type.localeCompare(b.type) || a.name.localeCompare(b.name);
  return {
    added: added.sort(byName),
    removed: removed.sort(byName),
    changed: changed.sort(byName),
    introduced: after.vulnerabilities.filter((v) => !oldVulns.has(vulnKey(v))),
    fixed: before.vulnerabilities.filter((v) => !newVulns.has(vulnKey(v))),
  };
}
