import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger } from '../types.js';
import type { LockOutcome } from './lock-entry.js';
import { locationOf } from '../locations.js';
import { type NpmDraft, type NpmMetadata, draftToPackage } from './npm-drafts.js';
import { parsePackageJson, type PackageJsonInfo } from './package-json.js';
import { parsePackageLock } from './package-lock.js';
import { dirOf, isDistroModuleManifest, joinPath, projectRootOf, wantsNpmPath } from './paths.js';
import { parsePnpmLock } from './pnpm-lock.js';
import { isYarnBerry, parseYarnBerryLock } from './yarn-berry-lock.js';
import { parseYarnClassicLock } from './yarn-classic-lock.js';
import { osOwnedFiles } from '../os-owned-files.js';

const NAME = 'npm';
const NODE_MODULES_DIR = '/node_modules/';
const NODE_MODULES_SUFFIX = '/node_modules';

/** The draft's metadata from an installed package.json: only what it says. */
function metadataOf(info: PackageJsonInfo): NpmMetadata {
  const metadata: NpmMetadata = {};
  if (info.author !== undefined) metadata.author = info.author;
  if (info.homepage !== undefined) metadata.homepage = info.homepage;
  if (info.repository !== undefined) metadata.repository = info.repository;
  if (info.private) metadata.private = true;
  return metadata;
}

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
  /** Install directory → draft key, for lock entries that name their install path. */
  readonly installedAt = new Map<string, string>();
  /**
   * `node_modules` directory → the name of each package installed in it (its directory below
   * node_modules, `name` or `@scope/name`) → draft key: Node's resolution between installed
   * packages looks a name up in each ancestor's node_modules without building a path string.
   */
  private readonly installedUnder = new Map<string, Map<string, string>>();
  /** project + name@version → draft keys of installed packages; made at the first lock file. */
  private installedInProject: Map<string, string[]> | undefined;
  /** Project roots with at least one installed package. */
  readonly projectsWithInstalled = new Set<string>();
  /** Draft key → keys of the drafts it depends on. */
  readonly edges = new Map<string, Set<string>>();
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
        metadata: metadataOf(info),
        primary: [],
        secondary: [],
      };
      this.drafts.set(key, draft);
      if (info.dependencies.length) this.requires.set(key, info.dependencies);
      this.projectsWithInstalled.add(projectRootOf(record.path));
    }
    this.installedAt.set(dir, key);
    this.noteInstalledUnder(dir, key);
    draft.primary.push(locationOf(record));
  }

  private noteInstalledUnder(dir: string, key: string): void {
    const at = dir.lastIndexOf(NODE_MODULES_DIR);
    if (at < 0) return;
    const under = dir.slice(0, at + NODE_MODULES_DIR.length - 1);
    let names = this.installedUnder.get(under);
    if (!names) this.installedUnder.set(under, (names = new Map()));
    names.set(dir.slice(at + NODE_MODULES_DIR.length), key);
  }

  /** Installed drafts by project + name@version, made once, when the first lock file is read. */
  private installedIn(): Map<string, string[]> {
    if (this.installedInProject) return this.installedInProject;
    const index = new Map<string, string[]>();
    for (const draft of this.drafts.values()) {
      if (draft.discriminator.endsWith(':lock')) continue;
      const projectKey = `${projectRootOf(`${draft.discriminator}/package.json`)}\u0000${draft.name}@${draft.version}`;
      const keys = index.get(projectKey);
      if (keys) keys.push(draft.key);
      else index.set(projectKey, [draft.key]);
    }
    return (this.installedInProject = index);
  }

  private addEdge(from: string, to: string): void {
    const targets = this.edges.get(from);
    if (targets) targets.add(to);
    else this.edges.set(from, new Set([to]));
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
          : this.installedIn().get(`${project}\u0000${nameVersion}`)?.[0];
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
        if (from && to && from !== to) this.addEdge(from, to);
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
        const target = this.resolve(draft.discriminator, name, root);
        if (target && target !== key) this.addEdge(key, target);
      }
    }
  }

  /**
   * The installed package `require(name)` from `fromDir` finds: the one in its own node_modules,
   * else in each ancestor's, up to the project root.
   */
  private resolve(fromDir: string, name: string, root: string): string | undefined {
    let dir = fromDir;
    for (;;) {
      if (!dir.endsWith(NODE_MODULES_SUFFIX)) {
        const under = this.installedUnder.get(dir === '/' ? NODE_MODULES_SUFFIX : dir + NODE_MODULES_SUFFIX);
        const target = under?.get(name);
        if (target) return target;
      }
      if (dir === root || dir === '/' || dir.length <= root.length) return undefined;
      dir = dirOf(dir);
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
  for (const [from, targets] of collection.edges) {
    const fromId = idOf.get(from);
    for (const to of targets) {
      const toId = idOf.get(to);
      if (fromId && toId) relationships.push({ from: fromId, to: toId, type: 'depends-on' });
    }
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
