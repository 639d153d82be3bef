// The polyglot test image holds what it promises, and the oracles see it (real python3, the
// image's own ruby, npm, dpkg-query).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dpkgQuery } from '../oracle/dpkg-query.js';
import { gemList } from '../oracle/gem-list.js';
import { npmLs } from '../oracle/npm-ls.js';
import { pythonDistributions } from '../oracle/python-importlib.js';
import { getTestImages } from './index.js';

interface Descriptor {
  mediaType: string;
  digest: string;
}
interface ImageConfig {
  config: {
    User?: string;
    ExposedPorts?: Record<string, object>;
    Healthcheck?: { Test?: string[] };
    Entrypoint?: string[];
  };
  rootfs: { diff_ids: string[] };
  history: { created_by?: string; empty_layer?: boolean }[];
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const blob = (layout: string, digest: string): string =>
  path.join(layout, 'blobs', 'sha256', digest.replace(/^sha256:/, ''));
/** Debian version → upstream part: 2.28.1+dfsg-1 → 2.28.1, 1:3.1 → 3.1. */
const upstream = (v: string): string => v.replace(/^\d+:/, '').replace(/[-+~].*$/, '');

describe('polyglot test image', () => {
  const { polyglot: pg, bookworm } = getTestImages().images;
  const { expected } = pg;
  const inRoot = (p: string): string => path.join(pg.rootfs, p);

  it('is an OCI layout of bookworm + 6 gzip layers with a history entry per layer', () => {
    const index = readJson<{ manifests: (Descriptor & { annotations?: Record<string, string> })[] }>(
      path.join(pg.ociDir, 'index.json'),
    );
    const desc = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === pg.tag);
    expect(desc?.digest).toBe(pg.manifestDigest);
    const manifest = readJson<{ config: Descriptor; layers: Descriptor[] }>(
      blob(pg.ociDir, pg.manifestDigest),
    );
    expect(manifest.config.digest).toBe(pg.configDigest);
    expect(manifest.layers).toHaveLength(bookworm.diffIds.length + 6);
    for (const l of manifest.layers) expect(l.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
    const config = readJson<ImageConfig>(blob(pg.ociDir, pg.configDigest));
    expect(config.rootfs.diff_ids).toEqual(pg.diffIds);
    expect(config.rootfs.diff_ids.slice(0, bookworm.diffIds.length)).toEqual(bookworm.diffIds);
    const layerHistory = config.history.filter((h) => !h.empty_layer);
    expect(layerHistory).toHaveLength(manifest.layers.length);
    expect(layerHistory.some((h) => h.created_by?.includes('apt-get install'))).toBe(true);
    expect(fs.statSync(pg.ociArchive).size).toBeGreaterThan(1024 * 1024);
  });

  it('has the config a Dockerfile would give: USER, EXPOSE, HEALTHCHECK', () => {
    const config = readJson<ImageConfig>(blob(pg.ociDir, pg.configDigest));
    expect(config.config.User).toBe(expected.configUser);
    expect(Object.keys(config.config.ExposedPorts ?? {}).sort()).toEqual([...expected.exposedPorts].sort());
    expect(config.config.Healthcheck?.Test?.[0]).toBe('CMD-SHELL');
    expect(config.config.Entrypoint).toBeUndefined();
    const notes = config.history.filter((h) => h.empty_layer).map((h) => h.created_by ?? '');
    expect(notes.some((n) => n.includes(`USER ${expected.configUser}`))).toBe(true);
    expect(notes.some((n) => n.includes('HEALTHCHECK'))).toBe(true);
  });

  it('has the users, with an empty shadow password for nopass', () => {
    const passwd = fs.readFileSync(inRoot('/etc/passwd'), 'utf8').split('\n');
    const shadow = fs.readFileSync(inRoot('/etc/shadow'), 'utf8').split('\n');
    for (const u of expected.users) {
      const row = passwd.find((l) => l.startsWith(`${u.name}:`))?.split(':');
      expect(row?.[2]).toBe(String(u.uid));
      expect(row?.[5]).toBe(u.home);
      expect(row?.[6]).toBe(u.shell);
      const pw = shadow.find((l) => l.startsWith(`${u.name}:`))?.split(':')[1];
      expect(pw === '').toBe(u.emptyPassword);
    }
  });

  it('has the setuid-root shell and the world-writable file', () => {
    for (const p of expected.setuidPaths) {
      const st = fs.statSync(inRoot(p));
      expect(st.mode & 0o7777).toBe(0o4755);
      expect(st.uid).toBe(0);
    }
    for (const p of expected.worldWritablePaths) {
      expect(fs.statSync(inRoot(p)).mode & 0o777).toBe(0o666);
    }
  });

  it('has the planted fake secrets', () => {
    for (const s of expected.secrets) {
      const text = fs.readFileSync(inRoot(s.path), 'utf8');
      if (s.kind === 'github-token') {
        expect(s.value).toMatch(/^ghp_[0-9A-Za-z]{36}$/);
        expect(text).toContain(`GITHUB_TOKEN=${s.value ?? '?'}`);
      } else {
        expect(text).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
        // ssh-keygen can derive the public key, so it is a real (fake) key, not a stub.
        const pub = execFileSync('ssh-keygen', ['-y', '-f', inRoot(s.path)], { encoding: 'utf8' });
        expect(pub).toMatch(/^ssh-rsa /);
      }
    }
  });

  it('has a Go binary that no dpkg package owns', () => {
    const bin = fs.readFileSync(inRoot(expected.goBinaryPath));
    expect(bin.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(bin.includes(Buffer.from('\xff Go buildinf:', 'latin1'))).toBe(true);
    const info = inRoot('/var/lib/dpkg/info');
    for (const f of fs.readdirSync(info).filter((n) => n.endsWith('.list'))) {
      const owned = fs.readFileSync(path.join(info, f), 'utf8').split('\n');
      expect(owned).not.toContain(expected.goBinaryPath);
    }
  });

  it('has the war with the Debian jar nested, and the plain jar with Maven metadata', () => {
    const war = inRoot(expected.warPath);
    const nested = execFileSync('unzip', ['-p', war, expected.warNestedJar]);
    const debianJar = fs.readFileSync(inRoot(`/usr/share/java/${path.basename(expected.warNestedJar)}`));
    expect(nested.equals(debianJar)).toBe(true);
    const { groupId, artifactId, version } = expected.plainJar;
    const props = execFileSync(
      'unzip',
      ['-p', inRoot(expected.plainJarPath), `META-INF/maven/${groupId}/${artifactId}/pom.properties`],
      { encoding: 'utf8' },
    );
    expect(props).toContain(`version=${version}`);
  });

  it('dpkg-query lists the OS packages that carry language modules', () => {
    const names = new Map(dpkgQuery(pg.rootfs).map((p) => [p.name, p.version]));
    for (const p of expected.aptPackages) expect(names.has(p), p).toBe(true);
    for (const p of ['ruby3.1', 'nodejs', 'python3-urllib3']) expect(names.has(p), p).toBe(true);
  });

  it('importlib.metadata finds requests with the version Debian packaged', () => {
    const dists = pythonDistributions(pg.rootfs);
    expect(dists.length).toBeGreaterThan(3);
    const requests = dists.find((d) => d.name.toLowerCase() === 'requests');
    const deb = dpkgQuery(pg.rootfs).find((p) => p.name === 'python3-requests');
    expect(requests?.version).toBe(upstream(deb?.version ?? '?'));
    expect(requests?.metadataPath).toMatch(
      /^\/usr\/lib\/python3\/dist-packages\/requests-.*\.(dist|egg)-info$/,
    );
    expect(dists.some((d) => d.name.toLowerCase() === 'urllib3')).toBe(true);
  });

  it('gem list (the image’s own ruby) finds rack and the default gems', () => {
    const gems = gemList(pg.rootfs);
    const rack = gems.find((g) => g.name === 'rack');
    const deb = dpkgQuery(pg.rootfs).find((p) => p.name === 'ruby-rack');
    expect(rack?.version).toBe(upstream(deb?.version ?? '?'));
    expect(rack?.isDefault).toBe(false);
    const defaults = gems.filter((g) => g.isDefault);
    expect(defaults.length).toBeGreaterThan(10);
    expect(defaults.some((g) => g.name === 'json')).toBe(true);
  });

  it('npm ls sees the pinned app dependencies and their transitive ones', () => {
    const pkgs = npmLs(path.join(pg.rootfs, pg.appDir));
    const keys = new Set(pkgs.map((p) => `${p.name}@${p.version}`));
    for (const [name, version] of Object.entries(expected.npmApp.dependencies)) {
      expect(keys.has(`${name}@${version}`), `${name}@${version}`).toBe(true);
    }
    expect(pkgs.length).toBeGreaterThan(Object.keys(expected.npmApp.dependencies).length + 20);
    // Every package npm ls lists is in package-lock.json with the same version.
    const lock = readJson<{ packages: Record<string, { version?: string }> }>(
      path.join(pg.rootfs, pg.appDir, 'package-lock.json'),
    );
    const locked = new Set(
      Object.entries(lock.packages)
        .filter(([k]) => k.startsWith('node_modules/'))
        .map(([k, v]) => `${k.replace(/^.*node_modules\//, '')}@${v.version ?? ''}`),
    );
    for (const k of keys) expect(locked.has(k), k).toBe(true);
  });

  it('keeps Debian’s own lodash apart from the app’s', () => {
    const debLodash = readJson<{ version: string }>(inRoot('/usr/share/nodejs/lodash/package.json'));
    expect(debLodash.version).not.toBe(expected.npmApp.dependencies.lodash);
  });
});
