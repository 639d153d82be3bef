import type { Distro } from '../model/distro.js';

/**
 * A Distro from the old /etc/SuSE-release (SLES 11/12, openSUSE before os-release), e.g.
 * `SUSE Linux Enterprise Server 11 (x86_64)` + `VERSION = 11` + `PATCHLEVEL = 4` → sles 11.4.
 */
export function distroFromSuseRelease(text: string, source: string): Distro | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const first = lines.find((l) => l !== '') ?? '';
  const field = (key: string): string | undefined =>
    lines.map((l) => new RegExp(`^${key}\\s*=\\s*(\\S+)`).exec(l)?.[1]).find((v) => v !== undefined);
  const version = field('VERSION');
  if (!version || !/^\d/.test(version)) return null;
  let id: string;
  if (/^suse linux enterprise server/i.test(first)) id = 'sles';
  else if (/^suse linux enterprise desktop/i.test(first)) id = 'sled';
  else if (/^opensuse/i.test(first)) id = 'opensuse';
  else return null;
  const patch = field('PATCHLEVEL');
  const versionId = patch && patch !== '0' && !version.includes('.') ? `${version}.${patch}` : version;
  return { id, versionId, name: first.replace(/\s*\([^)]*\)\s*$/, ''), prettyName: first, source };
}
