import type { TSchema } from '@sinclair/typebox';
import { EvaluationResultSchema } from './check-result.js';
import { SbomSchema } from './sbom.js';
import { ScanReportDocumentSchema } from './scan-report.js';
import { VerifyDocumentSchema } from './verify-result.js';

/** A result document whose JSON Schema is published in docs/schemas/. */
export interface PublishedSchema {
  /** The file under docs/schemas/. */
  file: string;
  /** The document's own `schema` value. */
  document: string;
  schema: TSchema;
}

/** The result documents: `sbom -o json`, `scan -o json`, `check -o json`, `verify -o json`. */
export const PUBLISHED_SCHEMAS: readonly PublishedSchema[] = [
  { file: 'customs-sbom-1.schema.json', document: 'customs-sbom/1', schema: SbomSchema },
  { file: 'customs-scan-1.schema.json', document: 'customs-scan/1', schema: ScanReportDocumentSchema },
  { file: 'customs-check-1.schema.json', document: 'customs-check/1', schema: EvaluationResultSchema },
  { file: 'customs-verify-1.schema.json', document: 'customs-verify/1', schema: VerifyDocumentSchema },
];

/** The text of a published schema file: draft-07 JSON Schema, two-space indented, ending in a newline. */
export function publishedSchemaText(published: PublishedSchema): string {
  const document = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    // A relative $id: it resolves against wherever the file is served from.
    $id: published.file,
    ...published.schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
