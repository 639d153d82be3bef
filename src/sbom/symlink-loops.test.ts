import { describe, expect, it } from 'vitest';
import { memoryFileView } from '../../test/helpers/memory-file-view.js';
import { symlinkLoops } from './symlink-loops.js';

const wantsJson = (path: string): boolean => path.endsWith('.json');

describe('symlinkLoops', () => {
  it('reports a wanted symlink whose chain comes back to itself, with its layer', () => {
    const view = memoryFileView([
      { path: '/app/package.json', linkTarget: 'b.json', layerIndex: 1 },
      { path: '/app/b.json', linkTarget: '/app/package.json', layerIndex: 1 },
    ]);
    const found = symlinkLoops(view, (p) => p === '/app/package.json');
    expect(found).toEqual([
      expect.objectContaining({ path: '/app/package.json', layer: 'sha256:layer1', cataloger: 'resolver' }),
    ]);
    expect(found[0]!.message).toMatch(/symlink loop/);
  });

  it('a loop through a directory link is a loop too', () => {
    const view = memoryFileView([{ path: '/a/x.json', linkTarget: '../a/x.json' }]);
    expect(symlinkLoops(view, wantsJson)).toHaveLength(1);
  });

  it('says nothing of links that end at a file, dangling links, or unwanted loops', () => {
    const view = memoryFileView([
      { path: '/etc/real.json', content: '{}' },
      { path: '/etc/link.json', linkTarget: '../etc/real.json' },
      { path: '/etc/chain.json', linkTarget: 'link.json' },
      { path: '/etc/dangling.json', linkTarget: '/nowhere.json' },
      { path: '/etc/loop-a', linkTarget: 'loop-b' },
      { path: '/etc/loop-b', linkTarget: 'loop-a' },
    ]);
    expect(symlinkLoops(view, wantsJson)).toEqual([]);
  });
});
