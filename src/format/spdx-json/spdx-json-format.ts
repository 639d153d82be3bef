import type { SbomFormat } from '../types.js';
import { buildSpdxDocument } from './spdx-document.js';

/** SPDX 2.3 JSON. */
export const spdxJsonFormat: SbomFormat = {
  name: 'spdx-json',
  description: 'SPDX 2.3 JSON',
  encode: (sbom) => JSON.stringify(buildSpdxDocument(sbom), null, 2) + '\n',
};
