import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Compares `actual` with the golden file at `url`; `UPDATE_GOLDEN=1` rewrites the file instead
 * (then review the diff and commit it).
 */
export function expectGolden(url: URL, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(url)) {
    if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI)
      throw new Error(`golden file missing: ${url.pathname}`);
    writeFileSync(url, actual);
    return;
  }
  expect(actual).toBe(readFileSync(url, 'utf8'));
}
