import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { Package } from '../../model/package.js';
import type { FileRecord, FileView } from '../../resolver/file-view.js';
import type { CatalogOptions, CatalogResult } from '../types.js';
import { searchLines, compileContentSearch, MAX_LINE_CHARS } from './content-search.js';
import { createFilesCataloger } from './files-cataloger.js';
import { globToRegExp } from './path-glob.js';

async function run(
  specs: MemoryFileSpec[],
  options: CatalogOptions = {},
  extra: { packages?: Package[]; scope?: 'squashed' | 'all-layers' } = {},
): Promise<CatalogResult> {
  const cataloger = createFilesCataloger(options);
  const image = memoryImage(specs);
  const every: FileView = image.allLayers;
  const inspections = new Map<FileRecord, unknown>();
  for (const record of every.find(() => true)) {
    const content = every.content(record);
    if (record.type !== 'file' || !content) continue;
    if (!cataloger.wantsInspect?.({ path: record.path, size: record.size, mode: record.mode })) continue;
    const result = await cataloger.inspect?.(record, content);
    if (result !== undefined) inspections.set(record, result);
  }
  const files = extra.scope === 'all-layers' ? image.allLayers : image.squashed;
  return cataloger.catalog({
    files,
    squashed: image.squashed,
    distro: null,
    inspections,
    packagesSoFar: extra.packages ?? [],
  });
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

const IMAGE: MemoryFileSpec[] = [
  { path: '/usr/bin/su', content: 'su-binary', mode: 0o4755 },
  { path: '/usr/bin/wall', content: 'wall', mode: 0o2755, gid: 5 },
  { path: '/tmp', type: 'dir', mode: 0o1777 },
  { path: '/var/open.log', content: 'log', mode: 0o666 },
  { path: '/usr/bin/ls', content: 'ls', mode: 0o755 },
  { path: '/usr/bin/link', linkTarget: 'su', mode: 0o777 },
  { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\n' },
];

describe('files cataloger: inventory', () => {
  it('lists setuid, setgid and world-writable files by default, with digests', async () => {
    const result = await run(IMAGE);
    expect(result.files?.map((f) => [f.path, f.modeText, f.flags])).toEqual([
      ['/tmp', '1777', ['world-writable', 'sticky']],
      ['/usr/bin/su', '4755', ['setuid']],
      ['/usr/bin/wall', '2755', ['setgid']],
      ['/var/open.log', '666', ['world-writable']],
    ]);
    const su = result.files?.find((f) => f.path === '/usr/bin/su');
    expect(su).toMatchObject({
      type: 'file',
      mode: 0o4755,
      uid: 0,
      gid: 0,
      size: 9,
      sha256: sha('su-binary'),
      layer: 'sha256:layer0',
      layerIndex: 0,
    });
  });

  it("lists every file with files: 'all', digests only with fileDigests, symlinks without flags", async () => {
    const plain = await run(IMAGE, { files: 'all' });
    expect(plain.files?.map((f) => f.path)).toEqual([
      '/etc/passwd',
      '/tmp',
      '/usr/bin/link',
      '/usr/bin/ls',
      '/usr/bin/su',
      '/usr/bin/wall',
      '/var/open.log',
    ]);
    expect(plain.files?.find((f) => f.path === '/usr/bin/ls')?.sha256).toBeUndefined();
    expect(plain.files?.find((f) => f.path === '/usr/bin/link')).toMatchObject({
      type: 'symlink',
      linkTarget: 'su',
    });
    expect(plain.files?.find((f) => f.path === '/usr/bin/link')?.flags).toBeUndefined();
    const digested = await run(IMAGE, { files: 'all', fileDigests: true });
    expect(digested.files?.find((f) => f.path === '/usr/bin/ls')?.sha256).toBe(sha('ls'));
    expect((await run(IMAGE, { files: 'none' })).files).toEqual([]);
  });

  it('names the OS packages that own a file', async () => {
    const pkg = (id: string, type: Package['type'], files: unknown[]): Package => ({
      id,
      name: id,
      version: '1',
      type,
      locations: [],
      foundBy: 'x',
      metadata: { files },
    });
    const result = await run(
      IMAGE,
      {},
      {
        packages: [
          pkg('login', 'deb', ['/usr/bin/su']),
          pkg('util', 'rpm', [{ path: '/usr/bin/su' }]),
          pkg('npmthing', 'npm', ['/usr/bin/su']),
        ],
      },
    );
    expect(result.files?.find((f) => f.path === '/usr/bin/su')?.ownedBy).toEqual(['login', 'util']);
    expect(result.files?.find((f) => f.path === '/tmp')?.ownedBy).toBeUndefined();
  });

  it('all-layers keeps a setuid file a later layer removed', async () => {
    const specs: MemoryFileSpec[] = [
      { path: '/bin/suid', content: 'x', mode: 0o4755, layerIndex: 0 },
      { path: '/bin/suid', deleted: true, layerIndex: 1 },
    ];
    expect((await run(specs)).files).toEqual([]);
    expect((await run(specs, {}, { scope: 'all-layers' })).files?.map((f) => f.layerIndex)).toEqual([0]);
  });
});

describe('files cataloger: retrieval and content search', () => {
  it('retrieves /etc/passwd by default, capped with a truncated flag', async () => {
    const result = await run(IMAGE);
    expect(result.retrievedFiles).toEqual([
      {
        path: '/etc/passwd',
        layer: 'sha256:layer0',
        contentBase64: Buffer.from(IMAGE[6]!.content as string).toString('base64'),
        size: 32,
        truncated: false,
      },
    ]);
    const capped = await run(IMAGE, { retrieveFiles: ['/etc/*'], retrieveMaxBytes: 4 });
    expect(
      capped.retrievedFiles?.map((r) => [
        r.path,
        Buffer.from(r.contentBase64, 'base64').toString(),
        r.truncated,
      ]),
    ).toEqual([['/etc/passwd', 'root', true]]);
  });

  it('reports the lines where named regexes match, skipping binaries', async () => {
    const specs: MemoryFileSpec[] = [
      { path: '/app/a.conf', content: 'x=1\npassword=abc\ny=2\nPASSWORD=def\n' },
      { path: '/app/bin', content: Buffer.from('password=\u0000zzz') },
    ];
    const result = await run(specs, { contentSearch: { password: 'password', upper: '^[A-Z]+=' } });
    expect(result.contentMatches).toEqual([
      { path: '/app/a.conf', layer: 'sha256:layer0', name: 'password', lines: [2] },
      { path: '/app/a.conf', layer: 'sha256:layer0', name: 'upper', lines: [4] },
    ]);
  });

  it('each line is searched in its first 4 KiB only', () => {
    const patterns = compileContentSearch({ evil: '^(a+)+$' });
    const start = performance.now();
    const found = searchLines('a'.repeat(100_000) + 'b\nok\n', patterns);
    expect(found.size).toBe(1);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(MAX_LINE_CHARS).toBe(4096);
  });

  it('an invalid regex is a usage error', () => {
    expect(() => createFilesCataloger({ contentSearch: { broken: '(' } })).toThrow(/content search "broken"/);
  });
});

describe('path globs', () => {
  it.each([
    ['/etc/*', '/etc/passwd', true],
    ['/etc/*', '/etc/ssh/sshd_config', false],
    ['/etc/**', '/etc/ssh/sshd_config', true],
    ['/**/*.conf', '/etc/a.conf', true],
    ['/etc/pass?d', '/etc/passwd', true],
    ['/etc/[gp]*', '/etc/group', true],
    ['/etc/a.b', '/etc/axb', false],
  ])('%s ~ %s → %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });
});
