import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The schema folder of the CycloneDX library (a dev dependency). */
export function cyclonedxSchemaDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
}

/** A validator for the official CycloneDX 1.6 JSON schema with its spdx and jsf schemas. */
export function cyclonedx16Validator(): ValidateFunction {
  const dir = cyclonedxSchemaDir();
  const load = (name: string): object => JSON.parse(readFileSync(join(dir, name), 'utf8')) as object;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  addFormats(ajv);
  ajv.addSchema(load('spdx.SNAPSHOT.schema.json'));
  ajv.addSchema(load('jsf-0.82.SNAPSHOT.schema.json'));
  // The library's copy names its neighbours *.SNAPSHOT.schema.json; the $ids are the official ones.
  const bom = JSON.parse(
    readFileSync(join(dir, 'bom-1.6.SNAPSHOT.schema.json'), 'utf8').replace(
      /\.SNAPSHOT\.schema\.json/g,
      '.schema.json',
    ),
  ) as object;
  return ajv.compile(bom);
}
