// vitest globalSetup: makes sure the real test images exist (built once, then cached), and gives
// the run a layer cache of its own, so no test sees layers a build of other code indexed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default async function setup(): Promise<() => void> {
  const layerCache = mkdtempSync(path.join(os.tmpdir(), 'customs-test-layer-cache-'));
  process.env.CUSTOMS_CACHE_DIR = layerCache;
  const script = path.join(repoRoot, 'scripts', 'build-test-images.mjs');
  const r = spawnSync(process.execPath, [script], { cwd: repoRoot, stdio: 'inherit' });
  if (r.error) throw new Error(`cannot run ${script}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(
      `building the test images failed (${r.signal ?? `exit ${String(r.status)}`}); see the output above`,
    );
  }
  return () => rmSync(layerCache, { recursive: true, force: true });
}
