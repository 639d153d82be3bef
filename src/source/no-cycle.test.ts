// Sources produce layer entries and the resolver consumes them: src/source never imports the
// resolver (the path and digest helpers both use sit below them, in src/image-path and src/digest).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('src/source', () => {
  it('imports nothing of src/resolver', () => {
    const offenders = sources(root).filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].some((m) =>
        /(^|\/)resolver\//.test(m[1]!),
      ),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
