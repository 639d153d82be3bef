import type { FileHeader } from '../types.js';

/** Binaries larger than this are not read for build info or classification. */
export const MAX_BINARY_BYTES = 128 * 1024 * 1024;

const LIBRARY_NAME = /\.(so(\.[0-9.]+)?|dll|exe|dylib)$/i;

/**
 * A regular file that may be an executable or a shared library: some execute bit set, or a
 * library/executable file name; between 64 bytes and 128 MiB. Content decides the rest.
 */
export function isBinaryCandidate(header: FileHeader): boolean {
  if (header.size < 64 || header.size > MAX_BINARY_BYTES) return false;
  return (header.mode & 0o111) !== 0 || LIBRARY_NAME.test(header.path);
}
