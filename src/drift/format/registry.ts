import { encoderRegistry, type Encoder } from '../../encoder/index.js';
import type { ImageDrift } from '../types.js';
import { jsonDiff } from './json/json-diff.js';
import { tableDiff } from './table/table-diff.js';

/** Every `customs diff -o NAME` format, in one explicit list. */
export const DIFF_FORMATS: readonly Encoder<ImageDrift>[] = [tableDiff, jsonDiff];

export const DIFF_ENCODERS = encoderRegistry(DIFF_FORMATS);
