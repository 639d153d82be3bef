import type { FileType } from '../model/file-type.js';

export type { FileType } from '../model/file-type.js';

/**
 * One entry of a layer as it streams past. `path` is normalised: absolute, no `.`/`..`
 * segments, no trailing slash ('/' is the root). Whiteout entries keep their `.wh.` names here;
 * the file tree interprets them.
 */
export interface LayerEntry {
  path: string;
  type: FileType;
  /** Permission and special bits (e.g. 0o4755), without the file-type bits. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Symlink target as written, or the normalised path a hard link points at. */
  linkTarget?: string;
  mtime?: Date;
  /**
   * Reads up to `limit` bytes of a regular file's content. Only valid while this entry is the
   * current one of the iteration; call it at most once.
   */
  read(limit: number): Promise<Buffer>;
  /**
   * The whole content as it streams, in chunks (sources that stream: tar layers). Same rules as
   * `read`, which it replaces; the caller reads it to the end.
   */
  chunks?(): AsyncIterable<Buffer>;
}
