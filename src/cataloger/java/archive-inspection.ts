import { createHash } from 'node:crypto';
import { type JarManifest, parseManifest } from './manifest.js';
import { isJavaArchivePath } from './paths.js';
import { type PomProperties, parsePomProperties } from './pom-properties.js';
import { type PomProject, parsePomXml } from './pom-xml.js';
import { readZip } from './zip-entries.js';
import { DEFAULT_ZIP_LIMITS, ZipBudget, type ZipLimits } from './zip-limits.js';

/** What was found in one archive (top-level or nested); only this is kept after streaming. */
export interface ArchiveFinding {
  /** `/app/app.war`, `/app/app.war:WEB-INF/lib/x.jar`, … */
  virtualPath: string;
  sha1: string;
  manifest?: JarManifest;
  pomProperties: { path: string; properties: PomProperties }[];
  /** pom.xml files under META-INF/maven whose directory has no pom.properties. */
  pomProjects: { path: string; project: PomProject }[];
  nested: ArchiveFinding[];
  /** What could not be read, in this archive itself (nested archives carry their own). */
  problems: string[];
  /** Set when the archive could not be opened as a zip at all. */
  unreadable?: boolean;
}

const MANIFEST = 'META-INF/MANIFEST.MF';
/** Signed jars carry one manifest section per class; only the others are worth keeping. */
const MAX_KEPT_SECTIONS = 20;

function isPomFile(name: string, file: string): boolean {
  return name.startsWith('META-INF/maven/') && name.endsWith(`/${file}`);
}

function dirOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/'));
}

/** The entries worth reading: the manifest, Maven metadata and nested archives. */
function chooseEntries(names: string[]): string[] {
  const withProperties = new Set(names.filter((n) => isPomFile(n, 'pom.properties')).map(dirOf));
  return names.filter(
    (n) =>
      n.toUpperCase() === MANIFEST ||
      isPomFile(n, 'pom.properties') ||
      (isPomFile(n, 'pom.xml') && !withProperties.has(dirOf(n))) ||
      isJavaArchivePath(n),
  );
}

function keptManifest(manifest: JarManifest): JarManifest {
  const sections = manifest.sections
    .filter((s) => Object.keys(s).some((k) => k !== 'Name' && !k.endsWith('-Digest')))
    .slice(0, MAX_KEPT_SECTIONS);
  return { main: manifest.main, sections };
}

function byName(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

async function inspectAt(
  content: Buffer,
  virtualPath: string,
  depth: number,
  budget: ZipBudget,
): Promise<ArchiveFinding> {
  const finding: ArchiveFinding = {
    virtualPath,
    sha1: createHash('sha1').update(content).digest('hex'),
    pomProperties: [],
    pomProjects: [],
    nested: [],
    problems: [],
  };
  const limits = budget.limits;
  const onEntry = async (name: string, data: Buffer): Promise<void> => {
    if (name.toUpperCase() === MANIFEST) {
      finding.manifest = keptManifest(parseManifest(data.toString('utf8')));
    } else if (isPomFile(name, 'pom.properties')) {
      const properties = parsePomProperties(data.toString('utf8'));
      if (properties) finding.pomProperties.push({ path: name, properties });
      else finding.problems.push(`${name}: no artifactId or version`);
    } else if (isPomFile(name, 'pom.xml')) {
      const project = parsePomXml(data.toString('utf8'));
      if (project) finding.pomProjects.push({ path: name, project });
    } else if (depth + 1 > limits.maxDepth) {
      finding.problems.push(`${name}: nested deeper than ${limits.maxDepth} archives, not opened`);
    } else if (budget.archivesLeft <= 0) {
      finding.problems.push(`${name}: more than ${limits.maxNestedArchives} nested archives, not opened`);
    } else {
      budget.archivesLeft--;
      finding.nested.push(await inspectAt(data, `${virtualPath}:${name}`, depth + 1, budget));
    }
  };
  const maxBytes = (name: string): number =>
    name.toUpperCase() !== MANIFEST && isJavaArchivePath(name)
      ? limits.maxNestedArchiveBytes
      : limits.maxMetadataBytes;
  const read = await readZip(content, chooseEntries, maxBytes, budget, onEntry);
  finding.problems.unshift(...read.problems);
  if (read.unreadable) finding.unreadable = true;
  finding.pomProperties.sort(byName);
  finding.pomProjects.sort(byName);
  return finding;
}

/**
 * Looks inside a Java archive held in memory: manifest, pom.properties, pom.xml, and nested
 * archives to any depth within `limits`. Never throws and never writes to disk.
 */
export async function inspectJavaArchive(
  content: Buffer,
  path: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ArchiveFinding> {
  const budget = new ZipBudget(limits);
  try {
    return await inspectAt(content, path, 0, budget);
  } catch (err) {
    return {
      virtualPath: path,
      sha1: createHash('sha1').update(content).digest('hex'),
      pomProperties: [],
      pomProjects: [],
      nested: [],
      unreadable: true,
      problems: [`cannot read the archive: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
}

/** Every problem in a finding tree, with the virtual path of the archive it belongs to. */
export function problemsOf(finding: ArchiveFinding): { virtualPath: string; message: string }[] {
  return [
    ...finding.problems.map((message) => ({ virtualPath: finding.virtualPath, message })),
    ...finding.nested.flatMap(problemsOf),
  ];
}
