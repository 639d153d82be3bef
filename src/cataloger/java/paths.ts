import type { FileHeader } from '../types.js';

/** Extensions of the zip-based Java archives the cataloger opens (syft's list, zip/tar opt-in). */
export const JAVA_ARCHIVE_EXTENSIONS: readonly string[] = [
  '.jar',
  '.war',
  '.ear',
  '.par',
  '.sar',
  '.nar',
  '.jpi',
  '.hpi',
  '.kar',
  '.lpkg',
];

/** Archives larger than this are not inspected (an Unknown says so). */
export const MAX_JAVA_ARCHIVE_BYTES = 128 * 1024 * 1024;

/** True for a path (in the image or inside an archive) that names a Java archive. */
export function isJavaArchivePath(path: string): boolean {
  const lower = path.toLowerCase();
  const dot = lower.lastIndexOf('.');
  if (dot < 0 || dot < lower.lastIndexOf('/')) return false;
  return JAVA_ARCHIVE_EXTENSIONS.includes(lower.slice(dot));
}

/** The streaming pass hands an archive's content over when its name and size fit. */
export function wantsJavaArchive(header: FileHeader): boolean {
  return header.size <= MAX_JAVA_ARCHIVE_BYTES && isJavaArchivePath(header.path);
}

/** The last component of a path, with `/` or `:` separators. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
}
