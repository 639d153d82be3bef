import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryClassifierCataloger } from '../../src/cataloger/binary/index.js';
import { goBinaryCataloger } from '../../src/cataloger/golang/index.js';
import { rustCataloger } from '../../src/cataloger/rust/index.js';
import type { Package } from '../../src/model/package.js';
import type { Sbom } from '../../src/model/sbom.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { writeOciLayout } from '../helpers/oci-builder.js';
import type { TarFileSpec } from '../helpers/tar-builder.js';
import { tempDir } from '../helpers/temp-dir.js';

const GO_BINARIES = [
  '/usr/bin/skopeo',
  '/usr/bin/umoci',
  '/usr/bin/docker-registry',
  '/usr/lib/google-cloud-sdk/bin/kubectl',
];
const JAVA_HOME = '/usr/lib/jvm/java-17-openjdk-amd64';
const present = (p: string): boolean => existsSync(p);
const run = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) + '';
const runAll = (cmd: string, args: string[]): string => {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
    });
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? '');
  }
};
/** What `strings` finds in a binary: the oracle for the Go module lines. */
const stringsOf = (path: string): string[] => runAll('strings', ['-n', '4', path]).split('\n');

/** Real binaries of this machine, copied into the image at `target`. */
const REAL: Array<{ source: string; target: string }> = [
  ...GO_BINARIES.map((p) => ({ source: p, target: `/opt/go${p}` })),
  { source: process.execPath, target: '/usr/local/bin/node' },
  { source: '/usr/bin/python3.11', target: '/usr/local/bin/python3.11' },
  { source: '/usr/bin/openssl', target: '/usr/local/bin/openssl' },
  { source: '/usr/lib/x86_64-linux-gnu/libcrypto.so.3', target: '/usr/local/lib/libcrypto.so.3' },
  { source: '/usr/lib/postgresql/15/bin/postgres', target: '/usr/local/pgsql/bin/postgres' },
  { source: '/usr/bin/redis-check-rdb', target: '/usr/local/bin/redis-server' },
  { source: `${JAVA_HOME}/bin/java`, target: '/opt/jdk/bin/java' },
  { source: `${JAVA_HOME}/release`, target: '/opt/jdk/release' },
].filter((e) => present(e.source) && realpathSync(e.source) !== '');

const AUDIT = {
  packages: [
    { name: 'tool', version: '0.3.0', source: 'local', dependencies: [1], root: true },
    { name: 'serde', version: '1.0.190', source: 'crates.io', dependencies: [] },
  ],
};

describe.skipIf(REAL.length === 0)('binaries against the real tools of this machine', () => {
  let sbom: Sbom;

  beforeAll(async () => {
    const dir = tempDir('customs-binaries-');
    writeFileSync(join(dir, 'deps.z'), deflateSync(Buffer.from(JSON.stringify(AUDIT))));
    copyFileSync('/bin/true', join(dir, 'true'));
    execFileSync('objcopy', [
      '--add-section',
      `.dep-v0=${join(dir, 'deps.z')}`,
      join(dir, 'true'),
      join(dir, 'tool'),
    ]);
    const entries: TarFileSpec[] = REAL.map(({ source, target }) => ({
      name: target.slice(1),
      content: readFileSync(source),
      mode: target.endsWith('/release') ? 0o644 : 0o755,
    }));
    entries.push({ name: 'usr/local/bin/tool', content: readFileSync(join(dir, 'tool')), mode: 0o755 });
    const oci = join(dir, 'oci');
    await writeOciLayout(oci, { layers: [{ entries, compression: 'none' }], tag: 'bins' });
    sbom = await generateSbom(`oci-dir:${oci}:bins`, {
      catalogers: [goBinaryCataloger, rustCataloger, binaryClassifierCataloger],
    });
  }, 180_000);

  const at = (path: string): Package[] =>
    sbom.packages.filter((p) => p.locations.some((l) => l.path === path));

  it.each(GO_BINARIES.filter(present))('%s: Go version and modules equal what the binary holds', (source) => {
    const pkgs = at(`/opt/go${source}`).filter((p) => p.type === 'go');
    const lines = new Set(stringsOf(source));
    const counts = new Map<string, number>();
    for (const l of lines)
      for (const m of l.matchAll(/go1\.\d+\.\d+/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    const goVersion = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(pkgs.find((p) => p.name === 'stdlib')?.version).toBe(goVersion?.slice(2));
    const deps = new Set(
      [...lines].filter((l) => l.startsWith('dep\t')).map((l) => l.split('\t').slice(1, 3).join('@')),
    );
    const mains = [...lines]
      .filter((l) => l.startsWith('mod\t'))
      .map((l) => l.split('\t').slice(1, 3).join('@'));
    const found = new Set(pkgs.filter((p) => p.name !== 'stdlib').map((p) => `${p.name}@${p.version}`));
    expect(found).toEqual(new Set([...mains, ...deps]));
    if (source.endsWith('kubectl')) {
      expect(deps.size).toBeGreaterThan(20);
      expect([...found].some((m) => m.startsWith('k8s.io/client-go@'))).toBe(true);
    }
  });

  it('finds the cargo-auditable crates of a real ELF with an objcopy-added .dep-v0', () => {
    expect(
      at('/usr/local/bin/tool')
        .map((p) => p.purl)
        .sort(),
    ).toEqual(['pkg:cargo/serde@1.0.190', 'pkg:cargo/tool@0.3.0']);
  });

  const classified = (path: string): string | undefined => at(path).find((p) => p.type === 'binary')?.version;

  it('node: the version node itself reports', () => {
    expect(classified('/usr/local/bin/node')).toBe(process.version.slice(1));
  });

  it.skipIf(!present('/usr/bin/python3.11'))('python: the version python3.11 reports', () => {
    const real = run('/usr/bin/python3.11', [
      '-c',
      'import platform; print(platform.python_version())',
    ]).trim();
    expect(classified('/usr/local/bin/python3.11')).toBe(real);
  });

  it.skipIf(!present('/usr/bin/openssl'))(
    'openssl binary and libcrypto: the version `openssl version` reports',
    () => {
      const real = /^OpenSSL (\S+)/.exec(run('/usr/bin/openssl', ['version']))?.[1];
      expect(classified('/usr/local/bin/openssl')).toBe(real);
      expect(classified('/usr/local/lib/libcrypto.so.3')).toBe(real);
    },
  );

  it.skipIf(!present('/usr/lib/postgresql/15/bin/postgres'))(
    'postgres: the version `postgres --version` reports',
    () => {
      const real = /\(PostgreSQL\) (\S+)/.exec(
        run('/usr/lib/postgresql/15/bin/postgres', ['--version']),
      )?.[1];
      expect(classified('/usr/local/pgsql/bin/postgres')).toBe(real);
    },
  );

  it.skipIf(!present('/usr/bin/redis-check-rdb'))(
    'redis: the version `redis-server --version` reports',
    () => {
      const real = /v=(\S+)/.exec(runAll('/usr/bin/redis-server', ['--version']))?.[1];
      expect(classified('/usr/local/bin/redis-server')).toBe(real);
    },
  );

  it.skipIf(!present(`${JAVA_HOME}/bin/java`))('openjdk: the version `java -version` reports', () => {
    const out = execFileSync(`${JAVA_HOME}/bin/java`, ['-version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const real =
      /version "([^"]+)"/.exec(out)?.[1] ??
      /version "([^"]+)"/.exec(
        String(execFileSync('sh', ['-c', `${JAVA_HOME}/bin/java -version 2>&1`])),
      )?.[1];
    expect(classified('/opt/jdk/bin/java')).toBe(real);
  });

  it('leaves no unknowns', () => expect(sbom.unknowns).toEqual([]));
});
