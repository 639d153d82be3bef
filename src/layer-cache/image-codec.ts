import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { isPlainData } from './plain-data.js';

const MAGIC = Buffer.from('CUSTOMS-IMAGE/1\n');
const HASH_BYTES = 32;

/**
 * The bytes an image's analysis is stored as: a header, a SHA-256 of the payload, and the payload
 * (V8 serialization, which keeps key order, undefined fields and shared objects). Undefined when
 * some part would not come back the same (a class instance): such an analysis is not stored.
 */
export function encodeImageEntry(value: unknown): Buffer | undefined {
  if (!isPlainData(value, 64)) return undefined;
  const payload = serialize(value);
  return Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]);
}

/** The value stored in `data`; undefined for damaged or foreign bytes. */
export function decodeImageEntry(data: Buffer): unknown {
  if (data.length < MAGIC.length + HASH_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC))
    return undefined;
  const hash = data.subarray(MAGIC.length, MAGIC.length + HASH_BYTES);
  const payload = data.subarray(MAGIC.length + HASH_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(hash)) return undefined;
  try {
    return deserialize(payload) as unknown;
  } catch {
    return undefined;
  }
}
