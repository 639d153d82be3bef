// Debian's /usr/share/java as a naming corpus: every jar Debian ships is also published in
// /usr/share/maven-repo/<group>/<artifact>/<version>/ as a symlink to it. Those links are Debian's
// own statement of each jar's Maven coordinates, independent of how Customs reads jars (many of
// these jars carry no pom.properties, and their manifests name bundles, not artifacts).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { javaCataloger } from '../../src/cataloger/java/index.js';
import type { Package } from '../../src/model/package.js';
import type { Sbom } from '../../src/model/sbom.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { TEST_CACHE_DIR } from '../images/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const DEBS = [
  'liblog4j2-java',
  'libcommons-lang3-java',
  'libguava-java',
  'libslf4j-java',
  'libjackson2-core-java',
  'libcommons-io-java',
  'junit4',
  'libasm-java',
  'libhamcrest-java',
  'libcommons-codec-java',
  'libbcprov-java',
  'libjna-java',
];
const ROOT = join(TEST_CACHE_DIR, 'java-debian-corpus-v1');

/**
 * Jars whose Debian coordinates no reading of the jar can give; each with the reason. junit4's
 * jar says `JUnit` (manifest) and `junit4` (file name) and carries no pom.properties; Debian files
 * it as junit:junit:4.x, a version directory of its own making.
 */
const UNREACHABLE: Record<string, string> = {
  '/usr/share/java/junit4.jar':
    'no pom.properties; Maven name junit and version 4.x appear nowhere in the jar',
};

/**
 * Jars named right whose Maven group is written nowhere in them: no pom.properties, and the
 * manifest's bundle name is the project's old or Java package name, not the group Debian files
 * them under. Customs reports the group the jar states, or none.
 */
const GROUP_NOT_IN_JAR: Record<string, string> = {
  'org.ow2.asm': 'manifest: Bundle-SymbolicName org.objectweb.asm (the project moved to OW2)',
  'net.java.dev.jna': 'manifest: Automatic-Module-Name com.sun.jna (the Java package)',
  'org.hamcrest:hamcrest-integration': 'an empty manifest and no pom.properties',
};

const artifactVersion = (coordinates: string): string => coordinates.split(':').slice(1).join(':');

function has(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const TOOLS = ['apt-get', 'dpkg-deb'].every(has);

/** The DEBS unpacked with `dpkg-deb -x` once into the test cache; undefined when apt cannot fetch. */
function corpusRoot(): string | undefined {
  if (existsSync(join(ROOT, '.complete'))) return ROOT;
  const work = tempDir('customs-java-corpus-');
  try {
    execFileSync('apt-get', ['download', ...DEBS], { cwd: work, stdio: 'ignore', timeout: 300_000 });
  } catch {
    return undefined;
  }
  const staging = join(work, 'root');
  mkdirSync(staging);
  for (const deb of readdirSync(work).filter((n) => n.endsWith('.deb')))
    execFileSync('dpkg-deb', ['-x', join(work, deb), staging]);
  execFileSync('touch', [join(staging, '.complete')]);
  mkdirSync(TEST_CACHE_DIR, { recursive: true });
  rmSync(ROOT, { recursive: true, force: true });
  renameSync(staging, ROOT);
  return ROOT;
}

/** jar path in the image → every `group:artifact:version` Debian's maven-repo links to it. */
function debianCoordinates(root: string): Map<string, string[]> {
  const repo = join(root, 'usr', 'share', 'maven-repo');
  const byJar = new Map<string, string[]>();
  for (const rel of readdirSync(repo, { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('.jar')) continue;
    const parts = rel.split(sep);
    const [version, artifact] = [parts.at(-2)!, parts.at(-3)!];
    // `debian` is Debian's any-version alias of the same jar, not a version.
    if (version === 'debian' || parts.length < 4) continue;
    const link = join(repo, rel);
    if (!lstatSync(link).isSymbolicLink()) continue;
    let target: string;
    try {
      target = realpathSync(link);
    } catch {
      continue; // a link to a jar of a package not in the corpus
    }
    const jar = `/${relative(root, target)}`;
    const gav = `${parts.slice(0, -3).join('.')}:${artifact}:${version}`;
    byJar.set(jar, [...(byJar.get(jar) ?? []), gav]);
  }
  return byJar;
}

const gav = (p: Package): string => {
  const m = p.metadata as { groupId: string; artifactId: string };
  return `${m.groupId}:${m.artifactId}:${p.version}`;
};

describe.skipIf(!TOOLS)("java naming against Debian's maven-repo links (12 packages, 36 jars)", () => {
  let root: string | undefined;
  let expected = new Map<string, string[]>();
  let sbom: Sbom;

  beforeAll(async () => {
    root = corpusRoot();
    if (!root) return;
    expected = debianCoordinates(root);
    sbom = await generateSbom(`dir:${root}`, { catalogers: [javaCataloger] });
  }, 600_000);

  it('names and versions every jar as Debian files it in its maven-repo', (ctx) => {
    if (!root) return ctx.skip();
    expect(expected.size).toBeGreaterThanOrEqual(30);
    const misses: string[] = [];
    for (const [jar, coordinates] of expected) {
      const top = sbom.packages.filter((p) => p.locations[0]?.path === jar);
      if (UNREACHABLE[jar]) continue;
      const wanted = coordinates.map(artifactVersion);
      if (!top.some((p) => wanted.includes(artifactVersion(gav(p)))))
        misses.push(`${jar}: ${top.map(gav).join(', ') || 'nothing'} ≠ ${coordinates.join(' | ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('gives the Maven group wherever the jar states it, and no made-up one elsewhere', (ctx) => {
    if (!root) return ctx.skip();
    const misses: string[] = [];
    let exact = 0;
    for (const [jar, coordinates] of expected) {
      if (UNREACHABLE[jar]) continue;
      const found = sbom.packages.filter((p) => p.locations[0]?.path === jar).map(gav);
      if (found.some((g) => coordinates.includes(g))) {
        exact++;
        continue;
      }
      const known = coordinates.find((c) => {
        const [group, artifact] = c.split(':');
        return GROUP_NOT_IN_JAR[group!] ?? GROUP_NOT_IN_JAR[`${group}:${artifact}`];
      });
      if (!known) misses.push(`${jar}: ${found.join(', ')} ≠ ${coordinates.join(' | ')}`);
    }
    expect(misses).toEqual([]);
    expect(exact).toBeGreaterThanOrEqual(27);
  });

  it('reports one package per jar that has no nested archives, and no phantom names', (ctx) => {
    if (!root) return ctx.skip();
    for (const jar of expected.keys()) {
      const top = sbom.packages.filter((p) => p.locations[0]?.path === jar);
      expect(top.length, jar).toBe(1);
    }
    // The old first-`-digit` split made `org.apache/logging.log4j.1.2-api` of log4j-1.2-api.jar.
    const names = sbom.packages.map(gav);
    expect(names.filter((n) => /:(?:\d|log4j-1$)/.test(n.split(':')[1] ?? ''))).toEqual([]);
    expect(names).toContain('org.apache.logging.log4j:log4j-1.2-api:2.19.0');
  });

  it('says why each jar it cannot name is out of reach', (ctx) => {
    if (!root) return ctx.skip();
    for (const [jar, reason] of Object.entries(UNREACHABLE)) {
      const top = sbom.packages.filter((p) => p.locations[0]?.path === jar);
      expect(top.length, jar).toBe(1);
      // Still found, by its own words; Debian's coordinates are not among them.
      expect(
        top.map(gav).some((g) => (expected.get(jar) ?? []).includes(g)),
        reason,
      ).toBe(false);
    }
  });
});
