import { posix } from 'node:path';
import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import { parseGemfileLock } from './gemfile-lock.js';
import { parseGemspec } from './gemspec.js';
import { gemDirOf, rubyFileKind, wantsRubyPath } from './paths.js';
import { gemPurl } from './purl.js';
import { locationOf, sortedUniqueLocations } from '../locations.js';

const NAME = 'ruby';

interface GemDraft {
  name: string;
  version: string;
  platform?: string;
  installed: boolean;
  /** The gem directory (installed) or the project directory (Gemfile.lock). */
  scopeDir: string;
  licenses: string[];
  metadata: Record<string, unknown>;
  dependsOn: string[];
  locations: Location[];
}

function gemspecDraft(record: FileRecord, text: string, unknowns: Unknown[]): GemDraft | undefined {
  const outcome = parseGemspec(text);
  if (outcome.kind === 'invalid') {
    unknowns.push(unknownAt(record, NAME, outcome.message));
    return undefined;
  }
  const { gem } = outcome;
  const gemDir = gemDirOf(record.path);
  const metadata: Record<string, unknown> = { gemDir };
  if (gem.authors.length) metadata.authors = gem.authors;
  if (gem.homepage) metadata.homepage = gem.homepage;
  if (gem.summary) metadata.summary = gem.summary;
  if (gem.platform) metadata.platform = gem.platform;
  if (gem.files?.length) {
    const full = `${gem.name}-${gem.version}${gem.platform ? `-${gem.platform}` : ''}`;
    metadata.files = gem.files.map((f) => ({ path: posix.join(gemDir, 'gems', full, f) }));
  }
  const draft: GemDraft = {
    name: gem.name,
    version: gem.version,
    installed: true,
    scopeDir: gemDir,
    licenses: gem.licenses,
    metadata,
    dependsOn: gem.dependsOn,
    locations: [locationOf(record)],
  };
  if (gem.platform) draft.platform = gem.platform;
  return draft;
}

function lockDrafts(record: FileRecord, text: string, unknowns: Unknown[]): GemDraft[] {
  const outcome = parseGemfileLock(text);
  if (outcome.kind === 'invalid') {
    unknowns.push(unknownAt(record, NAME, outcome.message));
    return [];
  }
  const { lock } = outcome;
  return lock.gems.map((gem) => {
    const metadata: Record<string, unknown> = { source: gem.source };
    if (gem.remote) metadata.remote = gem.remote;
    if (gem.platform) metadata.platform = gem.platform;
    if (lock.bundledWith) metadata.bundledWith = lock.bundledWith;
    const draft: GemDraft = {
      name: gem.name,
      version: gem.version,
      installed: false,
      scopeDir: posix.dirname(record.path),
      licenses: [],
      metadata,
      dependsOn: gem.dependsOn,
      locations: [locationOf(record)],
    };
    if (gem.platform) draft.platform = gem.platform;
    return draft;
  });
}

function toPackage(draft: GemDraft): Package {
  const scope = `${draft.installed ? 'gems' : 'lock'}:${draft.scopeDir}`;
  const pkg: Package = {
    id: packageId('gem', draft.name, draft.version, `${scope}\u0000${draft.platform ?? ''}`),
    name: draft.name,
    version: draft.version,
    type: 'gem',
    purl: gemPurl(draft.name, draft.version, draft.platform),
    locations: sortedUniqueLocations(draft.locations),
    foundBy: NAME,
    metadata: { ...draft.metadata, installed: draft.installed },
  };
  if (draft.licenses.length) pkg.licenses = draft.licenses;
  return pkg;
}

function dependencyEdges(drafts: GemDraft[], packages: Package[]): Relationship[] {
  const byName = new Map<string, Package>();
  drafts.forEach((d, i) => {
    const key = `${d.installed}\u0000${d.scopeDir}\u0000${d.name}`;
    if (!byName.has(key)) byName.set(key, packages[i] as Package);
  });
  const edges: Relationship[] = [];
  const seen = new Set<string>();
  drafts.forEach((d, i) => {
    const from = packages[i] as Package;
    for (const dep of d.dependsOn) {
      const to = byName.get(`${d.installed}\u0000${d.scopeDir}\u0000${dep}`);
      const key = `${from.id}>${to?.id}`;
      if (!to || to.id === from.id || seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: from.id, to: to.id, type: 'depends-on' });
    }
  });
  return edges;
}

function catalogRuby(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const drafts = new Map<string, GemDraft>();
  for (const record of context.files.find(wantsRubyPath)) {
    if (record.type !== 'file') continue;
    const text = readText(context.files, record, NAME, unknowns);
    if (text === undefined) continue;
    const found =
      rubyFileKind(record.path) === 'gemspec'
        ? [gemspecDraft(record, text, unknowns)].filter((d): d is GemDraft => d !== undefined)
        : lockDrafts(record, text, unknowns);
    for (const draft of found) {
      const key = [draft.installed, draft.scopeDir, draft.name, draft.version, draft.platform ?? ''].join(
        '\u0000',
      );
      const existing = drafts.get(key);
      if (existing) existing.locations.push(...draft.locations);
      else drafts.set(key, draft);
    }
  }
  const all = [...drafts.values()];
  const packages = all.map(toPackage);
  const relationships = dependencyEdges(all, packages);
  packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return { packages, unknowns, relationships };
}

/**
 * Ruby gems: installed specifications (`specifications/*.gemspec`, read as text, never
 * evaluated) and Bundler's `Gemfile.lock` (GEM/GIT/PATH specs with platform suffixes).
 */
export const rubyCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: wantsRubyPath,
  catalog: catalogRuby,
};
