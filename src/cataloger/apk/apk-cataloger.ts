import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Unknown } from '../../model/unknown.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { apkDependencyRelationships } from './dependency-graph.js';
import { parseApkInstalled, type ApkRecord } from './installed-db.js';
import { apkPurl } from './purl.js';

const NAME = 'apk';
export const APK_INSTALLED = '/lib/apk/db/installed';

interface Draft {
  record: ApkRecord;
  locations: Location[];
}

function toPackage(draft: Draft, context: CatalogContext): Package {
  const { record } = draft;
  const pkg: Package = {
    id: packageId('apk', record.package, record.version, record.architecture ?? ''),
    name: record.package,
    version: record.version,
    type: 'apk',
    locations: draft.locations,
    foundBy: NAME,
    metadata: { ...record },
  };
  if (record.license) pkg.licenses = [record.license];
  const purl = apkPurl(record, context.distro);
  if (purl) pkg.purl = purl;
  return pkg;
}

function catalogApk(context: CatalogContext): CatalogResult {
  const view = context.files;
  const unknowns: Unknown[] = [];
  const drafts = new Map<string, Draft>();
  const records = view
    .find((path) => path === APK_INSTALLED)
    .filter((r) => r.type === 'file')
    .sort((a, b) => a.layerIndex - b.layerIndex);
  for (const file of records) {
    const text = readText(view, file, NAME, unknowns);
    if (text === undefined) continue;
    const parsed = parseApkInstalled(text);
    for (const problem of parsed.problems) unknowns.push(unknownAt(file, NAME, problem));
    if (parsed.records.length === 0 && parsed.problems.length === 0 && text.trim() !== '') {
      unknowns.push(unknownAt(file, NAME, 'no apk package records found'));
    }
    for (const record of parsed.records) {
      const key = [record.package, record.version, record.architecture ?? ''].join('\u0000');
      let draft = drafts.get(key);
      if (!draft) {
        draft = { record, locations: [] };
        drafts.set(key, draft);
      }
      if (!draft.locations.some((l) => l.layerIndex === file.layerIndex)) {
        draft.locations.push({ path: file.path, layer: file.layerDigest, layerIndex: file.layerIndex });
      }
    }
  }
  const entries = [...drafts.values()].map((draft) => ({
    pkg: toPackage(draft, context),
    record: draft.record,
  }));
  entries.sort((a, b) => (a.pkg.name < b.pkg.name ? -1 : a.pkg.name > b.pkg.name ? 1 : 0));
  return {
    packages: entries.map((e) => e.pkg),
    unknowns,
    relationships: apkDependencyRelationships(entries),
  };
}

/**
 * Alpine/Wolfi/Chainguard packages from apk's installed database, with origin (source package),
 * owned files (`metadata.files`, objects with a `path`), and depends-on edges resolved through
 * provides.
 */
export const apkCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: (path) => path === APK_INSTALLED,
  catalog: catalogApk,
};
