import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An API key as a client sends it: `cus_<keyId>_<secret>`. */
export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

const KEY_PATTERN = /^cus_([A-Za-z0-9]{8,64})_([A-Za-z0-9_-]{16,128})$/;

/** A new key: a random id (what the store indexes) and 32 random bytes of secret. */
export function newApiKey(): { key: string; keyId: string; secretHash: string } {
  const keyId = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `cus_${keyId}_${secret}`, keyId, secretHash: hashSecret(secret) };
}

/** The parts of a well-formed key, or undefined. */
export function parseApiKey(text: string): ParsedApiKey | undefined {
  // The secret is base64url and may itself hold '_': the id is everything up to the second '_'.
  const match = KEY_PATTERN.exec(text.trim());
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

/** SHA-256 of the secret, hex: the secret has 256 bits, so no slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
