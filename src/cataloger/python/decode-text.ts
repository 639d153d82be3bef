/** Text of a Python file: UTF-8 (BOM dropped), or UTF-16 when a byte-order mark says so. */
export function decodePythonText(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  if (content[0] === 0xfe && content[1] === 0xff) {
    const swapped = Buffer.from(content.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return content.toString('utf8').replace(/^\uFEFF/, '');
}
