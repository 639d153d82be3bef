import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the built web UI is: dist/web beside the built server (dist/server/web → dist/web), or,
 * when the server runs from its TypeScript sources (tests), the project's dist/web. Undefined
 * when the UI has not been built.
 */
export function webAssetsDir(): string | undefined {
  const candidates = [
    fileURLToPath(new URL('../../web/', import.meta.url)),
    fileURLToPath(new URL('../../../dist/web/', import.meta.url)),
  ];
  return candidates.find((dir) => existsSync(`${dir}index.html`));
}
