import { describe, expect, it } from 'vitest';
import { progressText } from './terminal-progress.js';

describe('progressText', () => {
  it('names every layer being read while reads overlap, and one layer when one is read', () => {
    const text = progressText();
    const lines = [
      text({ kind: 'source-opened', reference: 'oci-dir:x', layers: 3, totalBytes: 2048 }),
      text({ kind: 'layer-start', index: 0, total: 3, digest: 'sha256:a', size: 1024 }),
      text({ kind: 'layer-start', index: 1, total: 3, digest: 'sha256:b', size: 1024 }),
      text({ kind: 'layer-progress', index: 1, total: 3, entries: 1024 }),
      text({ kind: 'layer-progress', index: 0, total: 3, entries: 2048 }),
      text({ kind: 'layer-done', index: 1, total: 3, entries: 1500, storedBytes: 1, tarBytes: 1 }),
      text({ kind: 'layer-start', index: 2, total: 3, digest: 'sha256:c', size: 10 }),
      text({ kind: 'layer-done', index: 0, total: 3, entries: 3000, storedBytes: 1, tarBytes: 1 }),
      text({ kind: 'layer-progress', index: 2, total: 3, entries: 1024 }),
      text({ kind: 'layer-done', index: 2, total: 3, entries: 1100, storedBytes: 1, tarBytes: 1 }),
      text({ kind: 'cataloging', cataloger: 'dpkg' }),
    ];
    expect(lines).toEqual([
      'oci-dir:x: 3 layer(s), 2.0 KiB',
      'reading layer 1/3 (1.0 KiB)',
      'reading layers 1, 2/3: 0 files',
      'reading layers 1, 2/3: 1,024 files',
      'reading layers 1, 2/3: 3,072 files',
      'reading layer 1/3: 2,048 files',
      'reading layers 1, 3/3: 2,048 files',
      'reading layer 3/3: 0 files',
      'reading layer 3/3: 1,024 files',
      'read layer 3/3: 1,100 files',
      'cataloging: dpkg',
    ]);
  });
});
