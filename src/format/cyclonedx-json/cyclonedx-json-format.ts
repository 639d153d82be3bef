import type { SbomFormat } from '../types.js';
import { buildCycloneDxBom } from './build-bom.js';

/** CycloneDX 1.6 JSON. */
export const cyclonedxJsonFormat: SbomFormat = {
  name: 'cyclonedx-json',
  description: 'CycloneDX 1.6 JSON',
  encode: (sbom) => JSON.stringify(buildCycloneDxBom(sbom), null, 2) + '\n',
};
