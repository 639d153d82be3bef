import type { ImageSelector, Mapping, PolicyBundle } from '../types.js';
import { globMatch } from './glob.js';
import type { ImageUnderTest } from './image-ref.js';

/**
 * Whether a selector (mapping, allowed or denied image) applies to an image: registry and
 * repository patterns must match; then a `tag` selector matches the tag pattern, a `digest`
 * selector the manifest digest exactly, an `id` selector the image id exactly (a leading
 * `sha256:` optional on either side). Digest and id selectors work for every image, not only
 * those whose tag happens to match a tag rule first.
 */
export function matchImage(selector: ImageSelector, image: ImageUnderTest): boolean {
  if (!globMatch(selector.registry, image.registry)) return false;
  if (!globMatch(selector.repository, image.repository)) return false;
  const { type, value } = selector.image;
  switch (type) {
    case 'tag':
      return globMatch(value, image.tag);
    case 'digest':
      return image.digest !== undefined && value === image.digest;
    case 'id':
      return image.imageId !== undefined && bareId(value) === bareId(image.imageId);
    default:
      return false;
  }
}

function bareId(id: string): string {
  return id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
}

/** The mapping that applies: the first, in bundle order, whose selector matches. */
export function firstMapping(bundle: PolicyBundle, image: ImageUnderTest): Mapping | undefined {
  return bundle.mappings.find((mapping) => matchImage(mapping, image));
}

/** The first denied-image (blacklisted_images) entry that matches; it makes the result STOP. */
export function deniedImageMatch(bundle: PolicyBundle, image: ImageUnderTest): ImageSelector | undefined {
  return bundle.deniedImages.find((selector) => matchImage(selector, image));
}

/** The first allowed-image (whitelisted_images) entry that matches; it makes the result GO unless denied. */
export function allowedImageMatch(bundle: PolicyBundle, image: ImageUnderTest): ImageSelector | undefined {
  return bundle.allowedImages.find((selector) => matchImage(selector, image));
}
