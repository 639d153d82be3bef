import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { Package } from '../../model/package.js';
import { syntheticElf } from '../elf/synthetic-elf.js';
import type { CatalogResult } from '../types.js';
import { binaryClassifierCataloger } from './binary-cataloger.js';
import { classifyBinary, parseJavaRelease } from './classify-content.js';

const elfWith = (text: string): Buffer =>
  syntheticElf([{ name: '.rodata', data: Buffer.from(text, 'latin1') }]);

describe('classifyBinary', () => {
  it.each([
    ['/usr/local/bin/node', 'xx\0https://node.js/v18.17.1/\0', 'node', '18.17.1'],
    ['/usr/local/bin/python3.11', '\x003.2.0\0pymalloc\x003.11.7\0', 'python', '3.11.7'],
    ['/usr/local/lib/libpython3.12.so.1.0', 'x/Python-3.12.1\0', 'python', '3.12.1'],
    ['/usr/bin/python3', '\x003.2.0\0\x003.10.13\0', 'python', '3.10.13'],
    ['/bin/busybox', 'BusyBox v1.36.1 (2023-11-07 18:53:09 UTC)', 'busybox', '1.36.1'],
    ['/usr/sbin/nginx', 'Server: nginx/1.25.3\r\n', 'nginx', '1.25.3'],
    ['/usr/local/apache2/bin/httpd', 'Apache/2.4.58 (Unix)', 'httpd', '2.4.58'],
    ['/usr/local/bin/redis-server', 'A7.2.31790282056000000000\0', 'redis', '7.2.3'],
    ['/usr/local/bin/redis-server', '\x01\x027.0.15ae4d7c971a948-1790282056000000000\0', 'redis', '7.0.15'],
    ['/usr/lib/postgresql/15/bin/postgres', 'postgres (PostgreSQL) 15.5\0', 'postgresql', '15.5'],
    ['/usr/bin/openssl', 'OpenSSL 3.0.11 19 Sep 2023\0', 'openssl', '3.0.11'],
    ['/usr/lib/libcrypto.so.1.1', 'OpenSSL 1.1.1w  11 Sep 2023\0', 'openssl', '1.1.1w'],
  ])('%s with %j → %s %s', (path, text, name, version) =>
    expect(classifyBinary(path, elfWith(text))).toEqual({ name, version }),
  );

  it.each([
    ['/usr/bin/node', 'no version here'],
    ['/usr/bin/other', 'BusyBox v1.36.1'],
    ['/usr/bin/openssl', 'OpenSSL is a toolkit'],
  ])('%s with %j → nothing', (path, text) => expect(classifyBinary(path, elfWith(text))).toBeUndefined());

  it('ignores non-executables whatever their name and content', () => {
    expect(classifyBinary('/bin/busybox', Buffer.from('BusyBox v1.36.1'.padEnd(100)))).toBeUndefined();
  });

  it('marks JVM binaries for their release file', () => {
    expect(classifyBinary('/opt/java/openjdk/bin/java', elfWith('x'))).toEqual({
      jvm: true,
      javaHome: '/opt/java/openjdk',
    });
    expect(parseJavaRelease('IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="17.0.9"\n')).toEqual({
      version: '17.0.9',
      implementor: 'Eclipse Adoptium',
    });
  });
});

async function catalog(specs: MemoryFileSpec[], packagesSoFar: Package[] = []): Promise<CatalogResult> {
  const image = memoryImage(specs);
  const inspections = new Map<never, unknown>();
  for (const record of image.allLayers.find(() => true)) {
    const content = image.allLayers.content(record);
    const header = { path: record.path, size: content?.length ?? 0, mode: record.mode };
    if (!content || !binaryClassifierCataloger.wantsInspect?.(header)) continue;
    const result = await binaryClassifierCataloger.inspect?.(record, content);
    if (result !== undefined) inspections.set(record as never, result);
  }
  return binaryClassifierCataloger.catalog({
    ...contextOf(image.squashed, null),
    inspections,
    packagesSoFar,
  });
}

describe('binaryClassifierCataloger', () => {
  it('reports generic packages, openjdk from the release file, and drops what an OS package owns', async () => {
    const owner: Package = {
      id: 'deb1',
      name: 'busybox',
      version: '1:1.35.0-4',
      type: 'deb',
      locations: [],
      foundBy: 'dpkg',
      metadata: { package: 'busybox', version: '1:1.35.0-4', files: ['/bin/busybox'] },
    };
    const result = await catalog(
      [
        { path: '/usr/local/bin/node', content: elfWith('node.js/v20.11.0'), mode: 0o755 },
        { path: '/bin/busybox', content: elfWith('BusyBox v1.35.0'), mode: 0o755 },
        { path: '/opt/jdk/bin/java', content: elfWith('x'), mode: 0o755 },
        { path: '/opt/jdk/release', content: 'JAVA_VERSION="21.0.1"\n' },
        { path: '/opt/nojdk/bin/java', content: elfWith('x'), mode: 0o755 },
      ],
      [owner],
    );
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => `${p.purl} ${p.type} ${p.locations[0]?.path}`).sort()).toEqual([
      'pkg:generic/node@20.11.0 binary /usr/local/bin/node',
      'pkg:generic/openjdk@21.0.1 binary /opt/jdk/bin/java',
    ]);
  });

  it('wants only release files as text', () => {
    expect(binaryClassifierCataloger.wants('/usr/lib/jvm/java-17/release')).toBe(true);
    expect(binaryClassifierCataloger.wants('/usr/bin/node')).toBe(false);
  });
});
