import type { Encoder } from '../../../encoder/index.js';
import type { ImageDrift } from '../../types.js';

export const jsonDiff: Encoder<ImageDrift> = {
  name: 'json',
  description: 'the customs-diff/1 document',
  encode: (drift) => `${JSON.stringify(drift, null, 2)}\n`,
};
