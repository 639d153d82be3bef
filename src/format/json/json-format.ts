import type { SbomFormat } from '../types.js';

/** Customs' native JSON: the SBOM model as it is. Fields are only ever added. */
export const jsonFormat: SbomFormat = {
  name: 'json',
  description: 'Customs native JSON (schema customs-sbom/1)',
  encode: (sbom) => JSON.stringify(sbom, null, 2) + '\n',
};
