import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { isBinaryCandidate } from '../elf/inspect-candidates.js';
import { unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { inspectGoBinary, inspectGoBinaryHead, type GoBinaryInspection } from './go-binary-inspection.js';
import { GO_CATALOGER, goBinaryPackages } from './go-packages.js';

function isGoInspection(value: unknown): value is GoBinaryInspection {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'go' || kind === 'corrupt';
}

/** The records of the scope that were inspected, in layer then path order. */
export function inspectedRecords(context: CatalogContext): FileRecord[] {
  const paths = new Set<string>();
  for (const record of context.inspections.keys()) paths.add(record.path);
  return context.files
    .find((path) => paths.has(path))
    .filter((r) => context.inspections.has(r))
    .sort((a, b) => a.layerIndex - b.layerIndex || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function catalogGo(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const packages = new Map<string, Package>();
  const relationships = new Map<string, Relationship>();
  for (const record of inspectedRecords(context)) {
    const inspected = context.inspections.get(record);
    if (!isGoInspection(inspected)) continue;
    if (inspected.kind === 'corrupt') {
      unknowns.push(unknownAt(record, GO_CATALOGER, inspected.message));
      continue;
    }
    const location: Location = {
      path: record.path,
      layer: record.layerDigest,
      layerIndex: record.layerIndex,
    };
    for (const problem of inspected.modInfo.problems) unknowns.push(unknownAt(record, GO_CATALOGER, problem));
    const found = goBinaryPackages(record.path, inspected.goVersion, inspected.modInfo, [location]);
    for (const pkg of found.packages) {
      const seen = packages.get(pkg.id);
      if (!seen) packages.set(pkg.id, pkg);
      else if (!seen.locations.some((l) => l.layerIndex === location.layerIndex))
        seen.locations.push(location);
    }
    for (const rel of found.relationships) relationships.set(`${rel.from}>${rel.to}`, rel);
  }
  return { packages: [...packages.values()], unknowns, relationships: [...relationships.values()] };
}

/**
 * Go modules compiled into binaries, from the build info the Go linker embeds (found by content:
 * every executable or library is looked at while its layer streams by). A binary whose build
 * info is corrupt becomes an Unknown.
 */
export const goBinaryCataloger: Cataloger = {
  name: GO_CATALOGER,
  version: 2,
  wants: () => false,
  wantsInspect: isBinaryCandidate,
  inspect: (_record, content) => inspectGoBinary(content),
  inspectHead: (_record, head, size) => inspectGoBinaryHead(head, size),
  catalog: catalogGo,
};
