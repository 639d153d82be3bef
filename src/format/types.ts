import type { Encoder } from '../encoder/index.js';
import type { Sbom } from '../model/sbom.js';

/** An SBOM output format: one encoder of the one SBOM model. */
export type SbomFormat = Encoder<Sbom>;
