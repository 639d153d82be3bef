import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { parseComposerLock, parseInstalledJson } from './composer-files.js';
import type { ComposerPackage } from './composer-package.js';
import { COMPOSER_LOCK, composerProjectOf, wantsPhpPath } from './paths.js';
import { composerPurl } from './purl.js';
import { sortedUniqueLocations } from '../locations.js';

const NAME = 'php';

interface Draft {
  project: string;
  pkg: ComposerPackage;
  locations: Location[];
}

function toPackage(draft: Draft): Package {
  const { pkg } = draft;
  const metadata: Record<string, unknown> = { dev: pkg.dev };
  for (const key of ['type', 'description', 'homepage', 'time', 'source', 'dist'] as const) {
    if (pkg[key] !== undefined) metadata[key] = pkg[key];
  }
  if (pkg.requires.length) metadata.requires = pkg.requires;
  const out: Package = {
    id: packageId('php', pkg.name, pkg.version, draft.project),
    name: pkg.name,
    version: pkg.version,
    type: 'php',
    purl: composerPurl(pkg.name, pkg.version),
    locations: sortedUniqueLocations(draft.locations),
    foundBy: NAME,
    metadata,
  };
  if (pkg.licenses.length) out.licenses = pkg.licenses;
  return out;
}

function catalogPhp(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const drafts = new Map<string, Draft>();
  const records = context.files.find(wantsPhpPath).filter((r) => r.type === 'file');
  // installed.json first: what is installed wins over what the lock file planned.
  records.sort((a, b) => Number(a.path.endsWith(COMPOSER_LOCK)) - Number(b.path.endsWith(COMPOSER_LOCK)));
  for (const record of records) {
    const text = readText(context.files, record, NAME, unknowns);
    if (text === undefined) continue;
    const outcome = record.path.endsWith(COMPOSER_LOCK) ? parseComposerLock(text) : parseInstalledJson(text);
    if (outcome.kind === 'invalid') {
      unknowns.push(unknownAt(record, NAME, outcome.message));
      continue;
    }
    for (const problem of outcome.problems) unknowns.push(unknownAt(record, NAME, problem));
    const project = composerProjectOf(record.path);
    for (const pkg of outcome.packages) {
      const key = `${project}\u0000${pkg.name}@${pkg.version}`;
      let draft = drafts.get(key);
      if (!draft) {
        draft = { project, pkg, locations: [] };
        drafts.set(key, draft);
      }
      draft.locations.push({ path: record.path, layer: record.layerDigest, layerIndex: record.layerIndex });
    }
  }
  const packages = [...drafts.values()].map(toPackage);
  const byProjectName = new Map<string, Package>();
  [...drafts.values()].forEach((d, i) =>
    byProjectName.set(`${d.project}\u0000${d.pkg.name}`, packages[i] as Package),
  );
  const relationships: Relationship[] = [];
  const seen = new Set<string>();
  [...drafts.values()].forEach((draft, i) => {
    const from = packages[i] as Package;
    for (const name of draft.pkg.requires) {
      const to = byProjectName.get(`${draft.project}\u0000${name}`);
      const key = `${from.id}>${to?.id}`;
      if (!to || to.id === from.id || seen.has(key)) continue;
      seen.add(key);
      relationships.push({ from: from.id, to: to.id, type: 'depends-on' });
    }
  });
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
  return { packages, unknowns, relationships };
}

/**
 * PHP packages from composer: `composer.lock` (packages and packages-dev) and
 * `vendor/composer/installed.json` (composer 1 and 2). The same name@version in both files of a
 * project is one package with both locations.
 */
export const phpCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: wantsPhpPath,
  catalog: catalogPhp,
};
