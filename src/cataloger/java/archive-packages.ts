import type { ArchiveFinding } from './archive-inspection.js';
import { nameFromFile } from './file-name.js';
import { manifestIdentity } from './manifest-identity.js';
import { manifestLicenses } from './manifest-licenses.js';
import type { PomProperties } from './pom-properties.js';

/** Package metadata of a Java archive package (Package.metadata for type 'java'). */
export interface JavaMetadata {
  groupId: string;
  artifactId: string;
  version: string;
  /** Where it was found: `/app/app.war:WEB-INF/lib/x.jar`. */
  virtualPath: string;
  /** sha1 of the archive it was found in. */
  sha1: string;
  /** How the identity was found: 'pom.properties', 'pom.xml', 'manifest' or 'file-name'. */
  identitySource: 'pom.properties' | 'pom.xml' | 'manifest' | 'file-name';
  /** The pom.properties (or pom.xml) path inside the archive the coordinates came from. */
  pomPath?: string;
  pomProperties?: Record<string, string>;
  manifest?: Record<string, string>;
  manifestSections?: Record<string, string>[];
  /** virtualPath of the archive this one is nested in / shaded into. */
  parent?: string;
}

/** A package of one archive tree, before locations and ids are attached. */
export interface JavaDraft {
  /** Identity within the image: the same draft key in another layer is the same package. */
  key: string;
  name: string;
  version: string;
  /** From the archive's manifest (its own package only). */
  licenses: string[];
  metadata: JavaMetadata;
  /** Key of the draft that contains this one (the enclosing archive's main package). */
  parentKey?: string;
}

interface Coordinates {
  groupId: string;
  artifactId: string;
  version: string;
  source: JavaMetadata['identitySource'];
  pomPath?: string;
  extra?: Record<string, string>;
}

function fromPom(path: string, p: PomProperties): Coordinates {
  return {
    groupId: p.groupId,
    artifactId: p.artifactId,
    version: p.version,
    source: 'pom.properties',
    pomPath: path,
    extra: p.extra,
  };
}

/** Every Maven coordinate the archive carries: pom.properties, then pom.xml where no properties. */
function mavenCoordinates(finding: ArchiveFinding): Coordinates[] {
  return [
    ...finding.pomProperties.map((p) => fromPom(p.path, p.properties)),
    ...finding.pomProjects
      .filter((p) => p.project.version !== '')
      .map((p): Coordinates => ({ ...p.project, source: 'pom.xml', pomPath: p.path })),
  ];
}

const same = (a: string, b: string | undefined): boolean =>
  b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * The archive's own identity, most trusted first: a pom.properties (or pom.xml) whose artifactId
 * is the file name, or the file name's start (`log4j-1.2-api.jar`, `app-core-1.0-all.jar`); a
 * pom whose artifactId matches the manifest's name; a lone pom when the manifest names nothing
 * (a renamed `app.jar`); the file name when it carries a version (as syft: a manifest's titles
 * and bundle names are seldom the artifact: `com.sun.jna`, `org.bouncycastle.bcprovider`), its
 * group and, without a version, its version taken from the manifest; the manifest; the file
 * name alone.
 */
function mainCoordinates(finding: ArchiveFinding, all: Coordinates[]): Coordinates {
  const file = nameFromFile(finding.virtualPath);
  const byFile = all.filter((c) => same(c.artifactId, file.name));
  const fileMatch = byFile.find((c) => c.version === file.version) ?? byFile[0];
  if (fileMatch) return fileMatch;
  const stem = fileStem(finding.virtualPath).toLowerCase();
  const byPrefix = all
    .filter((c) => c.artifactId !== '' && startsName(stem, c.artifactId.toLowerCase()))
    .sort((a, b) => b.artifactId.length - a.artifactId.length)[0];
  if (byPrefix) return byPrefix;
  const manifest = manifestIdentity(finding.manifest);
  const byManifest = all.find(
    (c) => same(c.artifactId, manifest.name) && (!manifest.version || c.version === manifest.version),
  );
  if (byManifest) return byManifest;
  const [only, ...others] = all;
  if (only && others.length === 0 && !manifest.name) return only;
  if (file.version) {
    return {
      groupId: manifest.groupId ?? '',
      artifactId: file.name,
      version: file.version,
      source: 'file-name',
    };
  }
  if (manifest.name || manifest.version) {
    return {
      groupId: manifest.groupId ?? '',
      artifactId: manifest.name && !same(manifest.name, file.name) ? manifest.name : file.name,
      version: manifest.version ?? file.version,
      source: 'manifest',
    };
  }
  return { groupId: '', artifactId: file.name, version: file.version, source: 'file-name' };
}

function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** `log4j-1.2-api-2.19.0` starts with the name `log4j-1.2-api`, and `log4j-1.2-api` is it. */
function startsName(stem: string, name: string): boolean {
  return stem === name || (stem.startsWith(name) && /[-_.]/.test(stem[name.length] ?? ''));
}

function draftOf(finding: ArchiveFinding, c: Coordinates, parent?: JavaDraft): JavaDraft {
  const metadata: JavaMetadata = {
    groupId: c.groupId,
    artifactId: c.artifactId,
    version: c.version,
    virtualPath: finding.virtualPath,
    sha1: finding.sha1,
    identitySource: c.source,
  };
  if (c.pomPath) metadata.pomPath = c.pomPath;
  if (c.extra) metadata.pomProperties = c.extra;
  if (finding.manifest && Object.keys(finding.manifest.main).length > 0)
    metadata.manifest = finding.manifest.main;
  if (finding.manifest?.sections.length) metadata.manifestSections = finding.manifest.sections;
  if (parent) metadata.parent = parent.metadata.virtualPath;
  const key = [finding.virtualPath, c.groupId, c.artifactId, c.version].join('\u0000');
  const draft: JavaDraft = {
    key,
    name: c.artifactId,
    version: c.version,
    licenses: manifestLicenses(finding.manifest),
    metadata,
  };
  if (parent) draft.parentKey = parent.key;
  return draft;
}

/**
 * The packages of an archive tree: one per archive (its own identity), one per further Maven
 * coordinate in it (shaded/fat jars; children of the archive's package), and those of every
 * nested archive (children of the enclosing archive's package), depth first. An archive that
 * could not be opened at all has no packages (its problem is an Unknown).
 */
export function archivePackages(finding: ArchiveFinding, parent?: JavaDraft): JavaDraft[] {
  if (finding.unreadable) return [];
  const all = mavenCoordinates(finding);
  const main = draftOf(finding, mainCoordinates(finding, all), parent);
  const drafts = [main];
  const seen = new Set([main.key]);
  for (const c of all) {
    const draft = draftOf(finding, c, main);
    if (seen.has(draft.key)) continue;
    draft.licenses = [];
    delete draft.metadata.manifest;
    delete draft.metadata.manifestSections;
    seen.add(draft.key);
    drafts.push(draft);
  }
  for (const nested of finding.nested) drafts.push(...archivePackages(nested, main));
  return drafts;
}
