import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { createSecretsCataloger } from '../../src/cataloger/secrets/index.js';
import type { SecretFinding } from '../../src/model/secret.js';
import type { FileRecord } from '../../src/resolver/file-view.js';
import { SHARED_FIXTURES, listFiles } from '../helpers/shared-data.js';

const FIXTURES = SHARED_FIXTURES;

const walk = listFiles;

/**
 * Every fixture file goes through the secret rules (with scanAll: no path is skipped), as a
 * file of an image would: no crash, bounded time, every finding redacted.
 */
describe.skipIf(!existsSync(FIXTURES))('secret rules over every shared fixture', () => {
  it('scans all fixture files without error in bounded time', async () => {
    const cataloger = createSecretsCataloger({ secrets: { scanAll: true } });
    const files = walk(FIXTURES);
    expect(files.length).toBeGreaterThan(0);
    const findings: SecretFinding[] = [];
    let bytes = 0;
    const start = performance.now();
    for (const file of files) {
      const content = readFileSync(file);
      bytes += content.length;
      const imagePath = '/' + path.relative(FIXTURES, file);
      const record: FileRecord = {
        path: imagePath,
        type: 'file',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: content.length,
        layerIndex: 0,
        layerDigest: 'sha256:fixtures',
      };
      if (!cataloger.wantsInspect?.({ path: imagePath, size: content.length, mode: 0o644 })) continue;
      const result = await cataloger.inspect?.(record, content);
      if (Array.isArray(result)) findings.push(...(result as SecretFinding[]));
    }
    const seconds = (performance.now() - start) / 1000;
    expect(seconds).toBeLessThan(30);
    for (const f of findings) {
      expect(f.match.length).toBeLessThanOrEqual(160);
      expect(f.line).toBeGreaterThan(0);
    }
    const byRule: Record<string, number> = {};
    for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    process.stdout.write(
      `secrets acceptance: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s, ${findings.length} findings ${JSON.stringify(byRule)}\n`,
    );
  });
});
