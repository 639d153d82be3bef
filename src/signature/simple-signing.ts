/** The `type` of a cosign simple-signing payload. */
export const SIMPLE_SIGNING_TYPE = 'cosign container image signature';

export interface SimpleSigningPayload {
  /** `critical.identity.docker-reference`. */
  identity?: string;
  /** `critical.image.docker-manifest-digest`. */
  digest: string;
  type: string;
  /** `optional`, as the signer wrote it. */
  optional?: Record<string, unknown>;
}

const object = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * Reads a simple-signing payload (`{"critical":{"identity":…,"image":…,"type":…},"optional":…}`);
 * a string saying what is wrong when it is not one.
 */
export function parseSimpleSigning(bytes: Buffer): SimpleSigningPayload | string {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'the payload is not JSON';
  }
  const critical = object(object(json)?.['critical']);
  if (!critical) return 'the payload has no "critical" section';
  const digest = object(critical['image'])?.['docker-manifest-digest'];
  if (typeof digest !== 'string') return 'the payload names no docker-manifest-digest';
  const type = critical['type'];
  if (typeof type !== 'string') return 'the payload has no type';
  const identity = object(critical['identity'])?.['docker-reference'];
  const optional = object(object(json)?.['optional']);
  return {
    digest,
    type,
    ...(typeof identity === 'string' ? { identity } : {}),
    ...(optional ? { optional } : {}),
  };
}
