// SBOM files a user hands to `customs scan sbom:FILE`: CycloneDX JSON and XML, SPDX JSON and
// Customs' own JSON, seeded with the project's own encodings of its sample SBOM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleSbom } from '../../../src/format/cyclonedx-json/testdata/sample-sbom.js';
import { sbomFormat } from '../../../src/format/registry.js';
import { readSbomFile } from '../../../src/source/sbom/index.js';
import type { FuzzSeed, FuzzTarget } from '../harness.js';

let dir: string | undefined;

export const sbomInputTarget: FuzzTarget = {
  name: 'sbom-input',
  seeds(): FuzzSeed[] {
    const sbom = sampleSbom();
    return ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'json'].map((format) => ({
      input: Buffer.from(sbomFormat(format).encode(sbom)),
      path: format,
    }));
  },
  async run(input: Buffer): Promise<void> {
    dir ??= mkdtempSync(join(tmpdir(), 'customs-fuzz-sbom-'));
    const file = join(dir, 'input');
    writeFileSync(file, input);
    await readSbomFile(file);
  },
};

/** Removes the scratch directory of this process's runs. */
export function cleanSbomInput(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}
