import type { Distro } from '../model/distro.js';
import type { FileView } from '../resolver/file-view.js';
import { distroFromAlpineRelease } from './alpine-release.js';
import { distroFromDebianVersion } from './debian-version.js';
import { distroFromDistroless } from './distroless.js';
import { distroFromLsbRelease } from './lsb-release.js';
import { distroFromOsRelease } from './os-release.js';
import { distroFromRedhatRelease } from './redhat-release.js';
import { distroFromSuseRelease } from './suse-release.js';

type ReleaseParser = (text: string, source: string) => Distro | null;

/** The release files asked, in order; the first that yields a distro answers. */
const RELEASE_FILES: ReadonlyArray<readonly [string, ReleaseParser]> = [
  ['/etc/os-release', distroFromOsRelease],
  ['/usr/lib/os-release', distroFromOsRelease],
  ['/etc/lsb-release', distroFromLsbRelease],
  ['/etc/debian_version', distroFromDebianVersion],
  ['/etc/alpine-release', distroFromAlpineRelease],
  ['/etc/redhat-release', distroFromRedhatRelease],
  ['/etc/centos-release', distroFromRedhatRelease],
  ['/etc/fedora-release', distroFromRedhatRelease],
  ['/etc/rocky-release', distroFromRedhatRelease],
  ['/etc/almalinux-release', distroFromRedhatRelease],
  ['/etc/oracle-release', distroFromRedhatRelease],
  ['/etc/system-release', distroFromRedhatRelease],
  ['/etc/SuSE-release', distroFromSuseRelease],
];

const WANTED = new Set(RELEASE_FILES.map(([path]) => path));

/** Whether `path` is a release file the distro detection reads (cheap; asked for every path). */
export function wantsDistroFile(path: string): boolean {
  return WANTED.has(path);
}

function readText(view: FileView, path: string): string | undefined {
  const record = view.lookup(path, { follow: true });
  if (!record || record.type !== 'file') return undefined;
  return view.content(record)?.toString('utf8');
}

/** The distro the image's release files name, or `null` when none does. Never throws. */
export function detectDistro(view: FileView): Distro | null {
  for (const [path, parse] of RELEASE_FILES) {
    const text = readText(view, path);
    if (text === undefined) continue;
    const distro = parse(text, path);
    if (distro) return distro;
  }
  return distroFromDistroless(view);
}
