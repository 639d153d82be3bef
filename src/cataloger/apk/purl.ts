import { packageUrl } from '../package-url.js';
import type { Distro } from '../../model/distro.js';
import type { ApkRecord } from './installed-db.js';

/** Distros whose packages are apks; the purl namespace is the distro id (alpine by default). */
const APK_DISTROS = new Set(['alpine', 'wolfi', 'chainguard', 'postmarketos']);

/**
 * `pkg:apk/<distro>/<name>@<version>?arch=..&distro=<id>-<versionId>&upstream=<origin>`
 * (`upstream` only when the origin differs from the name); `undefined` when invalid.
 */
export function apkPurl(record: ApkRecord, distro: Distro | null): string | undefined {
  const namespace = distro && APK_DISTROS.has(distro.id) ? distro.id : 'alpine';
  const qualifiers: Record<string, string> = {};
  if (record.architecture) qualifiers['arch'] = record.architecture;
  if (distro) {
    const release = distro.versionId || distro.versionCodename;
    qualifiers['distro'] = release ? `${distro.id}-${release}` : distro.id;
  }
  if (record.originPackage && record.originPackage !== record.package) {
    qualifiers['upstream'] = record.originPackage;
  }
  return packageUrl('apk', namespace, record.package, record.version, qualifiers);
}
