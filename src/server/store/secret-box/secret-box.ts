import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CustomsError } from '../../../errors/index.js';
import { formatEnvelope, parseEnvelope } from './envelope.js';

/** A secret that cannot be sealed or opened, or a key that cannot be read. Never holds the secret or the key. */
export class SecretBoxError extends CustomsError {
  constructor(message: string) {
    super('credentials', message);
    this.name = 'SecretBoxError';
  }
}

/** Seals secrets (registry passwords, request credentials) for storage; opens them for use. */
export interface SecretBox {
  /** `context` (e.g. `registry:<account>:<host>`) is bound to the seal: opening needs the same. */
  seal(plaintext: string, context?: string): string;
  open(sealed: string, context?: string): string;
}

const KEY_BYTES = 32;
const NONCE_BYTES = 12;

/** AES-256-GCM with a fresh random 12-byte nonce per seal. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError(`the secret key must be ${KEY_BYTES} bytes, not ${key.length}`);
  }
  const secret = Buffer.from(key); // the caller may wipe its buffer
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, nonce);
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return formatEnvelope({ nonce, ciphertext, tag: cipher.getAuthTag() });
    },
    open(sealed, context) {
      const envelope = parseEnvelope(sealed);
      if (!envelope) throw new SecretBoxError('not a sealed secret (expected the sbx1 envelope)');
      const decipher = createDecipheriv('aes-256-gcm', secret, envelope.nonce);
      if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(envelope.tag);
      try {
        return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'cannot open a sealed secret: it was sealed with another key (check CUSTOMS_SECRET_KEY or the key file) or altered',
        );
      }
    },
  };
}
