import { UnsupportedMediaTypeError } from '../errors/index.js';

const ALGORITHMS: Record<string, number> = { sha256: 64, sha512: 128 };

/** The algorithm of an OCI digest (`sha256:…`), checked for shape; throws on anything else. */
export function digestAlgorithm(digest: string, what: string): string {
  const i = digest.indexOf(':');
  const algorithm = i > 0 ? digest.slice(0, i) : '';
  const hex = digest.slice(i + 1);
  const length = ALGORITHMS[algorithm];
  if (length === undefined || hex.length !== length || !/^[0-9a-f]+$/.test(hex)) {
    throw new UnsupportedMediaTypeError(`${what}: unsupported or malformed digest "${digest.slice(0, 80)}"`);
  }
  return algorithm;
}

/** First 12 hex digits, for messages. */
export function shortDigest(digest: string): string {
  const i = digest.indexOf(':');
  return digest.slice(0, i + 13);
}
