/** Bytes looked at to decide whether a file is binary. */
export const BINARY_SNIFF_BYTES = 8 * 1024;
/** Text files larger than this are not searched (unless the user asks for everything). */
export const MAX_TEXT_SEARCH_BYTES = 10 * 1024 * 1024;

/** A file is binary when a NUL byte appears in its first 8 KiB. */
export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}
