import { createHash } from 'node:crypto';

/**
 * A stable id for a package within an SBOM: the first 16 hex digits of a sha256 over its type,
 * name, version and a discriminator (architecture, or the path it was found at for language
 * packages that may be installed more than once). Built as its own 16-character string, not a
 * slice that would keep the whole 64-digit digest alive for as long as the SBOM lives.
 */
export function packageId(type: string, name: string, version: string, discriminator = ''): string {
  return createHash('sha256')
    .update([type, name, version, discriminator].join('\u0000'))
    .digest()
    .toString('hex', 0, 8);
}
