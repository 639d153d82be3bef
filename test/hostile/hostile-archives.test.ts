// The hostile-archive corpus: images crafted to break a scanner, each read by the built CLI as a
// user would (`customs sbom oci-dir:… -o json`). Every one must end in a clear one-line error or a
// bounded result — no stack trace, at most HOSTILE_SECONDS and HOSTILE_RSS_MIB (measured by GNU
// time) — and write nothing outside the cache directory: the working directory stays empty and
// the paths the archives aim at on the host never appear.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOciLayout, type ImageSpec } from '../helpers/oci-builder.js';
import { CUSTOMS_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { paxEntry, rawTar, type RawEntry } from './raw-tar.js';

const HOSTILE_SECONDS = 60;
const HOSTILE_RSS_MIB = 1024;
const root = tempDir('customs-hostile-');
const token = randomBytes(6).toString('hex');
// Where an escaping archive would write or read on the host, were it followed.
const escapeTargets = [`/tmp/customs-escape-${token}`, `/tmp/customs-abs-${token}`, `/customs-root-${token}`];

interface Outcome {
  code: number | null;
  stderr: string;
  json?: {
    packages: unknown[];
    files: unknown[];
    unknowns: { path?: string; reason?: string }[];
    warnings: string[];
    distro: unknown;
  };
  seconds: number;
  rssMiB: number;
}

let counter = 0;

async function image(spec: ImageSpec): Promise<string> {
  const dir = join(root, `img-${counter++}`);
  await writeOciLayout(dir, spec);
  return `oci-dir:${dir}:latest`;
}

/** Runs the CLI under GNU time in an empty working directory with its own cache. */
function sbom(source: string, extra: string[] = []): Outcome {
  const cwd = join(root, `cwd-${counter++}`);
  mkdirSync(cwd);
  const start = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'customs-max-rss-kb=%M',
      process.execPath,
      CUSTOMS_BIN,
      'sbom',
      source,
      '-q',
      '-o',
      'json',
      ...extra,
    ],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      timeout: HOSTILE_SECONDS * 2_000,
      env: {
        ...process.env,
        CUSTOMS_DEBUG: '',
        CUSTOMS_CACHE_DIR: join(root, 'cache'),
        TMPDIR: join(root, 'tmp'),
      },
    },
  );
  const seconds = (performance.now() - start) / 1000;
  const rss = /customs-max-rss-kb=(\d+)/.exec(r.stderr);
  const stderr = r.stderr
    .replace(/.*customs-max-rss-kb=\d+\n?/, '')
    .replace(/^Command exited with non-zero status \d+\n?/m, '');
  expect(readdirSync(cwd), 'files written in the working directory').toEqual([]);
  for (const target of escapeTargets) expect(existsSync(target), target).toBe(false);
  const outcome: Outcome = { code: r.status, stderr, seconds, rssMiB: rss ? Number(rss[1]) / 1024 : NaN };
  if (r.status === 0) outcome.json = JSON.parse(r.stdout) as Outcome['json'];
  return outcome;
}

/** A clear result: exit 0 with an SBOM, or exit 1 with one line; never a stack trace; bounded. */
function expectBounded(o: Outcome): void {
  expect(o.stderr, 'a stack trace').not.toMatch(/^\s+at /m);
  expect([0, 1]).toContain(o.code);
  if (o.code === 1) expect(o.stderr.trim().split('\n'), o.stderr).toHaveLength(1);
  expect(o.seconds).toBeLessThan(HOSTILE_SECONDS);
  expect(o.rssMiB).toBeLessThan(HOSTILE_RSS_MIB);
}

const layer = (entries: RawEntry[], compression: 'gzip' | 'none' = 'gzip') => ({
  entries: [],
  tar: rawTar(entries),
  compression,
});
const osRelease: RawEntry = { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' };

/** A gzip layer: the tar header, `bytes` zeros (the file), the end blocks; and the tar's digest. */
async function gzipOfZeros(tarHeader: Buffer, bytes: number): Promise<{ blob: Buffer; diffId: string }> {
  const gzip = createGzip({ level: 9 });
  const tarHash = createHash('sha256');
  const chunks: Buffer[] = [];
  gzip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const write = (b: Buffer) => {
    tarHash.update(b);
    gzip.write(b);
  };
  write(tarHeader);
  const zeros = Buffer.alloc(1 << 20);
  for (let written = 0; written < bytes; written += zeros.length) write(zeros);
  tarHash.update(Buffer.alloc(1024));
  gzip.end(Buffer.alloc(1024));
  await done;
  return { blob: Buffer.concat(chunks), diffId: 'sha256:' + tarHash.digest('hex') };
}

const results: Record<string, { code: number | null; seconds: number; rssMiB: number; note: string }> = {};
afterAll(() => {
  // The figures docs/security.md reports.
  const dir = fileURLToPath(new URL('../../test-artifacts/hostile', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
});

function record(name: string, o: Outcome, note: string): void {
  results[name] = { code: o.code, seconds: Number(o.seconds.toFixed(2)), rssMiB: Math.round(o.rssMiB), note };
}

describe('hostile archives', () => {
  it('../ paths are refused in one line and never written', async () => {
    const o = sbom(
      await image({
        layers: [layer([osRelease, { name: `../../../../tmp/customs-escape-${token}`, content: 'x' }])],
      }),
    );
    expectBounded(o);
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(/escape|outside|unsafe|\.\./i);
    record('../ entry', o, o.stderr.trim());
  });

  it('absolute paths stay inside the image', async () => {
    const o = sbom(
      await image({ layers: [layer([osRelease, { name: `/tmp/customs-abs-${token}`, content: 'x' }])] }),
    );
    expectBounded(o);
    record('absolute path', o, o.code === 0 ? 'read inside the image' : o.stderr.trim());
  });

  it('symlinks out of the root resolve inside the image, never on the host', async () => {
    const o = sbom(
      await image({
        layers: [
          layer([
            { name: 'etc/os-release', type: '2', linkname: '../../../../../../etc/os-release' },
            { name: 'usr/lib/os-release', type: '2', linkname: '/../../proc/self/environ' },
            { name: `customs-root-${token}`, type: '2', linkname: `/customs-root-${token}` },
          ]),
        ],
      }),
    );
    expectBounded(o);
    expect(o.code).toBe(0);
    // The host is Debian too: had the link been followed on the host, a distro would be found.
    expect(o.json!.distro).toBeNull();
    record('symlink escapes', o, 'resolved inside the image (distro: none)');
  });

  it('hard links out of the root are refused', async () => {
    const o = sbom(
      await image({
        layers: [layer([osRelease, { name: 'etc/shadow-copy', type: '1', linkname: '../../../etc/shadow' }])],
      }),
    );
    expectBounded(o);
    expect(o.code).toBe(1);
    record('hard link escape', o, o.stderr.trim());
  });

  it('symlink loops end', async () => {
    const o = sbom(
      await image({
        layers: [
          layer([
            { name: 'a', type: '2', linkname: 'b' },
            { name: 'b', type: '2', linkname: 'a' },
            { name: 'etc/os-release', type: '2', linkname: '/a' },
            { name: 'var/lib/dpkg', type: '2', linkname: '../../var/lib/dpkg' },
          ]),
        ],
      }),
    );
    expectBounded(o);
    expect(o.code).toBe(0);
    record(
      'symlink loops',
      o,
      `${o.json!.unknowns.length} unknown(s), ${o.json!.warnings.length} warning(s)`,
    );
  });

  it('a whiteout of / and an opaque root hide the layers below, and nothing more', async () => {
    const o = sbom(
      await image({
        layers: [
          layer([osRelease, { name: 'usr/bin/tool', content: 'x', mode: 0o4755 }]),
          layer([
            { name: '.wh..wh..opq', content: '' },
            { name: '.wh.', content: '' },
            { name: './.wh..', content: '' },
          ]),
        ],
      }),
    );
    expectBounded(o);
    expect(o.code).toBe(0);
    expect(JSON.stringify(o.json!.files)).not.toContain('/usr/bin/tool');
    record('whiteout of /', o, 'lower layers hidden');
  });

  it('device nodes are listed, never opened', async () => {
    const o = sbom(
      await image({
        layers: [
          layer([
            osRelease,
            { name: 'dev/zero', type: '3', devmajor: 1, devminor: 5, mode: 0o666 },
            { name: 'dev/sda', type: '4', devmajor: 8, devminor: 0 },
            { name: 'var/lib/dpkg/status', type: '3', devmajor: 1, devminor: 5 },
          ]),
        ],
      }),
      ['--files', 'all'],
    );
    expectBounded(o);
    expect(o.code).toBe(0);
    record('device files', o, 'listed, not read');
  });

  it('a 10 GB sparse file and a file claiming 10 GB with no data are bounded', async () => {
    const sparse = sbom(
      await image({
        layers: [
          layer([
            osRelease,
            { name: 'var/huge.img', type: 'S', content: Buffer.alloc(0), gnuRealSize: 10 * 2 ** 30 },
          ]),
        ],
      }),
    );
    expectBounded(sparse);
    record('10 GB sparse (GNU S)', sparse, sparse.code === 0 ? 'read, not expanded' : sparse.stderr.trim());
    const lying = sbom(
      await image({
        layers: [
          {
            entries: [],
            tar: rawTar([osRelease, { name: 'var/lie.bin', declaredSize: 10 * 2 ** 30 }], { end: false }),
          },
        ],
      }),
    );
    expectBounded(lying);
    expect(lying.code).toBe(1);
    expect(lying.stderr).toMatch(/truncated|not a valid tar|cannot be read/);
    record('file claiming 10 GB', lying, lying.stderr.trim());
  });

  it('a gzip bomb (ratio over 1000) streams through in bounded memory', async () => {
    const header = rawTar([{ name: 'var/lib/dpkg/status', declaredSize: 256 * 2 ** 20 }], { end: false });
    const precompressed = await gzipOfZeros(header, 256 * 2 ** 20);
    const ratio = (256 * 2 ** 20) / precompressed.blob.length;
    expect(ratio).toBeGreaterThan(1000);
    const bomb = sbom(
      await image({
        layers: [
          { entries: [], tar: rawTar([osRelease]) },
          { entries: [], precompressed },
        ],
      }),
    );
    expectBounded(bomb);
    expect(bomb.code).toBe(0);
    expect(JSON.stringify(bomb.json!.unknowns)).toMatch(/content limit|larger/);
    record('gzip bomb 256 MiB, ratio > 1000', bomb, `ratio ${Math.round(ratio)}`);
  });

  it('duplicate entries: the last one wins, as in an extraction', async () => {
    const o = sbom(
      await image({
        layers: [
          layer([
            { name: 'etc/os-release', content: 'ID=alpine\n' },
            { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
          ]),
        ],
      }),
    );
    expectBounded(o);
    expect(o.code).toBe(0);
    expect(JSON.stringify(o.json!.distro)).toContain('debian');
    record('duplicate entries', o, 'last wins');
  });

  it('names that are not UTF-8 are read, not fatal', async () => {
    const o = sbom(
      await image({
        layers: [
          layer([
            osRelease,
            {
              name: Buffer.from([0x65, 0x74, 0x63, 0x2f, 0xff, 0xfe, 0x80, 0x2e, 0x63, 0x66]),
              content: 'x',
              mode: 0o4755,
            },
          ]),
        ],
      }),
    );
    expectBounded(o);
    expect(o.code).toBe(0);
    record('non-UTF-8 names', o, 'read');
  });

  it('PAX headers with huge values are bounded', async () => {
    const o = sbom(
      await image({
        layers: [
          layer([
            osRelease,
            paxEntry({
              path: 'a/' + 'x'.repeat(1 << 20),
              mtime: '9'.repeat(400),
              uid: '99999999999999999999',
            }),
            { name: 'placeholder', content: 'x' },
            paxEntry({ size: '99999999999999999999999' }),
            { name: 'placeholder2', content: 'y' },
          ]),
        ],
      }),
    );
    expectBounded(o);
    record('PAX huge values', o, o.code === 0 ? 'read' : o.stderr.trim());
  });

  it('a manifest of 10,000 layers is bounded', async () => {
    const empty = { entries: [], tar: rawTar([]) };
    const o = sbom(
      await image({
        layers: [{ entries: [], tar: rawTar([osRelease]) }, ...Array.from({ length: 9_999 }, () => empty)],
      }),
    );
    expectBounded(o);
    record('10,000 layers', o, o.code === 0 ? 'read' : o.stderr.trim());
  }, 300_000);

  it('100,000 empty layers are bounded', async () => {
    const empty = { entries: [], tar: rawTar([]) };
    const o = sbom(
      await image({
        layers: [{ entries: [], tar: rawTar([osRelease]) }, ...Array.from({ length: 99_999 }, () => empty)],
      }),
    );
    expectBounded(o);
    record('100,000 empty layers', o, o.code === 0 ? 'read' : o.stderr.trim());
  }, 600_000);
});
