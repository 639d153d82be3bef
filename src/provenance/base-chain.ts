import { isProperLayerPrefix } from './layer-prefix.js';
import type { BaseChain, BaseLevel, DerivedImage, KnownImage } from './types.js';

const byDigest = (a: KnownImage, b: KnownImage): number =>
  a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0;

/** A key naming a whole layer list (diffIds never hold a space). */
const layersKey = (diffIds: readonly string[]): string => diffIds.join(' ');

/**
 * The chain of bases of an image with these layers (diffIds, bottom first, normalised): every
 * known image whose layers are a proper prefix of the image's, grouped by layer count, from the
 * outermost base to the nearest. `self` (the image's own digest) is never its own base or twin.
 * Linear in the known images' layers.
 */
export function baseChain<T extends KnownImage>(
  diffIds: readonly string[],
  known: Iterable<T>,
  self?: string,
): BaseChain<T> {
  const levels = new Map<number, T[]>();
  const sameLayers: T[] = [];
  for (const candidate of known) {
    if (candidate.digest === self) continue;
    if (candidate.diffIds.length === diffIds.length) {
      if (diffIds.length > 0 && layersKey(candidate.diffIds) === layersKey(diffIds))
        sameLayers.push(candidate);
      continue;
    }
    if (!isProperLayerPrefix(candidate.diffIds, diffIds)) continue;
    const level = levels.get(candidate.diffIds.length);
    if (level) level.push(candidate);
    else levels.set(candidate.diffIds.length, [candidate]);
  }
  const bases: BaseLevel<T>[] = [];
  let below = 0;
  for (const layerCount of [...levels.keys()].sort((a, b) => a - b)) {
    bases.push({
      layerCount,
      addedLayers: layerCount - below,
      images: levels.get(layerCount)!.sort(byDigest),
    });
    below = layerCount;
  }
  return {
    bases,
    ownLayers: { firstIndex: below, diffIds: diffIds.slice(below) },
    sameLayers: sameLayers.sort(byDigest),
  };
}

/**
 * The known images built on an image with these layers (its layers a proper prefix of theirs),
 * fewest layers first, then by digest; `direct` when no other known image lies between the two.
 */
export function derivedImages<T extends KnownImage>(
  diffIds: readonly string[],
  known: Iterable<T>,
): DerivedImage<T>[] {
  if (diffIds.length === 0) return [];
  const derived = [...known].filter((candidate) => isProperLayerPrefix(diffIds, candidate.diffIds));
  const between = new Set(derived.map((d) => layersKey(d.diffIds)));
  return derived
    .sort((a, b) => a.diffIds.length - b.diffIds.length || byDigest(a, b))
    .map((image) => {
      let direct = true;
      for (let n = diffIds.length + 1; direct && n < image.diffIds.length; n++)
        if (between.has(layersKey(image.diffIds.slice(0, n)))) direct = false;
      return { image, addedLayers: image.diffIds.length - diffIds.length, direct };
    });
}
