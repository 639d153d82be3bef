import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ajv } from 'ajv';
import ajvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sarifReport } from '../../src/report/sarif/index.js';
import { sampleReport } from '../../src/report/testdata/sample-report.js';
import { SHARED_DATA } from '../helpers/shared-data.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
/** Ajv for draft-04 schemas (SARIF's): a CommonJS class, typed as the Ajv it extends. */
const Ajv04 = ajvDraft04Module as unknown as new (options: object) => Ajv;
const SARIF_SCHEMA = path.join(SHARED_DATA, 'schemas', 'sarif-schema-2.1.0.json');

describe.skipIf(!existsSync(SARIF_SCHEMA))('scan reports against the official schemas in ../shared', () => {
  const validator = () => {
    const ajv = new Ajv04({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  };

  it('SARIF 2.1.0 is valid', () => {
    const validate = validator();
    const ok = validate(JSON.parse(sarifReport.encode(sampleReport())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the SARIF check can fail: a result without a message is refused', () => {
    const doc = JSON.parse(sarifReport.encode(sampleReport())) as { runs: { results: object[] }[] };
    delete (doc.runs[0]!.results[0] as { message?: unknown }).message;
    expect(validator()(doc)).toBe(false);
  });
});
