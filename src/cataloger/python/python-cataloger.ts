import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { declaredDrafts } from './declared.js';
import { installedDrafts } from './installed.js';
import { normalisePythonName, pypiPurl } from './name.js';
import { wantsPythonPath } from './paths.js';
import { type PythonDraft, PythonDrafts } from './python-draft.js';
import { sortedUniqueLocations } from '../locations.js';

const NAME = 'python';

function toPackage(draft: PythonDraft): Package {
  const normalised = normalisePythonName(draft.name);
  const pkg: Package = {
    id: packageId(
      'python',
      normalised,
      draft.version,
      `${draft.installed ? 'site' : 'lock'}:${draft.scopeDir}`,
    ),
    name: draft.name,
    version: draft.version,
    type: 'python',
    purl: pypiPurl(draft.name, draft.version),
    locations: sortedUniqueLocations(draft.locations),
    foundBy: NAME,
    metadata: { ...draft.metadata, normalizedName: normalised, installed: draft.installed },
  };
  if (draft.licenses.length) pkg.licenses = draft.licenses;
  return pkg;
}

/** depends-on edges to a required package of the same scope (else any installed one). */
function dependencyEdges(drafts: PythonDraft[], packages: Package[]): Relationship[] {
  const scoped = new Map<string, Package>();
  const anyInstalled = new Map<string, Package>();
  drafts.forEach((d, i) => {
    const pkg = packages[i] as Package;
    const name = normalisePythonName(d.name);
    scoped.set(`${d.installed}\u0000${d.scopeDir}\u0000${name}`, pkg);
    if (d.installed && !anyInstalled.has(name)) anyInstalled.set(name, pkg);
  });
  const edges: Relationship[] = [];
  const seen = new Set<string>();
  drafts.forEach((d, i) => {
    const from = packages[i] as Package;
    for (const dep of d.dependsOn) {
      const to =
        scoped.get(`${d.installed}\u0000${d.scopeDir}\u0000${dep}`) ??
        (d.installed ? anyInstalled.get(dep) : undefined);
      const key = `${from.id}>${to?.id}`;
      if (!to || to.id === from.id || seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: from.id, to: to.id, type: 'depends-on' });
    }
  });
  return edges;
}

function catalogPython(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const drafts = new PythonDrafts();
  for (const draft of installedDrafts(context.files, NAME, unknowns)) drafts.add(draft);
  for (const draft of declaredDrafts(context.files, NAME, unknowns)) drafts.add(draft);
  const all = drafts.all();
  const packages = all.map(toPackage);
  const relationships = dependencyEdges(all, packages);
  packages.sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase()
      ? -1
      : a.name.toLowerCase() > b.name.toLowerCase()
        ? 1
        : a.id < b.id
          ? -1
          : 1,
  );
  return { packages, unknowns, relationships };
}

/**
 * Python packages: installed distributions (`*.dist-info/METADATA`, `*.egg-info/PKG-INFO`, a
 * `*.egg-info` file, with RECORD-owned files, top_level.txt, direct_url.json) and pinned
 * packages of `requirements*.txt`, `poetry.lock`, `Pipfile.lock` and `uv.lock`.
 */
export const pythonCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: wantsPythonPath,
  catalog: catalogPython,
};
