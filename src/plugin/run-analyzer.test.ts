// Analyzer plugins add packages and warnings to the SBOM; a malformed answer is a PluginError.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySbom } from '../../test/helpers/policy-sbom.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { PluginError } from '../errors/index.js';
import { runAnalyzerPlugin } from './run-analyzer.js';

const dir = tempDir('customs-analyzer-');

function python(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/usr/bin/env python3\nimport json, sys\nrequest = json.load(sys.stdin)\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('runAnalyzerPlugin', () => {
  it('adds the packages it finds, once, and prefixes its warnings', async () => {
    const path = python(
      'vendored',
      `assert request["kind"] == "analyzer" and request["params"] == {"depth": 2}
count = len(request["sbom"]["packages"])
print(json.dumps({"packages": [
  {"name": "zlib", "version": "1.3.1", "type": "binary", "locations": ["/opt/app/libz.so"], "licenses": ["Zlib"]},
  {"name": "bash", "version": "5.2.15-2+b7", "type": "deb"}],
  "warnings": [f"saw {count} packages"]}))`,
    );
    const sbom = policySbom();
    const merged = await runAnalyzerPlugin(path, sbom, { params: { depth: 2 } });
    expect(merged.packages.map((p) => `${p.type}:${p.name}`)).toEqual([
      'deb:openssl',
      'deb:bash',
      'npm:lodash',
      'binary:zlib',
    ]);
    expect(merged.packages[3]).toEqual({
      id: 'plugin:vendored:binary:zlib@1.3.1',
      name: 'zlib',
      version: '1.3.1',
      type: 'binary',
      licenses: ['Zlib'],
      locations: [{ path: '/opt/app/libz.so' }],
      foundBy: 'plugin:vendored',
    });
    expect(merged.warnings).toEqual(['plugin vendored: saw 3 packages']);
    expect(sbom.packages).toHaveLength(3);
  });

  it('an empty answer changes nothing', async () => {
    const sbom = policySbom();
    expect(await runAnalyzerPlugin(python('nothing', 'print("{}")'), sbom)).toEqual(sbom);
  });

  it.each([
    [
      '{"packages": [{"name": "x", "version": "1", "type": "cobol"}]}',
      /packages\[0\]\.type must be one of deb, apk/,
    ],
    ['{"packages": [{"name": "x", "type": "deb"}]}', /packages\[0\]\.version must be a non-empty string/],
    ['{"packages": {}}', /packages must be a list/],
    ['{"warnings": [1]}', /warnings must be a list of strings/],
  ])('rejects %s', async (answer, message) => {
    const path = python('malformed', `print(${JSON.stringify(answer)})`);
    const error: unknown = await runAnalyzerPlugin(path, policySbom()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toMatch(/^plugin malformed: /);
    expect((error as PluginError).message).toMatch(message);
  });
});
