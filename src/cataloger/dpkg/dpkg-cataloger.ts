import { dpkgMetadata } from './dpkg-metadata.js';
import type { Location } from '../../model/location.js';
import type { DpkgMetadata, Package } from '../../model/package.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord, FileView } from '../../resolver/file-view.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { parseDeb822 } from './deb822.js';
import { dependencyRelationships } from './dependency-graph.js';
import { OwnedFilesIndex } from './owned-files.js';
import { packageId } from '../../model/package-id.js';
import { paragraphToPackage } from './paragraph-to-package.js';
import { DPKG_STATUS, DPKG_STATUS_D, isStatusDEntry, wantsDpkgPath } from './paths.js';
import { debPurl } from './purl.js';

const NAME = 'dpkg';

interface Draft {
  metadata: DpkgMetadata;
  locations: Location[];
  files?: Set<string>;
}

function unknownAt(record: FileRecord, message: string): Unknown {
  return { path: record.path, layer: record.layerDigest, cataloger: NAME, message };
}

function readText(view: FileView, record: FileRecord, unknowns: Unknown[]): string | undefined {
  const content = view.content(record);
  if (content) return content.toString('utf8');
  const problem = view.contentProblem(record) ?? 'content was not captured';
  unknowns.push(unknownAt(record, `cannot read the dpkg database file: ${problem}`));
  return undefined;
}

/** status first, then status.d entries, each bottom layer first: the order locations are listed in. */
function databaseFiles(view: FileView): FileRecord[] {
  return view
    .find((path) => path === DPKG_STATUS || isStatusDEntry(path))
    .filter((record) => record.type === 'file')
    .sort(
      (a, b) => a.layerIndex - b.layerIndex || (a.path === DPKG_STATUS ? -1 : b.path === DPKG_STATUS ? 1 : 0),
    );
}

function byLayerThenPath(a: Location, b: Location): number {
  return (a.layerIndex ?? 0) - (b.layerIndex ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function catalogDpkg(context: CatalogContext): CatalogResult {
  const view = context.files;
  const unknowns: Unknown[] = [];
  const owned = new OwnedFilesIndex(view);
  const drafts = new Map<string, Draft>();

  for (const record of databaseFiles(view)) {
    const text = readText(view, record, unknowns);
    if (text === undefined) continue;
    const document = parseDeb822(text);
    if (!document.isDeb822) {
      if (text.trim() !== '') unknowns.push(unknownAt(record, 'not a dpkg database file (no deb822 fields)'));
      continue;
    }
    const inStatusD = record.path !== DPKG_STATUS;
    const seenInFile = new Set<string>();
    for (const paragraph of document.paragraphs) {
      const outcome = paragraphToPackage(paragraph, { missingStatusMeansInstalled: inStatusD });
      if (outcome.kind === 'skip') continue;
      if (outcome.kind === 'invalid') {
        unknowns.push(unknownAt(record, outcome.message));
        continue;
      }
      const metadata = outcome.metadata;
      const nameArch = `${metadata.package}:${metadata.architecture ?? ''}`;
      if (seenInFile.has(nameArch)) {
        unknowns.push(unknownAt(record, `package ${nameArch} appears more than once; kept the first`));
        continue;
      }
      seenInFile.add(nameArch);

      const key = [metadata.package, metadata.version, metadata.architecture ?? ''].join('\u0000');
      let draft = drafts.get(key);
      if (!draft) {
        draft = { metadata, locations: [] };
        drafts.set(key, draft);
      }
      draft.locations.push({ path: record.path, layer: record.layerDigest, layerIndex: record.layerIndex });
      const files = owned.filesOf({
        name: metadata.package,
        layerIndex: record.layerIndex,
        ...(metadata.architecture ? { architecture: metadata.architecture } : {}),
        ...(inStatusD ? { statusDName: record.path.slice(DPKG_STATUS_D.length) } : {}),
      });
      if (files) {
        draft.files ??= new Set();
        for (const file of files) draft.files.add(file);
      }
    }
  }

  const packages = [...drafts.values()].map((draft) => toPackage(draft, context));
  packages.sort(
    (a, b) =>
      compareText(a.name, b.name) ||
      compareText(dpkgMetadata(a)?.architecture ?? '', dpkgMetadata(b)?.architecture ?? '') ||
      compareText(a.version, b.version),
  );
  return { packages, unknowns, relationships: dependencyRelationships(packages) };
}

function toPackage(draft: Draft, context: CatalogContext): Package {
  const metadata: DpkgMetadata = { ...draft.metadata };
  if (draft.files) metadata.files = [...draft.files];
  const locations: Location[] = [];
  const seen = new Set<string>();
  for (const location of [...draft.locations].sort(byLayerThenPath)) {
    const key = `${location.layerIndex}\u0000${location.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push(location);
  }
  const pkg: Package = {
    id: packageId('deb', metadata.package, metadata.version, metadata.architecture),
    name: metadata.package,
    version: metadata.version,
    type: 'deb',
    locations,
    foundBy: NAME,
    metadata,
  };
  const purl = debPurl(
    {
      name: metadata.package,
      version: metadata.version,
      source: metadata.source ?? metadata.package,
      sourceVersion: metadata.sourceVersion ?? metadata.version,
      ...(metadata.architecture ? { architecture: metadata.architecture } : {}),
    },
    context.distro,
  );
  if (purl) pkg.purl = purl;
  return pkg;
}

/**
 * Debian packages from dpkg's database: /var/lib/dpkg/status and distroless status.d entries,
 * with owned files from info/<pkg>.list (or .md5sums). Reports the packages `dpkg-query -W`
 * lists except those in state `config-files` (removed, only conffiles left: see hasFilesOnDisk);
 * one package per name+version+architecture, with every location.
 */
export const dpkgCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: wantsDpkgPath,
  catalog: catalogDpkg,
};
