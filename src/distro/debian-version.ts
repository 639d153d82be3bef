import type { Distro } from '../model/distro.js';

/**
 * A Distro from /etc/debian_version: `12.5` is Debian 12, `11.0` Debian 11, `8.11` Debian 8
 * (the major number is the release, as in os-release's VERSION_ID); a codename such as
 * `bookworm/sid` or `trixie/sid` is a testing or unstable system without a version.
 */
export function distroFromDebianVersion(text: string, source: string): Distro | null {
  const value = text.trim().split(/\s+/)[0] ?? '';
  if (value === '') return null;
  const numeric = /^(\d+)(?:\.\d+)*$/.exec(value);
  if (numeric) return { id: 'debian', versionId: numeric[1] as string, source };
  if (/^[a-z][a-z0-9-]*(?:\/[a-z][a-z0-9-]*)?$/.test(value)) {
    const codename = value.split('/')[0] as string;
    return { id: 'debian', versionId: '', versionCodename: codename, source };
  }
  return null;
}
