import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import type { LockOutcome } from './lock-entry.js';
import { locationOf } from '../locations.js';
import { type NpmDraft, draftToPackage } from './npm-drafts.js';
import { parsePackageJson } from './package-json.js';
import { parsePackageLock } from './package-lock.js';
import {
  dirOf,
  isDistroModuleManifest,
  joinPath,
  projectRootOf,
  resolutionCandidates,
  wantsNpmPath,
} from './paths.js';
import { parsePnpmLock } from './pnpm-lock.js';
import { isYarnBerry, parseYarnBerryLock } from './yarn-berry-lock.js';
import { parseYarnClassicLock } from './yarn-classic-lock.js';
import { osOwnedFiles } from '../os-owned-files.js';

const NAME = 'npm';

/** `…/node_modules/<name>/package.json` or `…/node_modules/@scope/<name>/package.json`. */
export function isInstalledManifest(path: string): boolean {
  if (!path.endsWith('/package.json')) return false;
  if (isDistroModuleManifest(path)) return true;
  const parent = dirOf(dirOf(path));
  if (parent.endsWith('/node_modules')) return true;
  const base = parent.slice(parent.lastIndexOf('/') + 1);
  return base.startsWith('@') && dirOf(parent).endsWith('/node_modules');
}

/** A lock file some directory of whose path is `node_modules`. */
function isInsideNodeModules(path: string): boolean {
  return path.includes('/node_modules/');
}

function parseLock(path: string, text: string): LockOutcome {
  if (path.endsWith('/pnpm-lock.yaml')) return parsePnpmLock(text);
  if (path.endsWith('/yarn.lock'))
    return isYarnBerry(text) ? parseYarnBerryLock(text) : parseYarnClassicLock(text);
  return parsePackageLock(text);
}

class NpmCollection {
  readonly drafts = new Map<string, NpmDraft>();
  /** Install directory → draft key, for Node's resolution between installed packages. */
  readonly installedAt = new Map<string, string>();
  /** project + name@version → draft keys of installed packages. */
  readonly installedIn = new Map<string, string[]>();
  /** Project roots with at least one installed package. */
  readonly projectsWithInstalled = new Set<string>();
  readonly edges = new Set<string>();
  readonly unknowns: Unknown[] = [];
  private readonly requires = new Map<string, string[]>();

  addInstalled(context: CatalogContext, record: FileRecord): void {
    const text = readText(context.files, record, NAME, this.unknowns);
    if (text === undefined) return;
    const outcome = parsePackageJson(text);
    if (outcome.kind === 'invalid') {
      this.unknowns.push(unknownAt(record, NAME, outcome.message));
      return;
    }
    if (outcome.kind === 'skip') return;
    const { info } = outcome;
    const dir = dirOf(record.path);
    const key = `${dir}\u0000${info.name}@${info.version}`;
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = {
        key,
        name: info.name,
        version: info.version,
        discriminator: dir,
        licenses: info.licenses,
        metadata: {
          author: info.author,
          homepage: info.homepage,
          repository: info.repository,
          ...(info.private ? { private: true } : {}),
        },
        primary: [],
        secondary: [],
      };
      this.drafts.set(key, draft);
      this.requires.set(key, info.dependencies);
      this.projectsWithInstalled.add(projectRootOf(record.path));
      const projectKey = `${projectRootOf(record.path)}\u0000${info.name}@${info.version}`;
      this.installedIn.set(projectKey, [...(this.installedIn.get(projectKey) ?? []), key]);
    }
    this.installedAt.set(dir, key);
    draft.primary.push(locationOf(record));
  }

  /**
   * A lock file's entries. A lock only adds evidence to installed packages, and its other entries
   * are left out (they are not in the image), when the lock is one an OS package installed (a
   * tool's own npm-shrinkwrap.json under /usr/share), when it lies inside `node_modules` (a
   * dependency's own yarn.lock describes its development, not this install), or when its project
   * has a `node_modules`: what is installed wins over what was once locked (dev dependencies
   * left out by `npm ci --omit=dev`, other platforms' optional packages).
   */
  addLock(context: CatalogContext, record: FileRecord, installedByDistro: boolean): void {
    const text = readText(context.files, record, NAME, this.unknowns);
    if (text === undefined) return;
    const outcome = parseLock(record.path, text);
    if (outcome.kind === 'invalid') {
      this.unknowns.push(unknownAt(record, NAME, outcome.message));
      return;
    }
    for (const problem of outcome.problems) this.unknowns.push(unknownAt(record, NAME, problem));
    const project = dirOf(record.path);
    const onlyInstalled =
      installedByDistro || isInsideNodeModules(record.path) || this.projectsWithInstalled.has(project);
    const draftOf = new Map<string, string>();
    for (const entry of outcome.entries) {
      const nameVersion = `${entry.name}@${entry.version}`;
      const exact = entry.installPath
        ? this.installedAt.get(joinPath(project, entry.installPath))
        : undefined;
      const installed =
        exact &&
        this.drafts.get(exact)?.name === entry.name &&
        this.drafts.get(exact)?.version === entry.version
          ? exact
          : this.installedIn.get(`${project}\u0000${nameVersion}`)?.[0];
      if (!installed && onlyInstalled) continue;
      const key = installed ?? `${project}\u0000lock\u0000${nameVersion}`;
      let draft = this.drafts.get(key);
      if (!draft) {
        draft = {
          key,
          name: entry.name,
          version: entry.version,
          discriminator: `${project}:lock`,
          licenses: entry.licenses ?? [],
          metadata: {},
          primary: [],
          secondary: [],
        };
        this.drafts.set(key, draft);
      }
      if (installed) draft.secondary.push(locationOf(record));
      else draft.primary.push(locationOf(record));
      if (draft.licenses.length === 0 && entry.licenses) draft.licenses = entry.licenses;
      draft.metadata.resolved ??= entry.resolved;
      draft.metadata.integrity ??= entry.integrity;
      if (entry.dev) draft.metadata.dev = true;
      const formats = new Set(draft.metadata.lockFormats ?? []).add(outcome.format);
      draft.metadata.lockFormats = [...formats];
      draftOf.set(entry.key, key);
    }
    for (const entry of outcome.entries) {
      const from = draftOf.get(entry.key);
      for (const target of entry.dependsOn) {
        const to = draftOf.get(target);
        if (from && to && from !== to) this.edges.add(`${from}\u0001${to}`);
      }
    }
  }

  /** Edges between installed packages, found the way Node resolves `require(name)`. */
  linkInstalled(): void {
    for (const [key, names] of this.requires) {
      const draft = this.drafts.get(key);
      if (!draft) continue;
      const root = projectRootOf(`${draft.discriminator}/package.json`);
      for (const name of names) {
        for (const candidate of resolutionCandidates(draft.discriminator, name, root)) {
          const target = this.installedAt.get(candidate);
          if (target) {
            if (target !== key) this.edges.add(`${key}\u0001${target}`);
            break;
          }
        }
      }
    }
  }
}

function catalogNpm(context: CatalogContext): CatalogResult {
  const collection = new NpmCollection();
  const records = context.files.find(wantsNpmPath).filter((r) => r.type === 'file');
  for (const record of records)
    if (isInstalledManifest(record.path)) collection.addInstalled(context, record);
  const distroFiles = osOwnedFiles(context.packagesSoFar);
  for (const record of records)
    if (!record.path.endsWith('/package.json'))
      collection.addLock(context, record, distroFiles.has(record.path));
  collection.linkInstalled();

  const idOf = new Map<string, string>();
  const packages = [...collection.drafts.values()].map((draft) => {
    const pkg = draftToPackage(draft, NAME);
    idOf.set(draft.key, pkg.id);
    return pkg;
  });
  const relationships: Relationship[] = [];
  for (const edge of collection.edges) {
    const [from, to] = edge.split('\u0001');
    const fromId = idOf.get(from ?? '');
    const toId = idOf.get(to ?? '');
    if (fromId && toId) relationships.push({ from: fromId, to: toId, type: 'depends-on' });
  }
  packages.sort((a, b) =>
    a.name !== b.name
      ? a.name < b.name
        ? -1
        : 1
      : a.version !== b.version
        ? a.version < b.version
          ? -1
          : 1
        : 0,
  );
  return { packages, unknowns: collection.unknowns, relationships };
}

/**
 * npm packages: installed `node_modules/…/package.json` (one package per install directory) and
 * lock files (package-lock.json v1–v3, yarn.lock classic and berry, pnpm-lock.yaml v5–v9). A lock
 * entry that is also installed in the same project is one package, with the lock as a second
 * location. An app's own package.json is not read.
 */
export const npmCataloger: Cataloger = {
  name: NAME,
  version: 1,
  wants: wantsNpmPath,
  catalog: catalogNpm,
};
