import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { dpkgCataloger } from '../../src/cataloger/dpkg/index.js';
import { cyclonedxJsonFormat } from '../../src/format/cyclonedx-json/index.js';
import { sampleSbom } from '../../src/format/cyclonedx-json/testdata/sample-sbom.js';
import { spdxJsonFormat } from '../../src/format/spdx-json/index.js';
import type { Sbom } from '../../src/model/sbom.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { readSbomFile } from '../../src/source/sbom/index.js';
import { stanza, statusFile } from '../helpers/dpkg-fixtures.js';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SHARED = path.resolve(fileURLToPath(new URL('../../../shared/data', import.meta.url)));
const SCHEMAS = path.join(SHARED, 'schemas');
const load = (name: string): object => JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8')) as object;

function cyclonedx16(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  ajv.addSchema(load('cyclonedx-spdx.schema.json'));
  ajv.addSchema(load('cyclonedx-jsf-0.82.schema.json'));
  return ajv.compile(load('cyclonedx-bom-1.6.schema.json'));
}

function spdx23(): ValidateFunction {
  const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
  addFormats(ajv as unknown as Ajv);
  return ajv.compile(load('spdx-2.3-schema.json'));
}

/** A real SBOM from the pipeline: a two-layer OCI image with a dpkg database. */
async function imageSbom(): Promise<Sbom> {
  const dir = tempDir();
  const status = statusFile(
    stanza('libc6', '2.36-9+deb12u4', { extra: ['Source: glibc'] }),
    stanza('bash', '5.2.15-2+b2', { extra: ['Depends: libc6 (>= 2.36)'] }),
  );
  await writeOciLayout(dir, {
    layers: [
      {
        entries: [
          { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n' },
          { name: 'var/lib/dpkg/status', content: status },
        ],
      },
      { entries: [{ name: 'usr/bin/passwd', content: 'x', mode: 0o4755 }] },
    ],
    tag: 'latest',
  });
  return generateSbom(`oci-dir:${dir}`, {
    catalogers: [dpkgCataloger],
    now: new Date('2026-01-01T00:00:00Z'),
  });
}

/** The polyglot test image through every cataloger: licenses, nested jars, owned packages, secrets. */
let polyglot: Promise<Sbom> | undefined;
function polyglotSbom(): Promise<Sbom> {
  const { ociDir, tag } = getTestImages().images.polyglot;
  polyglot ??= generateSbom(`oci-dir:${ociDir}:${tag}`, { now: new Date('2026-01-01T00:00:00Z') });
  return polyglot;
}

describe.skipIf(!existsSync(SCHEMAS))('SBOM output against the official schemas in ../shared', () => {
  it.each([
    ['the sample SBOM', async () => sampleSbom()],
    ['an SBOM of a built image', imageSbom],
    ['the polyglot test image', polyglotSbom],
  ])('%s: CycloneDX 1.6 JSON is valid', async (_, make) => {
    const sbom = await make();
    expect(sbom.packages.length).toBeGreaterThan(1);
    const validate = cyclonedx16();
    const ok = validate(JSON.parse(cyclonedxJsonFormat.encode(sbom)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([
    ['the sample SBOM', async () => sampleSbom()],
    ['an SBOM of a built image', imageSbom],
    ['the polyglot test image', polyglotSbom],
  ])('%s: SPDX 2.3 JSON is valid', async (_, make) => {
    const sbom = await make();
    const validate = spdx23();
    const ok = validate(JSON.parse(spdxJsonFormat.encode(sbom)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the SPDX schema check can fail: a package without downloadLocation is refused', () => {
    const doc = JSON.parse(spdxJsonFormat.encode(sampleSbom())) as { packages: Record<string, unknown>[] };
    delete doc.packages[1]!.downloadLocation;
    expect(spdx23()(doc)).toBe(false);
  });
});

const SYFT_SBOM = path.join(SHARED, 'fixtures', 'java', 'syft', 'graalvm-sbom', 'micronaut.json');

describe.skipIf(!existsSync(SYFT_SBOM))('sbom: source on a CycloneDX document made by another tool', () => {
  it('reads every component with a purl as a package with a type from it', async () => {
    const doc = JSON.parse(readFileSync(SYFT_SBOM, 'utf8')) as { components?: { purl?: string }[] };
    const withPurl = (doc.components ?? []).filter((c) => c.purl).length;
    const sbom = await readSbomFile(SYFT_SBOM);
    expect(sbom.packages.filter((p) => p.purl).length).toBe(withPurl);
    expect(sbom.packages.some((p) => p.type === 'java')).toBe(true);
  });
});
