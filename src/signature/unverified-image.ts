import { describeKey } from './trusted-keys.js';
import type { ImageVerification, TrustedKey } from './types.js';

/** The result for an image that cannot have registry signatures (a local source, no keys). */
export function unverifiedImage(
  reference: string,
  reason: string,
  keys: readonly TrustedKey[] = [],
): ImageVerification {
  return {
    reference,
    subjects: [],
    keys: keys.map(describeKey),
    signatures: [],
    attestations: [],
    verified: false,
    signers: [],
    reason,
  };
}
