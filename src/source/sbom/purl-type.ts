import { PackageURL } from 'packageurl-js';
import type { PackageType } from '../../model/package.js';

const BY_PURL_TYPE: Record<string, PackageType> = {
  deb: 'deb',
  apk: 'apk',
  alpm: 'binary',
  rpm: 'rpm',
  npm: 'npm',
  pypi: 'python',
  gem: 'gem',
  maven: 'java',
  golang: 'go',
  cargo: 'rust',
  composer: 'php',
  nuget: 'dotnet',
  generic: 'binary',
};

/** The parsed purl, or undefined when it is absent or not a valid package URL. */
export function parsePurl(purl: string | undefined): PackageURL | undefined {
  if (!purl) return undefined;
  try {
    return PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
}

/** The Customs package type of a purl's type; `binary` for types Customs has no family for. */
export function packageTypeOfPurl(purl: PackageURL | undefined): PackageType {
  return (purl && BY_PURL_TYPE[purl.type]) || 'binary';
}

/** The distro a purl's `distro` qualifier names (`debian-12`, `alpine-3.19`), if any. */
export function distroOfPurl(purl: PackageURL | undefined): { id: string; versionId: string } | undefined {
  const distro = purl?.qualifiers?.distro;
  if (typeof distro !== 'string' || distro === '') return undefined;
  const match = /^([a-z][a-z0-9._]*?)-(\d[\w.]*)$/i.exec(distro);
  return match
    ? { id: match[1]!.toLowerCase(), versionId: match[2]! }
    : { id: distro.toLowerCase(), versionId: '' };
}
