import type { ImageView } from '../../api/types.js';

/** The images whose digest or any tag holds the text (any case); all of them for none. */
export function filterImages(images: readonly ImageView[], text: string): readonly ImageView[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return images;
  return images.filter(
    (i) =>
      i.imageDigest.includes(needle) || i.image_detail.some((t) => t.fulltag.toLowerCase().includes(needle)),
  );
}
