// The model is the ground floor: its files import only each other and Node's own modules, so
// every other part (sources, catalogers, feeds, matcher, reports, the service) can build on it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('src/model', () => {
  it.each(files)('%s imports nothing else of the project', (file) => {
    const source = readFileSync(join(here, file), 'utf8');
    const specifiers = [...source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('./') && !s.startsWith('node:'))).toEqual([]);
    expect(specifiers.filter((s) => s.startsWith('./') && s.includes('/..'))).toEqual([]);
  });
});
