import { createHash } from 'node:crypto';

/**
 * A `urn:uuid:` serial number derived from the document's content (name-based, version 5 bits
 * set), so the same SBOM always encodes to the same bytes.
 */
export function serialNumberOf(content: string): string {
  const hex = createHash('sha256').update(content).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
