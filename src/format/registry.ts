import { encoderRegistry } from '../encoder/index.js';
import { cyclonedxJsonFormat } from './cyclonedx-json/index.js';
import { cyclonedxXmlFormat } from './cyclonedx-xml/index.js';
import { jsonFormat } from './json/json-format.js';
import { spdxJsonFormat } from './spdx-json/index.js';
import { tableFormat } from './table/table-format.js';
import type { SbomFormat } from './types.js';

/** Every SBOM output format, by name, in one explicit list. */
export const SBOM_FORMATS: readonly SbomFormat[] = [
  jsonFormat,
  tableFormat,
  cyclonedxJsonFormat,
  cyclonedxXmlFormat,
  spdxJsonFormat,
];

/** The lookup `-o NAME` uses (shared by every kind of output). */
export const SBOM_ENCODERS = encoderRegistry(SBOM_FORMATS);

export function sbomFormat(name: string): ReturnType<typeof SBOM_ENCODERS.get> {
  return SBOM_ENCODERS.get(name);
}
