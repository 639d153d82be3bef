import type { Encoder } from '../../encoder/index.js';
import type { ImageVerification } from '../types.js';

export const jsonVerify: Encoder<ImageVerification> = {
  name: 'json',
  description: 'the customs-verify/1 document',
  encode: (verification) => `${JSON.stringify({ schema: 'customs-verify/1', ...verification }, null, 2)}\n`,
};
