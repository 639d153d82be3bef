import { createHash } from 'node:crypto';
import { DigestMismatchError, SourceFormatError } from '../../errors/index.js';
import { digestAlgorithm, shortDigest } from '../../digest/digest.js';

/** JSON documents (manifests, indexes, configs) are small; anything bigger is not one. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Checks `bytes` against `digest` (sha256 or sha512); throws DigestMismatchError otherwise. */
export function verifyDigest(bytes: Buffer, digest: string, what: string): void {
  const algorithm = digestAlgorithm(digest, what);
  const actual = `${algorithm}:` + createHash(algorithm).update(bytes).digest('hex');
  if (actual !== digest) throw new DigestMismatchError(what, digest, actual);
}

/** Parses a JSON document that must be an object; names it in the error otherwise. */
export function parseJsonDocument<T>(bytes: Buffer, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new SourceFormatError(`${what} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  if (value === null || typeof value !== 'object')
    throw new SourceFormatError(`${what} is not a JSON object`);
  return value as T;
}

export function describeBlob(kind: string, digest: string): string {
  return `${kind} ${shortDigest(digest)}`;
}
