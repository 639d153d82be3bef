import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { javaCataloger } from '../../src/cataloger/java/index.js';
import type { Package } from '../../src/model/package.js';
import type { Sbom } from '../../src/model/sbom.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { TEST_CACHE_DIR } from '../images/index.js';
import { writeOciLayout } from '../helpers/oci-builder.js';
import type { TarFileSpec } from '../helpers/tar-builder.js';
import { tempDir } from '../helpers/temp-dir.js';

const DEBS = ['libcommons-lang3-java', 'libcommons-io-java', 'libslf4j-java', 'libguava-java'];
const ROOT = join(TEST_CACHE_DIR, 'java-debian-jars-v1');

function has(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const TOOLS = ['apt-get', 'dpkg-deb', 'jar', 'unzip'].every(has);

/** Debian's real jars, downloaded and unpacked once into the test cache. */
function debianRoot(): string | undefined {
  if (existsSync(join(ROOT, 'usr', 'share', 'java'))) return ROOT;
  const work = tempDir('customs-java-debs-');
  try {
    execFileSync('apt-get', ['download', ...DEBS], { cwd: work, stdio: 'ignore', timeout: 120_000 });
  } catch {
    return undefined;
  }
  const staging = join(work, 'root');
  for (const deb of readdirSync(work).filter((n) => n.endsWith('.deb')))
    execFileSync('dpkg-deb', ['-x', join(work, deb), staging]);
  mkdirSync(TEST_CACHE_DIR, { recursive: true });
  renameSync(staging, ROOT);
  return ROOT;
}

/** Regular files (no symlinks) ending in .jar under `dir`. */
function jarsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => join(dir, rel))
    .filter((path) => path.endsWith('.jar') && lstatSync(path).isFile());
}

/** The real tools' view: every pom.properties in the jar as g:a:v, read with `jar tf` + `unzip -p`. */
function oracleCoordinates(jarPath: string): string[] {
  const entries = execFileSync('jar', ['tf', jarPath], { encoding: 'utf8' }).split('\n');
  return entries
    .filter((e) => /^META-INF\/maven\/.+\/pom\.properties$/.test(e))
    .map((entry) => {
      const text = execFileSync('unzip', ['-p', jarPath, entry], { encoding: 'utf8' });
      const value = (key: string) =>
        new RegExp(`^${key}\\s*[=:]\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
      return `${value('groupId')}:${value('artifactId')}:${value('version')}`;
    })
    .sort();
}

const gav = (p: Package): string => {
  const m = p.metadata as { groupId: string; artifactId: string };
  return `${m.groupId}:${m.artifactId}:${p.version}`;
};

describe.skipIf(!TOOLS)('java cataloger against the jars Debian ships (jar tf + unzip -p)', () => {
  let root: string | undefined;
  let jars: string[] = [];
  let sbom: Sbom;
  const built = tempDir('customs-java-oracle-');

  beforeAll(async () => {
    root = debianRoot();
    if (!root) return;
    jars = jarsUnder(join(root, 'usr', 'share'));
    // A war with the jars in WEB-INF/lib, an ear with the war and the jars in lib/, and a jar
    // nested three deep, all built with the JDK's own `jar` tool.
    const war = join(built, 'war');
    mkdirSync(join(war, 'WEB-INF', 'lib'), { recursive: true });
    for (const jar of jars)
      copyFileSync(jar, join(war, 'WEB-INF', 'lib', jar.slice(jar.lastIndexOf('/') + 1)));
    execFileSync('jar', ['cf', join(built, 'shop.war'), '-C', war, '.']);
    const ear = join(built, 'ear');
    mkdirSync(join(ear, 'lib'), { recursive: true });
    copyFileSync(join(built, 'shop.war'), join(ear, 'shop.war'));
    for (const jar of jars.slice(0, 2))
      copyFileSync(jar, join(ear, 'lib', jar.slice(jar.lastIndexOf('/') + 1)));
    execFileSync('jar', ['cf', join(built, 'suite.ear'), '-C', ear, '.']);
    let deep = jars.find((j) => j.includes('commons-lang3'))!;
    for (const level of ['level3', 'level2', 'level1']) {
      const dir = join(built, level);
      mkdirSync(join(dir, 'lib'), { recursive: true });
      copyFileSync(deep, join(dir, 'lib', deep.slice(deep.lastIndexOf('/') + 1)));
      deep = join(built, `${level}.jar`);
      execFileSync('jar', ['cf', deep, '-C', dir, '.']);
    }
    const entries: TarFileSpec[] = [
      ...jars.map((j) => ({ name: relative(root!, j), content: readFileSync(j) })),
      { name: 'srv/shop.war', content: readFileSync(join(built, 'shop.war')) },
      { name: 'srv/suite.ear', content: readFileSync(join(built, 'suite.ear')) },
      { name: 'srv/level1.jar', content: readFileSync(deep) },
    ];
    const oci = tempDir('customs-java-oci-');
    await writeOciLayout(oci, { layers: [{ entries }], tag: 'java' });
    sbom = await generateSbom(`oci-dir:${oci}:java`, { catalogers: [javaCataloger] });
  }, 300_000);

  it('reports, for every Debian jar, exactly the coordinates its pom.properties state', (ctx) => {
    if (!root) return ctx.skip();
    expect(jars.length).toBeGreaterThanOrEqual(DEBS.length);
    expect(sbom.unknowns).toEqual([]);
    let compared = 0;
    for (const jar of jars) {
      const path = `/${relative(root, jar)}`;
      const expected = oracleCoordinates(jar);
      const found = sbom.packages.filter((p) => p.locations.some((l) => l.path === path));
      expect(found.length, path).toBeGreaterThan(0);
      if (expected.length === 0) continue;
      compared++;
      expect(found.map(gav).sort(), path).toEqual(expected);
      for (const p of found) expect(p.purl).toBe(`pkg:maven/${gav(p).replace(':', '/').replace(':', '@')}`);
    }
    expect(compared).toBeGreaterThanOrEqual(DEBS.length);
  });

  it('finds the same coordinates inside the war and the ear, with virtual paths', (ctx) => {
    if (!root) return ctx.skip();
    for (const jar of jars) {
      const name = jar.slice(jar.lastIndexOf('/') + 1);
      const expected = oracleCoordinates(jar);
      for (const path of [
        `/srv/shop.war:WEB-INF/lib/${name}`,
        `/srv/suite.ear:shop.war:WEB-INF/lib/${name}`,
      ]) {
        const found = sbom.packages.filter((p) => p.locations.some((l) => l.path === path));
        expect(found.length, path).toBeGreaterThan(0);
        if (expected.length > 0) expect(found.map(gav).sort(), path).toEqual(expected);
      }
    }
    const earLib = jars.slice(0, 2).map((j) => `/srv/suite.ear:lib/${j.slice(j.lastIndexOf('/') + 1)}`);
    for (const path of earLib)
      expect(
        sbom.packages.some((p) => p.locations[0]?.path === path),
        path,
      ).toBe(true);
  });

  it('follows a jar nested three deep and links each level with contains', (ctx) => {
    if (!root) return ctx.skip();
    const lang3 = jars.find((j) => j.includes('commons-lang3'))!;
    const name = lang3.slice(lang3.lastIndexOf('/') + 1);
    const path = `/srv/level1.jar:lib/level2.jar:lib/level3.jar:lib/${name}`;
    const inner = sbom.packages.find((p) => p.locations[0]?.path === path);
    expect(inner && gav(inner)).toBe(oracleCoordinates(lang3)[0]);
    const level3 = sbom.packages.find(
      (p) => p.locations[0]?.path === '/srv/level1.jar:lib/level2.jar:lib/level3.jar',
    );
    expect(sbom.relationships).toContainEqual({ from: level3?.id, to: inner?.id, type: 'contains' });
  });
});
