/**
 * A sealed secret as one string: `sbx1.<nonce>.<ciphertext>.<tag>`, each part base64url. The
 * leading version names the algorithm (sbx1: AES-256-GCM, 12-byte random nonce, 16-byte tag), so
 * a later format can be told apart and read alongside.
 */
export const ENVELOPE_VERSION = 'sbx1';

const PATTERN = /^sbx1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;

export interface Envelope {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function formatEnvelope(e: Envelope): string {
  return [ENVELOPE_VERSION, e.nonce, e.ciphertext, e.tag]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function parseEnvelope(sealed: string): Envelope | undefined {
  const m = PATTERN.exec(sealed);
  if (!m) return undefined;
  return {
    nonce: Buffer.from(m[1] ?? '', 'base64url'),
    ciphertext: Buffer.from(m[2] ?? '', 'base64url'),
    tag: Buffer.from(m[3] ?? '', 'base64url'),
  };
}

/** True for a string the secret box sealed (whatever the key): never a plain password. */
export function isSealed(value: string): boolean {
  return PATTERN.test(value);
}
