import type { FileType } from '../source/layer-entry.js';
import type { Scope } from '../model/sbom.js';

/** A file of the image, as one layer left it. */
export interface FileRecord {
  /** Normalised absolute path inside the image. */
  path: string;
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkTarget?: string;
  layerIndex: number;
  /** The layer's diffId where known, else its blob digest. */
  layerDigest: string;
}

/** Read-only access to the files of an image in one scope. */
export interface FileView {
  readonly scope: Scope;
  /**
   * Every record whose path satisfies `pred`, in path order. In the squashed view one record per
   * visible path; in the all-layers view every layer's version of every path, whiteouts or not.
   */
  find(pred: (path: string) => boolean): FileRecord[];
  /**
   * The visible record at `path` in the squashed image, following symlinks in the parent
   * directories and (when `follow`) in the last component, always inside the image.
   */
  lookup(path: string, options?: { follow?: boolean }): FileRecord | undefined;
  /**
   * The content captured while the layers streamed by, for a record of a path some cataloger
   * wanted; `undefined` when it was not captured (not wanted, or not a regular file).
   */
  content(record: FileRecord): Buffer | undefined;
  /** Why content is missing though wanted, e.g. "larger than the 64 MiB capture limit". */
  contentProblem(record: FileRecord): string | undefined;
}
