// The whole `customs sbom` (every cataloger, every format) on the polyglot image, checked against
// the native tools' own view of the same root: dpkg-query, importlib.metadata, gem list, npm ls.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cyclonedx16Validator,
  cyclonedxSchemaDir,
} from '../../src/format/cyclonedx-json/testdata/cyclonedx-schema.js';
import type { Package } from '../../src/model/package.js';
import type { Sbom } from '../../src/model/sbom.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';
import { dpkgQuery } from '../oracle/dpkg-query.js';
import { gemList } from '../oracle/gem-list.js';
import { npmLsKeys } from '../oracle/npm-ls.js';
import { pythonDistributions } from '../oracle/python-importlib.js';

const { polyglot } = getTestImages().images;
const facts = polyglot.expected;
const ref = `oci-dir:${polyglot.ociDir}:${polyglot.tag}`;

const out = tempDir();
const files = {
  json: path.join(out, 'sbom.json'),
  cdx: path.join(out, 'sbom.cdx.json'),
  cdxXml: path.join(out, 'sbom.cdx.xml'),
  spdx: path.join(out, 'sbom.spdx.json'),
  table: path.join(out, 'sbom.txt'),
};
let sbom: Sbom;
let stderr: string;

const byType = (type: Package['type']): Package[] => sbom.packages.filter((p) => p.type === type);
const keys = (packages: Package[]): Set<string> => new Set(packages.map((p) => `${p.name}@${p.version}`));
const pythonKey = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

beforeAll(() => {
  const r = runCli([
    'sbom',
    ref,
    '-o',
    `json=${files.json}`,
    '-o',
    `cyclonedx-json=${files.cdx}`,
    '-o',
    `cyclonedx-xml=${files.cdxXml}`,
    '-o',
    `spdx-json=${files.spdx}`,
    '-o',
    `table=${files.table}`,
  ]);
  stderr = r.stderr;
  if (r.code !== 0) throw new Error(`customs sbom failed (${String(r.code)}): ${r.stderr}`);
  sbom = JSON.parse(readFileSync(files.json, 'utf8')) as Sbom;
}, 300_000);

describe('customs sbom on the polyglot image, against the native tools', () => {
  it('runs clean: no stack trace, no unknowns', () => {
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(sbom.unknowns).toEqual([]);
    expect(sbom.distro).toMatchObject({ id: 'debian', versionId: '12' });
  });

  it('dpkg: exactly what dpkg-query -W lists, name, version and source', () => {
    const real = dpkgQuery(polyglot.rootfs);
    for (const name of facts.aptPackages) expect(real.map((p) => p.name)).toContain(name);
    const ours = byType('deb')
      .map((p) => `${p.name}=${p.version}`)
      .sort();
    expect(ours).toEqual(real.map((p) => `${p.name}=${p.version}`).sort());
  });

  it('python: every distribution importlib.metadata finds, with its version', () => {
    const real = pythonDistributions(polyglot.rootfs);
    expect(real.some((d) => d.name === 'requests')).toBe(true);
    const ours = new Set(byType('python').map((p) => `${pythonKey(p.name)}@${p.version}`));
    const expected = real.map((d) => `${pythonKey(d.name)}@${d.version}`);
    expect(expected.filter((k) => !ours.has(k))).toEqual([]);
    expect(ours.size).toBe(new Set(expected).size);
  });

  it('ruby: every gem `gem list` shows inside the image (default gems included)', () => {
    const real = gemList(polyglot.rootfs);
    expect(real.some((g) => g.name === 'rack')).toBe(true);
    const ours = keys(byType('gem'));
    expect(real.map((g) => `${g.name}@${g.version}`).filter((k) => !ours.has(k))).toEqual([]);
  });

  it('npm: every package `npm ls --all` shows for the app, located under it', () => {
    const real = npmLsKeys(path.join(polyglot.rootfs, polyglot.appDir));
    for (const [name, version] of Object.entries(facts.npmApp.dependencies))
      expect(real.has(`${name}@${version}`)).toBe(true);
    const app = byType('npm').filter((p) =>
      p.locations.some((l) => l.path.startsWith(`${polyglot.appDir}/node_modules/`)),
    );
    expect([...real].filter((k) => !keys(app).has(k))).toEqual([]);
    expect(keys(app).size).toBe(real.size);
  });

  it('java: the jar nested in the war, located inside it, and the plain jar by its pom.properties', () => {
    const java = byType('java');
    const nested = java.find((p) =>
      p.locations.some((l) => l.path === `${facts.warPath}:${facts.warNestedJar}`),
    );
    expect(nested?.name).toBe('commons-lang3');
    expect(nested?.version).toMatch(/^3\.\d+/);
    const plain = java.find((p) => p.locations.some((l) => l.path === facts.plainJarPath));
    expect(plain).toMatchObject({ name: facts.plainJar.artifactId, version: facts.plainJar.version });
    expect(plain?.purl).toBe(
      `pkg:maven/${facts.plainJar.groupId}/${facts.plainJar.artifactId}@${facts.plainJar.version}`,
    );
  });

  it('go: the binary no OS package owns, with the toolchain it was built with as stdlib', () => {
    const go = byType('go').filter((p) => p.locations.some((l) => l.path === facts.goBinaryPath));
    const stdlib = go.find((p) => p.name === 'stdlib');
    expect(stdlib?.version).toMatch(/^1\.\d+\.\d+$/);
    expect(stdlib?.purl).toBe(`pkg:golang/stdlib@${stdlib?.version}`);
    // Debian builds umoci in GOPATH mode: the build info names its main package and toolchain only.
    const binary = readFileSync(path.join(polyglot.rootfs, facts.goBinaryPath));
    expect(binary.includes(`go${stdlib?.version}`)).toBe(true);
    expect(stdlib?.metadata).toMatchObject({ mainPackage: 'github.com/opencontainers/umoci/cmd/umoci' });
  });

  it('ownership: Debian-packaged language modules are reported once, linked to their deb', () => {
    const deb = (name: string) => byType('deb').find((p) => p.name === name);
    for (const [type, name, owner, file] of [
      ['python', 'requests', 'python3-requests', /^\/usr\/lib\/python3\/dist-packages\/requests-/],
      ['gem', 'rack', 'ruby-rack', /\/specifications\/rack-[^/]+\.gemspec$/],
      ['npm', 'lodash', 'node-lodash', /^\/usr\/share\/nodejs\/lodash\/package\.json$/],
    ] as const) {
      const ownerId = deb(owner)?.id;
      expect(ownerId, owner).toBeTruthy();
      const atFile = sbom.packages.filter(
        (p) => p.type === type && p.name.toLowerCase() === name && p.locations.some((l) => file.test(l.path)),
      );
      expect(atFile, `${type} ${name}`).toHaveLength(1);
      expect(atFile[0]!.ownedBy).toBe(ownerId);
      expect(
        sbom.relationships.some((r) => r.type === 'owns' && r.from === ownerId && r.to === atFile[0]!.id),
      ).toBe(true);
    }
    // The app's own lodash is nobody's: it must be matched as an npm package.
    const appLodash = byType('npm').find((p) => p.locations.some((l) => l.path.startsWith('/srv/app/')));
    expect(appLodash?.ownedBy).toBeUndefined();
  });

  it('users: the accounts made in the image, with empty passwords flagged', () => {
    for (const user of facts.users) {
      const ours = sbom.users.find((u) => u.name === user.name);
      expect(ours, user.name).toMatchObject({ uid: user.uid, shell: user.shell, home: user.home });
      expect(ours?.emptyPassword === true).toBe(user.emptyPassword);
    }
    expect(sbom.image?.config.user).toBe(facts.configUser);
  });

  it('files: the setuid shell and the world-writable file, with their modes and layers', () => {
    for (const p of facts.setuidPaths) {
      const f = sbom.files.find((x) => x.path === p);
      expect(f?.flags).toContain('setuid');
      expect(f?.layer).toMatch(/^sha256:/);
    }
    for (const p of facts.worldWritablePaths)
      expect(sbom.files.find((x) => x.path === p)?.flags).toContain('world-writable');
  });

  it('secrets: the planted token and private key are found, and redacted in every output', () => {
    for (const planted of facts.secrets) {
      const found = sbom.secrets.filter((s) => s.path === planted.path);
      expect(found.length, planted.path).toBeGreaterThan(0);
      expect(found[0]!.layer).toMatch(/^sha256:/);
    }
    // Nothing else: the distro's own files (ruby's URI docs, @types/node examples) are not secrets.
    expect([...new Set(sbom.secrets.map((s) => s.path))].sort()).toEqual(
      facts.secrets.map((s) => s.path).sort(),
    );
    const token = facts.secrets.find((s) => s.value)?.value;
    expect(token).toBeTruthy();
    for (const file of Object.values(files)) expect(readFileSync(file, 'utf8')).not.toContain(token);
    const key = readFileSync(path.join(polyglot.rootfs, 'root/.ssh/id_rsa'), 'utf8').split('\n')[1]!;
    expect(key.length).toBeGreaterThan(40);
    for (const file of Object.values(files)) expect(readFileSync(file, 'utf8')).not.toContain(key);
  });

  it('formats agree: CycloneDX, SPDX and the native JSON list the same packages', () => {
    const cdx = JSON.parse(readFileSync(files.cdx, 'utf8')) as { components: { purl?: string }[] };
    const spdx = JSON.parse(readFileSync(files.spdx, 'utf8')) as {
      packages: { externalRefs?: { referenceType: string; referenceLocator: string }[] }[];
    };
    const purls = new Set(sbom.packages.map((p) => p.purl).filter(Boolean));
    expect(purls.size).toBeGreaterThan(100);
    const cdxPurls = new Set(cdx.components.map((c) => c.purl).filter(Boolean));
    const spdxPurls = new Set(
      spdx.packages.flatMap((p) =>
        (p.externalRefs ?? []).filter((r) => r.referenceType === 'purl').map((r) => r.referenceLocator),
      ),
    );
    expect([...purls].filter((p) => !cdxPurls.has(p!))).toEqual([]);
    expect([...purls].filter((p) => !spdxPurls.has(p!))).toEqual([]);
    expect(readFileSync(files.cdxXml, 'utf8')).toContain('<bom xmlns="http://cyclonedx.org/schema/bom/1.6"');
  });

  it('CycloneDX: the JSON passes the official 1.6 JSON schema, the XML the official XSD', () => {
    const validate = cyclonedx16Validator();
    const ok = validate(JSON.parse(readFileSync(files.cdx, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const xsd = path.join(cyclonedxSchemaDir(), 'bom-1.6.SNAPSHOT.xsd');
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, files.cdxXml], {
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  it('sbom: reads each of its own outputs back with the same packages', () => {
    const expected = [...keys(sbom.packages)].sort();
    for (const file of [files.json, files.cdx, files.cdxXml, files.spdx]) {
      const r = runCli(['sbom', `sbom:${file}`, '-o', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const back = JSON.parse(r.stdout) as Sbom;
      expect([...keys(back.packages)].sort(), file).toEqual(expected);
    }
  });
});
