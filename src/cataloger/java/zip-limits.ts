/** Bounds on what reading one top-level archive (and everything nested in it) may cost. */
export interface ZipLimits {
  /** Uncompressed bytes read from all entries of the archive and its nested archives. */
  maxTotalBytes: number;
  /** Uncompressed bytes of one metadata entry (MANIFEST.MF, pom.properties, pom.xml). */
  maxMetadataBytes: number;
  /** Uncompressed bytes of one nested archive. */
  maxNestedArchiveBytes: number;
  /** Archives inside archives: the top-level archive is depth 0. */
  maxDepth: number;
  /** Entries of one archive's central directory that are looked at. */
  maxEntries: number;
  /** Nested archives opened in all, over the whole tree. */
  maxNestedArchives: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 512 * 1024 * 1024,
  maxMetadataBytes: 1024 * 1024,
  maxNestedArchiveBytes: 128 * 1024 * 1024,
  maxDepth: 8,
  maxEntries: 200_000,
  maxNestedArchives: 10_000,
};

/** What is left to spend while reading one archive tree. */
export class ZipBudget {
  bytesLeft: number;
  archivesLeft: number;

  constructor(readonly limits: ZipLimits) {
    this.bytesLeft = limits.maxTotalBytes;
    this.archivesLeft = limits.maxNestedArchives;
  }
}
