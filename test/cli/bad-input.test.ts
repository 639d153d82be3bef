import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = tempDir();
let runs = 0;
const good = [{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }];

/**
 * One line on stderr, starting "customs: ", exit 1, no stack trace, nothing on stdout. Each run
 * has an empty layer cache: the layers here have the same digests as good ones other test files
 * scan, and a cached layer is trusted by its digest without reading the blob.
 */
function expectCleanFailure(args: string[], pattern: RegExp): void {
  const r = runCli(args, { CUSTOMS_CACHE_DIR: join(root, `cache-${runs++}`) });
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^customs: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

async function layout(name: string, spec: Parameters<typeof writeOciLayout>[1]): Promise<string> {
  const dir = join(root, name);
  await writeOciLayout(dir, spec);
  return dir;
}

describe('customs sbom on bad input', () => {
  it('a missing file', () => {
    expectCleanFailure(['sbom', `oci-archive:${join(root, 'missing.tar')}`], /missing\.tar does not exist/);
    expectCleanFailure(['sbom', `dir:${join(root, 'missing-dir')}`], /does not exist/);
  });

  it('a truncated tar', async () => {
    const dir = await layout('trunc', {
      layers: [{ entries: [{ name: 'x', content: Buffer.alloc(100_000, 3) }], compression: 'none' }],
    });
    const archive = join(root, 'trunc.tar');
    execFileSync('tar', ['-cf', archive, '-C', dir, '.']);
    execFileSync('truncate', ['-s', '60000', archive]);
    expectCleanFailure(['sbom', `oci-archive:${archive}`], /truncated/);
  });

  it('a corrupt gzip layer', async () => {
    const dir = await layout('corrupt', {
      layers: [
        {
          entries: good,
          corruptBlob: (b) => Buffer.concat([b.subarray(0, 12), Buffer.alloc(b.length - 12, 0xee)]),
        },
      ],
    });
    expectCleanFailure(['sbom', `oci-dir:${dir}`], /layer 1\/1 .*(not valid gzip|truncated|cannot be read)/);
  });

  it('a layer whose digest does not match', async () => {
    const dir = await layout('mismatch', { layers: [{ entries: good }] });
    const manifest = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).manifests[0].digest.slice(7);
    const m = JSON.parse(readFileSync(join(dir, 'blobs/sha256', manifest), 'utf8'));
    const other = gzipSync(Buffer.alloc(1024));
    writeFileSync(join(dir, 'blobs/sha256', m.layers[0].digest.slice(7)), other);
    expectCleanFailure(['sbom', `oci-dir:${dir}`], /digest mismatch: expected sha256:/);
  });

  it('a diff_id that does not match the layer content', async () => {
    const dir = await layout('diffid', { layers: [{ entries: good, wrongDiffId: true }] });
    expectCleanFailure(['sbom', `oci-dir:${dir}`], /diff_id.*digest mismatch/);
  });

  it('a manifest that is not JSON', async () => {
    const dir = await layout('notjson', {
      layers: [{ entries: good }],
      rawManifest: Buffer.from('not json at all'),
    });
    expectCleanFailure(['sbom', `oci-dir:${dir}`], /is not JSON/);
  });

  it('an unknown media type', async () => {
    const dir = await layout('media', {
      layers: [{ entries: good }],
      manifestMediaType: 'application/vnd.example.unknown+json',
    });
    expectCleanFailure(
      ['sbom', `oci-dir:${dir}`],
      /unsupported manifest media type "application\/vnd.example.unknown\+json"/,
    );
  });

  it('a tar entry with ../', async () => {
    const dir = await layout('traversal', {
      layers: [{ entries: [{ name: '../../../tmp/evil', content: 'x' }] }],
    });
    expectCleanFailure(['sbom', `oci-dir:${dir}`], /points outside the image root/);
  });

  it('an absolute symlink pointing outside is resolved inside the image, never on the host', async () => {
    const dir = await layout('symlink', {
      layers: [
        {
          entries: [
            { name: 'var/lib/dpkg/', type: 'directory' },
            { name: 'var/lib/dpkg/status', type: 'symlink', linkname: '/../../../../var/lib/dpkg/status' },
            { name: 'etc/os-release', type: 'symlink', linkname: '/etc/os-release' },
          ],
        },
      ],
    });
    const r = runCli(['sbom', `oci-dir:${dir}`, '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const sbom = JSON.parse(r.stdout);
    // The host has a dpkg database and an os-release: none of it may show up.
    expect(sbom.packages).toEqual([]);
    expect(sbom.distro).toBeNull();
    expect(r.stderr).toMatch(/warning: no Linux distribution detected/);
  });

  it('bad usage', () => {
    expectCleanFailure(['sbom', 'dir:/tmp', '-o', 'yaml'], /unknown output format "yaml"/);
    expectCleanFailure(['sbom', 'dir:/tmp', '--platform', 'linux//'], /invalid platform/);
    const r = runCli(['sbom', 'dir:/tmp', '--scope', 'everything']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^customs: error: option '--scope <scope>' argument 'everything' is invalid/);
  });
});
