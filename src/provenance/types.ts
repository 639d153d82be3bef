/** An image whose layers are known: its manifest digest and its layer diffIds, bottom first (normalised). */
export interface KnownImage {
  digest: string;
  diffIds: readonly string[];
}

/**
 * One base in an image's chain: every known image with exactly these first layers. Several
 * images share a level when they have the same layers under different manifests (the same base
 * pushed twice, a manifest list's copies, a rebuilt config); they come ordered by digest.
 */
export interface BaseLevel<T extends KnownImage> {
  /** How many layers the base has (the first layerCount layers of the image). */
  layerCount: number;
  /** How many of them it adds on top of the base before it in the chain (all for the outermost). */
  addedLayers: number;
  images: T[];
}

export interface BaseChain<T extends KnownImage> {
  /** From the outermost base (fewest layers) to the nearest one. Empty: no known base. */
  bases: BaseLevel<T>[];
  /** The image's own layers: those above its nearest base (all of them without a base). */
  ownLayers: { firstIndex: number; diffIds: string[] };
  /** Other known images with exactly the image's layers (not its bases), ordered by digest. */
  sameLayers: T[];
}

/** An image built on the subject: its layers start with all the subject's layers. */
export interface DerivedImage<T extends KnownImage> {
  image: T;
  /** Layers it has above the subject's. */
  addedLayers: number;
  /** True when the subject is its nearest known base (no other known image lies between them). */
  direct: boolean;
}
