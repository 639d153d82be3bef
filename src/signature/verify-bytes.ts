import { verify } from 'node:crypto';
import type { TrustedKey } from './types.js';

/** Base64 (standard or URL-safe, padded or not) to bytes; undefined when it is not base64. */
export function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/**
 * Whether `signature` is `key`'s over `data`: ECDSA and RSA (PKCS#1 v1.5) over SHA-256, as
 * cosign signs, and Ed25519 over the bytes themselves. An ECDSA signature may be DER (cosign)
 * or the raw r||s form. Never throws: a malformed signature does not verify.
 */
export function verifiesWith(key: TrustedKey, data: Buffer, signature: Buffer): boolean {
  try {
    if (key.algorithm === 'ed25519') return verify(null, data, key.key, signature);
    if (verify('sha256', data, key.key, signature)) return true;
    if (key.algorithm.startsWith('ecdsa-')) {
      return verify('sha256', data, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature);
    }
    return false;
  } catch {
    return false;
  }
}

/** The first trusted key whose signature `signature` is, over `data`. */
export function keyThatVerifies(
  keys: readonly TrustedKey[],
  data: Buffer,
  signature: Buffer,
): TrustedKey | undefined {
  return keys.find((key) => verifiesWith(key, data, signature));
}
