import { createHash } from 'node:crypto';

/**
 * A stable id for a package within an SBOM: the first 16 hex digits of a sha256 over its type,
 * name, version and a discriminator (architecture, or the path it was found at for language
 * packages that may be installed more than once).
 */
export function packageId(type: string, name: string, version: string, discriminator = ''): string {
  return createHash('sha256')
    .update([type, name, version, discriminator].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}
