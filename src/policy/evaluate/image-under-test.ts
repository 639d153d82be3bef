import type { Sbom } from '../../model/sbom.js';
import { parseImageReference, unnamedImage, type ImageUnderTest } from '../mapping/index.js';

/**
 * The image a bundle is evaluated as: `--tag` when given; else the source's own reference when
 * it came from a registry; else the unnamed `*` / `*` : `*`. The manifest digest and config id
 * come from the SBOM either way, so digest and id selectors still apply. A `--tag` that is not
 * an image reference is a PolicyError.
 */
export function imageUnderTest(source: Sbom['source'] | undefined, tag?: string): ImageUnderTest {
  const ids: { digest?: string; imageId?: string } = {};
  if (source?.digest) ids.digest = source.digest;
  if (source?.configDigest) ids.imageId = source.configDigest;
  let image: ImageUnderTest;
  if (tag !== undefined) image = parseImageReference(tag);
  else if (source?.type === 'registry' && source.reference) image = registryImage(source.reference);
  else image = unnamedImage();
  // A reference that names a digest keeps it; the SBOM's fills in what the reference lacks.
  return { ...ids, ...image };
}

function registryImage(reference: string): ImageUnderTest {
  try {
    return parseImageReference(reference.replace(/^registry:/, ''));
  } catch {
    return unnamedImage();
  }
}
