// After `tsc`: writes dist/build-id.txt, a digest of the sources the build was made from. The layer
// cache keys on it, so a rebuilt program never reuses layers indexed by the code it replaced.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'testdata' ? [] : sources(file);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
    });
}

const hash = createHash('sha256');
for (const file of sources(path.join(root, 'src')))
  hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
hash.update(readFileSync(path.join(root, 'package.json')));
writeFileSync(path.join(root, 'dist', 'build-id.txt'), `${hash.digest('hex').slice(0, 32)}\n`);
