import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, publishedSchemaText } from './published.js';

const docs = new URL('../../docs/schemas/', import.meta.url);

describe('docs/schemas', () => {
  it.each(PUBLISHED_SCHEMAS.map((p) => [p.file, p] as const))(
    '%s is what the definitions produce (npm run schemas rewrites it)',
    (file, published) => {
      const committed = readFileSync(fileURLToPath(new URL(file, docs)), 'utf8');
      expect(committed).toBe(publishedSchemaText(published));
    },
  );

  it('each file names its document in its schema constant and its title', () => {
    for (const published of PUBLISHED_SCHEMAS) {
      const schema = JSON.parse(publishedSchemaText(published)) as {
        $id: string;
        title: string;
        properties: Record<string, { const?: string }>;
      };
      expect(schema.$id).toBe(published.file);
      expect(schema.title).toContain(`(${published.document})`);
      if (published.document !== 'customs-check/1')
        expect(schema.properties.schema?.const).toBe(published.document);
    }
  });
});
