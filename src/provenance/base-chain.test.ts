import { describe, expect, it } from 'vitest';
import { baseChain, derivedImages } from './base-chain.js';
import { isLayerPrefix, isProperLayerPrefix, normaliseDiffId, sbomDiffIds } from './layer-prefix.js';
import type { KnownImage } from './types.js';

const layer = (n: number): string => `sha256:${String(n).padStart(64, '0')}`;
const image = (digest: string, ...layers: number[]): KnownImage => ({
  digest: `sha256:${digest.padStart(64, '0')}`,
  diffIds: layers.map(layer),
});
const digests = (images: readonly KnownImage[]): string[] =>
  images.map((i) => i.digest.replace(/^sha256:0*/, ''));

// debian (1 layer) ← runtime (+2) ← app (+1); `tool` shares debian only; `other` shares nothing.
const debian = image('d1', 1);
const runtime = image('a2', 1, 2, 3);
const app = image('c3', 1, 2, 3, 4);
const tool = image('e4', 1, 9);
const other = image('f5', 7, 8);
const KNOWN = [app, tool, other, runtime, debian];

describe('baseChain', () => {
  it('orders a chain of three images from the outermost base to the nearest, with their layer counts', () => {
    const chain = baseChain(app.diffIds, KNOWN, app.digest);
    expect(chain.bases.map((b) => [b.layerCount, b.addedLayers, digests(b.images)])).toEqual([
      [1, 1, ['d1']],
      [3, 2, ['a2']],
    ]);
    expect(chain.ownLayers).toEqual({ firstIndex: 3, diffIds: [layer(4)] });
    expect(chain.sameLayers).toEqual([]);
  });

  it('finds the base of a middle image and none of the images built on it', () => {
    const chain = baseChain(runtime.diffIds, KNOWN, runtime.digest);
    expect(chain.bases.map((b) => digests(b.images))).toEqual([['d1']]);
    expect(chain.ownLayers).toEqual({ firstIndex: 1, diffIds: [layer(2), layer(3)] });
  });

  it('puts images with the same layers (one base under several manifests) on one level, ordered by digest', () => {
    const twins = [image('b9', 1, 2, 3), image('07', 1, 2, 3)];
    const forward = baseChain(app.diffIds, [...KNOWN, ...twins], app.digest);
    const backward = baseChain(app.diffIds, [...twins, ...KNOWN].reverse(), app.digest);
    expect(forward).toEqual(backward);
    expect(forward.bases.map((b) => digests(b.images))).toEqual([['d1'], ['7', 'a2', 'b9']]);
    expect(forward.bases[1]).toMatchObject({ layerCount: 3, addedLayers: 2 });
  });

  it('gives an image without a known base all its layers as its own', () => {
    const chain = baseChain(other.diffIds, KNOWN, other.digest);
    expect(chain).toEqual({
      bases: [],
      ownLayers: { firstIndex: 0, diffIds: [layer(7), layer(8)] },
      sameLayers: [],
    });
  });

  it('does not count an identical image as a base but names it, and skips the image itself', () => {
    const twin = image('99', 1, 2, 3, 4);
    const chain = baseChain(app.diffIds, [...KNOWN, twin], app.digest);
    expect(digests(chain.sameLayers)).toEqual(['99']);
    expect(chain.bases).toHaveLength(2);
    expect(chain.ownLayers.firstIndex).toBe(3);
    // Without `self` the image is its own twin.
    expect(digests(baseChain(app.diffIds, [app], undefined).sameLayers)).toEqual(['c3']);
  });

  it('finds nothing for an image whose layers are unknown', () => {
    expect(baseChain([], KNOWN)).toEqual({
      bases: [],
      ownLayers: { firstIndex: 0, diffIds: [] },
      sameLayers: [],
    });
  });
});

describe('derivedImages', () => {
  it('lists the images built on the base, fewest layers first, marking those with nothing in between', () => {
    const derived = derivedImages(debian.diffIds, KNOWN);
    expect(derived.map((d) => [digests([d.image])[0], d.addedLayers, d.direct])).toEqual([
      ['e4', 1, true],
      ['a2', 2, true],
      ['c3', 3, false],
    ]);
    expect(derivedImages(app.diffIds, KNOWN)).toEqual([]);
    expect(derivedImages([], KNOWN)).toEqual([]);
  });

  it('leaves out identical images and keeps every twin of an intermediate base', () => {
    const twin = image('07', 1, 2, 3);
    const derived = derivedImages(runtime.diffIds, [...KNOWN, twin]);
    expect(derived.map((d) => digests([d.image])[0])).toEqual(['c3']);
    const fromDebian = derivedImages(debian.diffIds, [...KNOWN, twin, image('d0', 1)]);
    expect(fromDebian.map((d) => [digests([d.image])[0], d.direct])).toEqual([
      ['e4', true],
      ['7', true],
      ['a2', true],
      ['c3', false],
    ]);
  });
});

describe('layer prefixes', () => {
  it('compares whole diffIds in order, an image being its own prefix but not a proper one', () => {
    expect(isLayerPrefix([layer(1)], [layer(1), layer(2)])).toBe(true);
    expect(isLayerPrefix([layer(2)], [layer(1), layer(2)])).toBe(false);
    expect(isLayerPrefix([layer(1), layer(2)], [layer(1), layer(2)])).toBe(true);
    expect(isProperLayerPrefix([layer(1), layer(2)], [layer(1), layer(2)])).toBe(false);
    expect(isLayerPrefix([], [layer(1)])).toBe(false);
    expect(isLayerPrefix([layer(1), layer(2)], [layer(1)])).toBe(false);
  });

  it('normalises diffIds and reads them from an SBOM bottom first, undefined when one is missing', () => {
    expect(normaliseDiffId(' ABC ')).toBe('sha256:abc');
    const source = (layers: { index: number; diffId?: string }[]) => ({
      source: {
        type: 'oci-dir' as const,
        reference: 'x',
        layers: layers.map((l) => ({ ...l, digest: 'sha256:x', mediaType: 'm', size: 1 })),
      },
    });
    expect(
      sbomDiffIds(
        source([
          { index: 1, diffId: 'SHA256:BB' },
          { index: 0, diffId: 'aa' },
        ]),
      ),
    ).toEqual(['sha256:aa', 'sha256:bb']);
    expect(sbomDiffIds(source([{ index: 0, diffId: 'aa' }, { index: 1 }]))).toBeUndefined();
    expect(sbomDiffIds(source([]))).toBeUndefined();
  });
});
