import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../model/file-entry.js';
import type { ImageMetadata } from '../model/image.js';
import type { Match } from '../model/match.js';
import type { Package } from '../model/package.js';
import { diffConfig } from './diff-config.js';
import { diffFiles } from './diff-files.js';
import { diffPackages } from './diff-packages.js';
import { diffVulnerabilities } from './diff-vulnerabilities.js';

const pkg = (name: string, version: string, type = 'npm'): Package =>
  ({ id: `${name}@${version}`, name, version, type, locations: [], foundBy: 'test' }) as Package;

const file = (path: string, extra: Partial<FileEntry> = {}): FileEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  modeText: '0644',
  uid: 0,
  gid: 0,
  size: 10,
  sha256: 'a',
  ...extra,
});

const image = (config: Partial<ImageMetadata['config']>): ImageMetadata =>
  ({
    config: { env: [], exposedPorts: [], labels: {}, volumes: [], ...config },
    history: [],
    dockerfile: '',
    layers: [],
  }) as ImageMetadata;

const match = (id: string, name: string, version: string): Match =>
  ({
    vulnerability: { id, severity: 'high', fix: { state: 'fixed', versions: ['9'] } },
    package: { name, version, type: 'npm' },
    details: {},
  }) as unknown as Match;

describe('drift', () => {
  it('compares packages by type and name, with every version an image holds', () => {
    const d = diffPackages(
      [pkg('a', '1'), pkg('b', '1'), pkg('b', '2'), pkg('c', '1', 'deb')],
      [pkg('a', '1'), pkg('b', '2'), pkg('c', '1'), pkg('d', '3')],
    );
    expect(d.added.map((p) => `${p.type} ${p.name}`)).toEqual(['npm c', 'npm d']);
    expect(d.removed.map((p) => `${p.type} ${p.name}`)).toEqual(['deb c']);
    expect(d.changed).toEqual([{ type: 'npm', name: 'b', before: ['1', '2'], after: ['2'] }]);
  });

  it('tells content, mode, owner, type and link target changes apart', () => {
    const d = diffFiles(
      [
        file('/same'),
        file('/content'),
        file('/mode'),
        file('/owner'),
        file('/link', { type: 'symlink', linkTarget: 'x' }),
        file('/gone'),
      ],
      [
        file('/same'),
        file('/content', { sha256: 'b' }),
        file('/mode', { mode: 0o4755, modeText: '4755' }),
        file('/owner', { uid: 1000 }),
        file('/link', { type: 'symlink', linkTarget: 'y' }),
        file('/new'),
      ],
    );
    expect(d.added.map((f) => f.path)).toEqual(['/new']);
    expect(d.removed.map((f) => f.path)).toEqual(['/gone']);
    expect(d.changed.map((c) => [c.path, c.changes])).toEqual([
      ['/content', ['content']],
      ['/link', ['target']],
      ['/mode', ['mode']],
      ['/owner', ['owner']],
    ]);
  });

  it('compares the configuration per setting, env and labels per key, ports per port', () => {
    const changes = diffConfig(
      image({ user: 'root', env: ['PATH=/bin', 'OLD=1'], exposedPorts: ['80/tcp'], labels: { a: '1' } }),
      image({
        user: 'app',
        env: ['PATH=/usr/bin', 'NEW=2'],
        exposedPorts: ['80/tcp', '443/tcp'],
        labels: { a: '1' },
      }),
    );
    expect(changes).toEqual([
      { field: 'user', before: 'root', after: 'app' },
      { field: 'env', key: 'NEW', after: '2' },
      { field: 'env', key: 'OLD', before: '1' },
      { field: 'env', key: 'PATH', before: '/bin', after: '/usr/bin' },
      { field: 'exposedPorts', key: '443/tcp', after: '443/tcp' },
    ]);
    expect(diffConfig(null, null)).toEqual([]);
  });

  it('counts a vulnerability still there at another version as neither introduced nor fixed', () => {
    const d = diffVulnerabilities(
      [match('V-1', 'a', '1'), match('V-2', 'b', '1')],
      [match('V-1', 'a', '2'), match('V-3', 'c', '1')],
    );
    expect(d.introduced.map((v) => v.id)).toEqual(['V-3']);
    expect(d.fixed.map((v) => v.id)).toEqual(['V-2']);
  });
});
