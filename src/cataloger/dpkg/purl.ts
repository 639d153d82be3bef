import { packageUrl } from '../package-url.js';
import type { Distro } from '../../model/distro.js';

export interface DebPurlInput {
  name: string;
  version: string;
  architecture?: string;
  source: string;
  sourceVersion: string;
}

function distroQualifier(distro: Distro): string {
  const release = distro.versionId || distro.versionCodename;
  return release ? `${distro.id}-${release}` : distro.id;
}

/**
 * `pkg:deb/<distro>/<name>@<version>?arch=..&distro=<id>-<versionId>&upstream=..` as syft writes
 * it: `upstream` names the source package when it differs from the binary, with `@<version>`
 * when the source version differs. `undefined` when the parts make no valid purl.
 */
export function debPurl(input: DebPurlInput, distro: Distro | null): string | undefined {
  const qualifiers: Record<string, string> = {};
  if (input.architecture) qualifiers['arch'] = input.architecture;
  if (distro) qualifiers['distro'] = distroQualifier(distro);
  if (input.sourceVersion !== input.version) {
    qualifiers['upstream'] = `${input.source}@${input.sourceVersion}`;
  } else if (input.source !== input.name) {
    qualifiers['upstream'] = input.source;
  }
  return packageUrl('deb', distro?.id ?? 'debian', input.name, input.version, qualifiers);
}
