import { packageUrl } from '../package-url.js';
import type { Distro } from '../../model/distro.js';
import type { RpmEntry } from './rpm-entry.js';

/**
 * `pkg:rpm/<distro id>/<name>@<version>-<release>?arch=..&epoch=..&distro=<id>-<versionId>&upstream=<source rpm>`;
 * `undefined` when the parts make no valid purl.
 */
export function rpmPurl(entry: RpmEntry, distro: Distro | null): string | undefined {
  const qualifiers: Record<string, string> = {};
  if (entry.arch) qualifiers['arch'] = entry.arch;
  if (entry.epoch !== undefined) qualifiers['epoch'] = String(entry.epoch);
  if (distro) {
    const release = distro.versionId || distro.versionCodename;
    qualifiers['distro'] = release ? `${distro.id}-${release}` : distro.id;
  }
  if (entry.sourceRpm) qualifiers['upstream'] = entry.sourceRpm;
  const version = entry.release ? `${entry.version}-${entry.release}` : entry.version;
  return packageUrl('rpm', distro?.id, entry.name, version, qualifiers);
}
