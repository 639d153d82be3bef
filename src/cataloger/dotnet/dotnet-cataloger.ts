import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { type DepsLibrary, parseDepsJson } from './deps-json.js';
import { wantsDotnetPath } from './paths.js';
import { nugetPurl } from './purl.js';

const NAME = 'dotnet';

interface Draft {
  depsPath: string;
  library: DepsLibrary;
  runtimeTarget?: string;
  locations: Location[];
}

function toPackage(draft: Draft): Package {
  const { library } = draft;
  const metadata: Record<string, unknown> = { type: library.type };
  for (const key of ['sha512', 'path', 'hashPath', 'serviceable'] as const) {
    if (library[key] !== undefined) metadata[key] = library[key];
  }
  if (draft.runtimeTarget) metadata.runtimeTarget = draft.runtimeTarget;
  const seen = new Set<string>();
  const locations = [...draft.locations]
    .sort((a, b) => (a.layerIndex ?? 0) - (b.layerIndex ?? 0))
    .filter((l) => {
      const key = `${l.layerIndex}\u0000${l.path}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  return {
    id: packageId('dotnet', library.name, library.version, draft.depsPath),
    name: library.name,
    version: library.version,
    type: 'dotnet',
    purl: nugetPurl(library.name, library.version),
    locations,
    foundBy: NAME,
    metadata,
  };
}

function catalogDotnet(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const drafts = new Map<string, Draft>();
  for (const record of context.files.find(wantsDotnetPath)) {
    if (record.type !== 'file') continue;
    const text = readText(context.files, record, NAME, unknowns);
    if (text === undefined) continue;
    const outcome = parseDepsJson(text);
    if (outcome.kind === 'invalid') {
      unknowns.push(unknownAt(record, NAME, outcome.message));
      continue;
    }
    for (const problem of outcome.problems) unknowns.push(unknownAt(record, NAME, problem));
    for (const library of outcome.libraries) {
      // One app's deps.json is one place: the same file in several layers adds locations.
      const key = `${record.path}\u0000${library.name}/${library.version}`;
      let draft = drafts.get(key);
      if (!draft) {
        draft = { depsPath: record.path, library, locations: [] };
        if (outcome.runtimeTarget) draft.runtimeTarget = outcome.runtimeTarget;
        drafts.set(key, draft);
      }
      draft.locations.push({ path: record.path, layer: record.layerDigest, layerIndex: record.layerIndex });
    }
  }
  const idByKey = new Map<string, string>();
  const packages: Package[] = [];
  for (const [key, draft] of drafts) {
    const pkg = toPackage(draft);
    idByKey.set(key, pkg.id);
    packages.push(pkg);
  }
  const relationships: Relationship[] = [];
  const seen = new Set<string>();
  for (const [key, draft] of drafts) {
    const from = idByKey.get(key) as string;
    for (const dep of draft.library.dependsOn) {
      const to = idByKey.get(`${draft.depsPath}\u0000${dep}`);
      if (!to || to === from || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      relationships.push({ from, to, type: 'depends-on' });
    }
  }
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
  return { packages, unknowns, relationships };
}

/**
 * .NET packages from `*.deps.json`: every library of type `package` (and the runtime pack of a
 * self-contained app) that puts files in the app; the app's own `project` entries, reference
 * assemblies and packages the runtime target gives no runtime, runtimeTargets, native or
 * resources assets are skipped. purl `pkg:nuget/Name@Version`.
 */
export const dotnetCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: wantsDotnetPath,
  catalog: catalogDotnet,
};
