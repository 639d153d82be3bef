import { createHash } from 'node:crypto';

/** A stable id for a package within an SBOM: the first 16 hex digits of a sha256. */
export function packageId(
  type: string,
  name: string,
  version: string,
  architecture: string | undefined,
): string {
  return createHash('sha256')
    .update([type, name, version, architecture ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}
