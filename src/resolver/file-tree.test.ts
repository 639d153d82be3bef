import { describe, expect, it } from 'vitest';
import type { FileRecord } from './file-view.js';
import { FileTree, walkTree } from './file-tree.js';
import { resolveInTree } from './views.js';

function rec(
  path: string,
  layerIndex: number,
  type: FileRecord['type'] = 'file',
  linkTarget?: string,
): FileRecord {
  const r: FileRecord = {
    path,
    type,
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 0,
    layerIndex,
    layerDigest: `sha256:${layerIndex}`,
  };
  if (linkTarget !== undefined) r.linkTarget = linkTarget;
  return r;
}

function paths(tree: FileTree): string[] {
  return [...walkTree(tree.root)].map((r) => `${r.path}@${r.layerIndex}`);
}

describe('FileTree whiteouts', () => {
  it('a .wh. entry hides the lower file and its whole subtree', () => {
    const t = new FileTree();
    for (const r of [
      rec('/opt', 0, 'dir'),
      rec('/opt/app', 0, 'dir'),
      rec('/opt/app/secret', 0),
      rec('/opt/app/keep', 0),
      rec('/opt/dir', 0, 'dir'),
      rec('/opt/dir/x', 0),
    ])
      t.apply(r);
    t.apply(rec('/opt/app/.wh.secret', 1));
    t.apply(rec('/opt/.wh.dir', 1));
    expect(paths(t)).toEqual(['/opt@0', '/opt/app@0', '/opt/app/keep@0']);
  });

  it('an opaque directory hides lower children but keeps its own layer, whatever the order', () => {
    const t = new FileTree();
    for (const r of [
      rec('/etc', 0, 'dir'),
      rec('/etc/c', 0, 'dir'),
      rec('/etc/c/a.conf', 0),
      rec('/etc/c/sub', 0, 'dir'),
      rec('/etc/c/sub/b', 0),
    ])
      t.apply(r);
    t.apply(rec('/etc/c', 1, 'dir'));
    t.apply(rec('/etc/c/new.conf', 1));
    t.apply(rec('/etc/c/.wh..wh..opq', 1));
    expect(paths(t)).toEqual(['/etc@0', '/etc/c@1', '/etc/c/new.conf@1']);
  });

  it('a whiteout never hides what its own layer adds', () => {
    const t = new FileTree();
    t.apply(rec('/x', 0));
    t.apply(rec('/x', 1));
    t.apply(rec('/.wh.x', 1));
    expect(paths(t)).toEqual(['/x@1']);
  });

  it('a later file replaces a lower directory, and a later directory replaces a lower file', () => {
    const t = new FileTree();
    t.apply(rec('/a', 0, 'dir'));
    t.apply(rec('/a/child', 0));
    t.apply(rec('/a', 1));
    t.apply(rec('/b', 0));
    t.apply(rec('/b/c', 1));
    expect(paths(t)).toEqual(['/a@1', '/b/c@1']);
  });
});

describe('resolveInTree', () => {
  const t = new FileTree();
  for (const r of [
    rec('/usr', 0, 'dir'),
    rec('/usr/lib', 0, 'dir'),
    rec('/usr/lib/os-release', 0),
    rec('/etc', 0, 'dir'),
    rec('/etc/os-release', 0, 'symlink', '../usr/lib/os-release'),
    rec('/lib', 0, 'symlink', 'usr/lib'),
    rec('/etc/escape', 0, 'symlink', '../../../../../../usr/lib/os-release'),
    rec('/etc/abs', 0, 'symlink', '/usr/lib/os-release'),
    rec('/etc/host', 0, 'symlink', '/host/etc/shadow'),
    rec('/loop1', 0, 'symlink', 'loop2'),
    rec('/loop2', 0, 'symlink', 'loop1'),
  ])
    t.apply(r);

  it('follows relative, absolute and directory symlinks inside the image', () => {
    expect(resolveInTree(t.root, '/etc/os-release', true)?.path).toBe('/usr/lib/os-release');
    expect(resolveInTree(t.root, '/etc/os-release', false)?.type).toBe('symlink');
    expect(resolveInTree(t.root, '/lib/os-release', false)?.path).toBe('/usr/lib/os-release');
    expect(resolveInTree(t.root, '/etc/abs', true)?.path).toBe('/usr/lib/os-release');
  });

  it('clamps .. at the image root and never names a host path', () => {
    expect(resolveInTree(t.root, '/etc/escape', true)?.path).toBe('/usr/lib/os-release');
    expect(resolveInTree(t.root, '/etc/host', true)).toBeUndefined();
  });

  it('gives up on symlink loops', () => {
    expect(resolveInTree(t.root, '/loop1', true)).toBeUndefined();
  });
});
