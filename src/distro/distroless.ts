import type { Distro } from '../model/distro.js';
import type { FileView } from '../resolver/file-view.js';

export const DPKG_STATUS_D = '/var/lib/dpkg/status.d';

/**
 * Google's distroless images keep one dpkg paragraph per package under status.d instead of a
 * status file. When nothing else named the distro, that is still Debian (version unknown).
 */
export function distroFromDistroless(view: FileView): Distro | null {
  const prefix = DPKG_STATUS_D + '/';
  const found = view.find((path) => path.startsWith(prefix)).some((r) => r.type === 'file');
  return found ? { id: 'debian', versionId: '', source: DPKG_STATUS_D } : null;
}
