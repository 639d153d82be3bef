import type { Distro } from '../model/distro.js';

interface Family {
  pattern: RegExp;
  id: string;
  /** How much of the release number os-release's VERSION_ID keeps. */
  version: 'major' | 'major.minor' | 'full';
}

/** Longest names first: "CentOS Stream" must win over "CentOS". */
const FAMILIES: Family[] = [
  { pattern: /^red hat enterprise linux/i, id: 'rhel', version: 'major.minor' },
  { pattern: /^centos stream/i, id: 'centos', version: 'major' },
  { pattern: /^centos/i, id: 'centos', version: 'major' },
  { pattern: /^amazon linux/i, id: 'amzn', version: 'full' },
  { pattern: /^fedora/i, id: 'fedora', version: 'major' },
  { pattern: /^rocky linux/i, id: 'rocky', version: 'major.minor' },
  { pattern: /^almalinux/i, id: 'almalinux', version: 'major.minor' },
  { pattern: /^oracle linux/i, id: 'ol', version: 'major.minor' },
  { pattern: /^scientific linux/i, id: 'scientific', version: 'major.minor' },
];

function trimVersion(release: string, keep: Family['version']): string {
  if (keep === 'full') return release;
  const parts = release.split('.');
  return keep === 'major' ? (parts[0] as string) : parts.slice(0, 2).join('.');
}

/**
 * A Distro from a Red Hat family release line, e.g. `Red Hat Enterprise Linux release 8.9
 * (Ootpa)`, `CentOS Linux release 7.9.2009 (Core)` or `Amazon Linux release 2 (Karoo)`.
 */
export function distroFromRedhatRelease(text: string, source: string): Distro | null {
  const line =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  const match = /^(.+?)\s+release\s+(\d[\w.]*)(?:\s*\(([^)]*)\))?/i.exec(line);
  if (!match) return null;
  const name = match[1] as string;
  const family = FAMILIES.find((f) => f.pattern.test(name));
  const id = family?.id ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const distro: Distro = {
    id,
    versionId: trimVersion(match[2] as string, family?.version ?? 'full'),
    name,
    prettyName: line,
    source,
  };
  if (match[3]) distro.versionCodename = match[3].trim();
  return distro;
}
