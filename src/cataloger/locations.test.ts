import { describe, expect, it } from 'vitest';
import { sortedUniqueLocations } from './locations.js';

describe('sortedUniqueLocations', () => {
  it('orders by layer then path and keeps each (layer, path) once', () => {
    const got = sortedUniqueLocations([
      { path: '/b', layerIndex: 1 },
      { path: '/a', layerIndex: 1 },
      { path: '/b', layerIndex: 0 },
      { path: '/a', layerIndex: 1, layer: 'sha256:second-copy' },
      { path: '/b', layerIndex: 1 },
    ]);
    expect(got.map((l) => `${l.layerIndex}${l.path}`)).toEqual(['0/b', '1/a', '1/b']);
    expect(got[1]!.layer).toBeUndefined();
  });

  it('tells a location without a layer index from one in layer 0, and copies a single one', () => {
    const one = [{ path: '/x', layerIndex: 0 }];
    const copy = sortedUniqueLocations(one);
    expect(copy).toEqual(one);
    expect(copy).not.toBe(one);
    const got = sortedUniqueLocations([
      { path: '/x', layerIndex: 0 },
      { path: '/x' },
      { path: '/x', layerIndex: 0 },
    ]);
    expect(got).toHaveLength(2);
  });
});
