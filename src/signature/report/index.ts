import { encoderRegistry, type Encoder } from '../../encoder/index.js';
import type { ImageVerification } from '../types.js';
import { jsonVerify } from './json-verify.js';
import { tableVerify } from './table-verify.js';

/** Every `customs verify -o NAME` format, in one explicit list. */
export const VERIFY_FORMATS: readonly Encoder<ImageVerification>[] = [tableVerify, jsonVerify];

export const verifyReport = encoderRegistry(VERIFY_FORMATS);
