/** Where something was found: a path inside the image, and the layer that put it there. */
export interface Location {
  path: string;
  /** Digest of the layer (its diffId where known, else the blob digest). */
  layer?: string;
  /** 0-based index of the layer in the image. */
  layerIndex?: number;
}
