import type { Sbom } from '../model/sbom.js';

/** A layer diffId as compared: lower case, `sha256:` added to a bare hex digest. */
export function normaliseDiffId(digest: string): string {
  const lower = digest.trim().toLowerCase();
  return lower.includes(':') ? lower : `sha256:${lower}`;
}

/** The image's layer diffIds, bottom first and normalised; undefined when any is unknown (a dir source). */
export function sbomDiffIds(sbom: Pick<Sbom, 'source'>): string[] | undefined {
  const layers = Array.isArray(sbom.source?.layers) ? sbom.source.layers : [];
  const ids = [...layers].sort((a, b) => a.index - b.index).map((l) => l.diffId);
  return ids.length > 0 && ids.every((id): id is string => typeof id === 'string')
    ? ids.map(normaliseDiffId)
    : undefined;
}

/**
 * Whether `base` is built into `image`: its layers are the first layers of the image, in order
 * (an image is its own prefix; see isProperLayerPrefix). Both lists are normalised diffIds; an
 * empty base is no base and never matches.
 */
export function isLayerPrefix(base: readonly string[], image: readonly string[]): boolean {
  return base.length > 0 && base.length <= image.length && base.every((id, i) => image[i] === id);
}

/** Whether `image` is built on `base` and adds at least one layer of its own. */
export function isProperLayerPrefix(base: readonly string[], image: readonly string[]): boolean {
  return base.length < image.length && isLayerPrefix(base, image);
}
