#!/usr/bin/env node
// Writes docs/schemas/*.schema.json from the schema definitions in src/schema (via dist/: run
// `npm run build` first; `npm run schemas` does both). src/schema/published-schemas.test.ts
// fails when the committed files differ from what the definitions produce.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { PUBLISHED_SCHEMAS, publishedSchemaText } = await import(
  path.join(root, 'dist', 'schema', 'index.js')
);
const dir = path.join(root, 'docs', 'schemas');
mkdirSync(dir, { recursive: true });
for (const published of PUBLISHED_SCHEMAS) {
  const text = publishedSchemaText(published);
  writeFileSync(path.join(dir, published.file), text);
  console.log(`${path.join('docs', 'schemas', published.file)}  ${text.length} bytes`);
}
