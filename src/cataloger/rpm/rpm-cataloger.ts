import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { SkippedInspection } from '../../resolver/inspection.js';
import { unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger, FileHeader } from '../types.js';
import { rpmDependencyRelationships } from './dependency-graph.js';
import { isRpmDbPath } from './paths.js';
import { rpmPurl } from './purl.js';
import { readRpmDb, type RpmDbResult } from './read-rpm-db.js';
import { rpmVersionString, type RpmEntry } from './rpm-entry.js';

const NAME = 'rpm';

interface Draft {
  entry: RpmEntry;
  locations: Location[];
}

function isDbResult(value: unknown): value is RpmDbResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as RpmDbResult).entries);
}

function toPackage(draft: Draft, context: CatalogContext): Package {
  const { entry } = draft;
  const version = rpmVersionString(entry);
  const pkg: Package = {
    id: packageId('rpm', entry.name, version, entry.arch ?? ''),
    name: entry.name,
    version,
    type: 'rpm',
    locations: draft.locations.sort(
      (a, b) => (a.layerIndex ?? 0) - (b.layerIndex ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    ),
    foundBy: NAME,
    metadata: { ...entry, epoch: entry.epoch ?? null },
  };
  if (entry.license) pkg.licenses = [entry.license];
  const purl = rpmPurl(entry, context.distro);
  if (purl) pkg.purl = purl;
  return pkg;
}

function catalogRpm(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const drafts = new Map<string, Draft>();
  const records = context.files
    .find(isRpmDbPath)
    .filter((record) => record.type === 'file')
    .sort((a, b) => a.layerIndex - b.layerIndex);
  for (const record of records) {
    const inspected = context.inspections.get(record);
    if (inspected instanceof SkippedInspection) {
      unknowns.push(unknownAt(record, NAME, `cannot read the rpm database: ${inspected.reason}`));
      continue;
    }
    if (!isDbResult(inspected)) {
      unknowns.push(unknownAt(record, NAME, 'the rpm database was not inspected'));
      continue;
    }
    for (const problem of inspected.problems) unknowns.push(unknownAt(record, NAME, problem));
    for (const entry of inspected.entries) {
      const key = [entry.name, rpmVersionString(entry), entry.arch ?? ''].join('\u0000');
      let draft = drafts.get(key);
      if (!draft) {
        draft = { entry, locations: [] };
        drafts.set(key, draft);
      }
      const location = { path: record.path, layer: record.layerDigest, layerIndex: record.layerIndex };
      if (!draft.locations.some((l) => l.path === location.path && l.layerIndex === location.layerIndex)) {
        draft.locations.push(location);
      }
    }
  }
  const packages = [...drafts.values()].map((draft) => toPackage(draft, context));
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
  return { packages, unknowns, relationships: rpmDependencyRelationships(packages) };
}

/**
 * Installed rpms from rpm's database, any backend (SQLite `rpmdb.sqlite`, Berkeley DB
 * `Packages`, NDB `Packages.db`), read while the layer streams by (databases can be tens of MB):
 * only the parsed packages are kept. Version is `[epoch:]version-release`.
 */
export const rpmCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: () => false,
  wantsInspect: (header: FileHeader) => isRpmDbPath(header.path),
  inspect: (_record: FileRecord, content: Buffer) => readRpmDb(content),
  catalog: catalogRpm,
};
