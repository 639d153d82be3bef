import { CustomsError } from './customs-error.js';

/** A trusted-key file that cannot be read or is not a supported PEM public key. */
export class KeyFormatError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('key-format', message, options);
    this.name = 'KeyFormatError';
  }
}
