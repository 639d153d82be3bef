import { packageUrl } from '../package-url.js';
import type { Location } from '../../model/location.js';
import { OS_PACKAGE_TYPES, type Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { isBinaryCandidate } from '../elf/inspect-candidates.js';
import { readText } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import {
  classifyBinary,
  classifyByHead,
  parseJavaRelease,
  type BinaryMatch,
  type JvmBinary,
} from './classify-content.js';

const NAME = 'binary-classifier';

/** The `release` file of a Java home (small text, read in catalog for JVM binaries). */
export function wantsJavaRelease(path: string): boolean {
  return path.endsWith('/release') && !path.startsWith('/etc/') && !path.startsWith('/proc/');
}

/** Paths that OS packages (deb, rpm, apk) say they own. */
function osOwnedPaths(packages: readonly Package[]): Set<string> {
  const owned = new Set<string>();
  for (const pkg of packages) {
    if (!OS_PACKAGE_TYPES.includes(pkg.type)) continue;
    const files = (pkg.metadata as { files?: unknown } | undefined)?.files;
    if (!Array.isArray(files)) continue;
    for (const f of files) {
      const path = typeof f === 'string' ? f : (f as { path?: unknown } | null)?.path;
      if (typeof path === 'string') owned.add(path);
    }
  }
  return owned;
}

function isMatch(value: unknown): value is BinaryMatch | JvmBinary {
  const v = value as Partial<BinaryMatch & JvmBinary> | null;
  return !!v && (v.jvm === true || (typeof v.name === 'string' && typeof v.version === 'string'));
}

function javaMatch(context: CatalogContext, jvm: JvmBinary, unknowns: Unknown[]): BinaryMatch | undefined {
  const release = context.files.find((p) => p === `${jvm.javaHome}/release`).filter((r) => r.type === 'file');
  const record = release[release.length - 1];
  if (!record) return undefined;
  const text = readText(context.files, record, NAME, unknowns);
  const version = text === undefined ? undefined : parseJavaRelease(text).version;
  return version ? { name: 'openjdk', version } : undefined;
}

function catalogBinaries(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const owned = osOwnedPaths(context.packagesSoFar);
  const packages = new Map<string, Package>();
  const inspectedPaths = new Set([...context.inspections.keys()].map((r) => r.path));
  const records: FileRecord[] = context.files
    .find((p) => inspectedPaths.has(p) && !owned.has(p))
    .filter((r) => context.inspections.has(r))
    .sort((a, b) => a.layerIndex - b.layerIndex || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const record of records) {
    const found = context.inspections.get(record);
    if (!isMatch(found)) continue;
    const match = 'jvm' in found ? javaMatch(context, found, unknowns) : found;
    if (!match) continue;
    const location: Location = {
      path: record.path,
      layer: record.layerDigest,
      layerIndex: record.layerIndex,
    };
    const id = packageId('binary', match.name, match.version, record.path);
    const seen = packages.get(id);
    if (seen) {
      if (!seen.locations.some((l) => l.layerIndex === location.layerIndex)) seen.locations.push(location);
      continue;
    }
    packages.set(id, {
      id,
      name: match.name,
      version: match.version,
      type: 'binary',
      purl: packageUrl('generic', undefined, match.name, match.version),
      locations: [location],
      foundBy: NAME,
      metadata: { classifier: match.name },
    });
  }
  return { packages: [...packages.values()], unknowns };
}

/**
 * Runtimes installed outside package managers (node, python, go, busybox, nginx, httpd, redis,
 * postgres, openssl, openjdk), recognised by file name and a version pattern in the binary.
 * A binary an OS package owns is left to that package.
 */
export const binaryClassifierCataloger: Cataloger = {
  name: NAME,
  version: 2,
  wants: wantsJavaRelease,
  wantsInspect: isBinaryCandidate,
  inspect: (record, content) => classifyBinary(record.path, content),
  inspectHead: (record, head, size) => classifyByHead(record.path, head, size),
  catalog: catalogBinaries,
};
