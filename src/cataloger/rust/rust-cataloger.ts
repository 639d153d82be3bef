import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { isBinaryCandidate } from '../elf/inspect-candidates.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { auditableByHead, readAuditableBinary } from './auditable-section.js';
import { parseCargoLock } from './cargo-lock.js';
import { cargoPurl, type Crate, type CrateOutcome } from './crate.js';

const NAME = 'rust';

/** `Cargo.lock` anywhere in the image. */
export function wantsRustPath(path: string): boolean {
  return path.endsWith('/Cargo.lock');
}

/** Lock entries from a registry or git are packages; the rest are the workspace's own crates. */
function isLockPackage(crate: Crate): boolean {
  return (
    !!crate.source &&
    (crate.source.startsWith('registry+') ||
      crate.source.startsWith('sparse+') ||
      crate.source.startsWith('git+'))
  );
}

interface Collected {
  packages: Map<string, Package>;
  relationships: Map<string, Relationship>;
  unknowns: Unknown[];
}

function addCrates(out: Collected, record: FileRecord, outcome: CrateOutcome, fromBinary: boolean): void {
  if (outcome.kind === 'invalid') {
    out.unknowns.push(unknownAt(record, NAME, outcome.message));
    return;
  }
  for (const problem of outcome.problems) out.unknowns.push(unknownAt(record, NAME, problem));
  const location: Location = { path: record.path, layer: record.layerDigest, layerIndex: record.layerIndex };
  const ids = outcome.crates.map((crate) => {
    if (!fromBinary && !isLockPackage(crate)) return undefined;
    const id = packageId('rust', crate.name, crate.version, `${record.path}\u0000${crate.source ?? ''}`);
    const seen = out.packages.get(id);
    if (seen) {
      if (!seen.locations.some((l) => l.layerIndex === location.layerIndex)) seen.locations.push(location);
      return id;
    }
    const metadata: Record<string, unknown> = {};
    if (crate.source) metadata.source = crate.source;
    if (crate.checksum) metadata.checksum = crate.checksum;
    if (crate.kind) metadata.kind = crate.kind;
    if (crate.root) metadata.root = true;
    out.packages.set(id, {
      id,
      name: crate.name,
      version: crate.version,
      type: 'rust',
      purl: cargoPurl(crate.name, crate.version),
      locations: [location],
      foundBy: NAME,
      metadata,
    });
    return id;
  });
  outcome.crates.forEach((crate, i) => {
    const from = ids[i];
    if (!from) return;
    for (const dep of crate.dependencies) {
      const to = ids[dep];
      if (to && to !== from) out.relationships.set(`${from}>${to}`, { from, to, type: 'depends-on' });
    }
  });
}

function byLayerThenPath(a: FileRecord, b: FileRecord): number {
  return a.layerIndex - b.layerIndex || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function catalogRust(context: CatalogContext): CatalogResult {
  const out: Collected = { packages: new Map(), relationships: new Map(), unknowns: [] };
  const locks = context.files.find(wantsRustPath).filter((r) => r.type === 'file');
  for (const record of locks.sort(byLayerThenPath)) {
    const text = readText(context.files, record, NAME, out.unknowns);
    if (text !== undefined) addCrates(out, record, parseCargoLock(text), false);
  }
  const inspectedPaths = new Set([...context.inspections.keys()].map((r) => r.path));
  const binaries = context.files.find((p) => inspectedPaths.has(p)).filter((r) => context.inspections.has(r));
  for (const record of binaries.sort(byLayerThenPath)) {
    const outcome = context.inspections.get(record) as CrateOutcome | { reason: string } | undefined;
    if (outcome && 'kind' in outcome) addCrates(out, record, outcome, true);
  }
  return {
    packages: [...out.packages.values()],
    unknowns: out.unknowns,
    relationships: [...out.relationships.values()],
  };
}

/**
 * Rust crates: `Cargo.lock` files (registry and git sources; path crates are the workspace) and
 * binaries built with cargo-auditable (the zlib-compressed `.dep-v0` section), found by content.
 */
export const rustCataloger: Cataloger = {
  name: NAME,
  version: 2,
  wants: wantsRustPath,
  wantsInspect: isBinaryCandidate,
  inspect: (_record, content) => readAuditableBinary(content),
  inspectHead: (_record, head, size) => auditableByHead(head, size),
  catalog: catalogRust,
};
