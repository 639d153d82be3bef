import { describe, expect, it } from 'vitest';
import { memoryFileView } from '../../../test/helpers/memory-file-view.js';
import { OwnedFilesIndex, parseListFile, parseMd5sumsFile } from './owned-files.js';

describe('file list parsers', () => {
  it('reads .list files, dropping "/." and blank lines', () => {
    expect(parseListFile('/.\n/etc\n/etc/a b.conf\r\n\n/usr/bin/x')).toEqual([
      '/etc',
      '/etc/a b.conf',
      '/usr/bin/x',
    ]);
  });
  it('reads .md5sums files as absolute paths', () => {
    const text =
      '108877c29ef6a482337ddc42ea8b0985  lib/x86_64-linux-gnu/ld.so\r\nbroken line\nd6536c875ddb48f13c5229718bd8094a  /usr/a b\n';
    expect(parseMd5sumsFile(text)).toEqual(['/lib/x86_64-linux-gnu/ld.so', '/usr/a b']);
  });
});

describe('OwnedFilesIndex', () => {
  it('prefers <pkg>:<arch>.list, then <pkg>.list, then md5sums', () => {
    const view = memoryFileView([
      { path: '/var/lib/dpkg/info/libc6:amd64.list', content: '/.\n/lib/libc.so.6\n' },
      {
        path: '/var/lib/dpkg/info/libc6:amd64.md5sums',
        content: '00000000000000000000000000000000  ignored\n',
      },
      { path: '/var/lib/dpkg/info/bash.list', content: '/bin/bash\n' },
      {
        path: '/var/lib/dpkg/info/zlib1g.md5sums',
        content: '00000000000000000000000000000000  usr/lib/libz.so.1\n',
      },
    ]);
    const index = new OwnedFilesIndex(view);
    expect(index.filesOf({ name: 'libc6', architecture: 'amd64', layerIndex: 0 })).toEqual([
      '/lib/libc.so.6',
    ]);
    expect(index.filesOf({ name: 'bash', architecture: 'amd64', layerIndex: 0 })).toEqual(['/bin/bash']);
    expect(index.filesOf({ name: 'zlib1g', architecture: 'amd64', layerIndex: 0 })).toEqual([
      '/usr/lib/libz.so.1',
    ]);
    expect(index.filesOf({ name: 'nothing', layerIndex: 0 })).toBeUndefined();
  });

  it('uses status.d/<name>.md5sums for distroless packages', () => {
    const view = memoryFileView([
      {
        path: '/var/lib/dpkg/status.d/libssl3.md5sums',
        content: '00000000000000000000000000000000  usr/lib/libssl.so.3\n',
      },
    ]);
    const index = new OwnedFilesIndex(view);
    expect(index.filesOf({ name: 'libssl3', layerIndex: 0, statusDName: 'libssl3' })).toEqual([
      '/usr/lib/libssl.so.3',
    ]);
  });

  it('picks the list from the package layer in the all-layers view', () => {
    const view = memoryFileView(
      [
        { path: '/var/lib/dpkg/info/a.list', content: '/old\n', layerIndex: 0 },
        { path: '/var/lib/dpkg/info/a.list', content: '/new\n', layerIndex: 2 },
      ],
      'all-layers',
    );
    const index = new OwnedFilesIndex(view);
    expect(index.filesOf({ name: 'a', layerIndex: 1 })).toEqual(['/old']);
    expect(index.filesOf({ name: 'a', layerIndex: 2 })).toEqual(['/new']);
  });
});
