import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship } from '../../model/sbom.js';
import type { GoModule, GoModInfo } from './mod-info.js';
import { golangPurl, stdlibVersion } from './purl.js';

export const GO_CATALOGER = 'go-module-binary';

/** The packages of one Go binary (path) and how its main module depends on the others. */
export interface GoBinaryPackages {
  packages: Package[];
  relationships: Relationship[];
}

function goPackage(
  name: string,
  version: string,
  binaryPath: string,
  locations: Location[],
  metadata: Record<string, unknown>,
): Package {
  return {
    id: packageId('go', name, version, binaryPath),
    name,
    version,
    type: 'go',
    purl: golangPurl(name, version),
    locations,
    foundBy: GO_CATALOGER,
    metadata,
  };
}

/** A replaced module is reported as its replacement when that is a versioned module (not a local path). */
function effective(mod: GoModule): { path: string; version: string; sum?: string; replaces?: string } {
  const r = mod.replace;
  if (r && r.version) {
    const out: { path: string; version: string; sum?: string; replaces?: string } = {
      path: r.path,
      version: r.version,
      replaces: `${mod.path}@${mod.version}`,
    };
    if (r.sum) out.sum = r.sum;
    return out;
  }
  return { path: mod.path, version: mod.version, ...(mod.sum ? { sum: mod.sum } : {}) };
}

/**
 * The packages of a Go binary: its main module (version `(devel)` kept), every `dep` module
 * (replacements applied), and a `stdlib` package carrying the Go version.
 */
export function goBinaryPackages(
  binaryPath: string,
  goVersion: string,
  modInfo: GoModInfo,
  locations: Location[],
): GoBinaryPackages {
  const setting = (key: string): string | undefined => modInfo.settings.find((s) => s.key === key)?.value;
  const common: Record<string, unknown> = { goVersion };
  const arch = setting('GOARCH');
  const os = setting('GOOS');
  if (arch) common.architecture = arch;
  if (os) common.goos = os;
  if (modInfo.main) common.mainModule = modInfo.main.path;
  const packages: Package[] = [];
  let main: Package | undefined;
  if (modInfo.main) {
    const settings = Object.fromEntries(modInfo.settings.map((s) => [s.key, s.value]));
    const meta: Record<string, unknown> = { ...common, buildSettings: settings };
    if (modInfo.path) meta.mainPackage = modInfo.path;
    if (modInfo.main.sum) meta.h1Digest = modInfo.main.sum;
    main = goPackage(modInfo.main.path, modInfo.main.version, binaryPath, locations, meta);
    packages.push(main);
  }
  for (const dep of modInfo.deps) {
    const mod = effective(dep);
    const meta: Record<string, unknown> = { ...common };
    if (mod.sum) meta.h1Digest = mod.sum;
    if (mod.replaces) meta.replaces = mod.replaces;
    if (dep.replace && !dep.replace.version) meta.replacedBy = dep.replace.path;
    packages.push(goPackage(mod.path, mod.version, binaryPath, locations, meta));
  }
  if (goVersion) {
    const stdlib = goPackage('stdlib', stdlibVersion(goVersion), binaryPath, locations, { ...common });
    if (modInfo.path && !modInfo.main)
      (stdlib.metadata as Record<string, unknown>).mainPackage = modInfo.path;
    packages.push(stdlib);
  }
  const relationships: Relationship[] = main
    ? packages
        .filter((p) => p !== main)
        .map((p) => ({ from: main.id, to: p.id, type: 'depends-on' as const }))
    : [];
  return { packages, relationships };
}
