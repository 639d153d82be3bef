import type { Sbom } from '../model/sbom.js';

/** An SBOM output format: one encoder of the one SBOM model. */
export interface SbomFormat {
  readonly name: string;
  readonly description: string;
  encode(sbom: Sbom): string;
}
