import type { Sbom } from '../model/sbom.js';
import type { ImageVerification, TrustedKey } from '../signature/types.js';
import { unverifiedImage } from '../signature/unverified-image.js';
import type { SourceOptions } from '../source/types.js';

/**
 * The signatures of the image an SBOM describes, verified against `keys` for the digests that
 * were analysed (its index and its manifest): a local source has none, and without keys none
 * can verify, which the `signature` gate then reports.
 */
export async function analysedImageSignatures(
  sbom: Sbom,
  keys: readonly TrustedKey[],
  options: SourceOptions,
): Promise<ImageVerification> {
  const source = sbom.source;
  const reference = source.reference.replace(/^registry:/, '');
  if (source.type !== 'registry') {
    return unverifiedImage(
      source.reference,
      `the image comes from a local ${source.type} source, which holds no registry signatures`,
      keys,
    );
  }
  if (keys.length === 0) return unverifiedImage(reference, 'no trusted keys were given', keys);
  const digests = [source.indexDigest, source.digest].filter((d): d is string => typeof d === 'string');
  const { verifyImageSignatures } = await import('../signature/verify-image.js');
  return verifyImageSignatures(reference, {
    keys,
    ...(digests.length > 0 ? { digests } : {}),
    ...(options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}),
    ...(options.dockerConfigPath ? { dockerConfigPath: options.dockerConfigPath } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
