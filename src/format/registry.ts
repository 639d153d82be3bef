import { UsageError } from '../errors/index.js';
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

export function sbomFormat(name: string): SbomFormat {
  const format = SBOM_FORMATS.find((f) => f.name === name);
  if (!format) {
    throw new UsageError(
      `unknown output format "${name}" (choose from ${SBOM_FORMATS.map((f) => f.name).join(', ')})`,
    );
  }
  return format;
}
