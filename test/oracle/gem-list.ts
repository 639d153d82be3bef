// Oracle: `gem list --local` run by the image's own ruby inside its root (needs root for chroot).
import { execFileSync } from 'node:child_process';

export interface GemListEntry {
  name: string;
  version: string;
  /** A default gem: ships with ruby itself (listed as `default: x.y.z`). */
  isDefault: boolean;
}

/** One `name (v1, default: v2, …)` line → entries; lines of another shape give none. */
export function parseGemListLine(line: string): GemListEntry[] {
  const m = /^(\S+) \((.*)\)$/.exec(line.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return [];
  const name = m[1];
  const entries: GemListEntry[] = [];
  for (const part of m[2].split(',')) {
    let v = part.trim();
    const isDefault = v.startsWith('default:');
    if (isDefault) v = v.slice('default:'.length).trim();
    // A platform may follow the version: `1.15.5 x86_64-linux`.
    const version = v.split(/\s+/)[0];
    if (version) entries.push({ name, version, isDefault });
  }
  return entries;
}

export function parseGemList(text: string): GemListEntry[] {
  return text.split('\n').flatMap(parseGemListLine);
}

/** Installed gems of `rootfs` (default gems included, flagged), per the image's own `gem`. */
export function gemList(rootfs: string): GemListEntry[] {
  const out = execFileSync(
    'chroot',
    [
      rootfs,
      'env',
      '-i',
      'PATH=/usr/local/bin:/usr/bin:/bin',
      'HOME=/root',
      'LANG=C.UTF-8',
      'gem',
      'list',
      '--local',
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return parseGemList(out).sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name),
  );
}
