import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import { SourceFormatError, SourceNotFoundError } from '../../errors/index.js';
import { cyclonedxJsonFormat } from '../../format/cyclonedx-json/index.js';
import { sampleSbom } from '../../format/cyclonedx-json/testdata/sample-sbom.js';
import { cyclonedxXmlFormat } from '../../format/cyclonedx-xml/index.js';
import { jsonFormat } from '../../format/json/json-format.js';
import { spdxJsonFormat } from '../../format/spdx-json/index.js';
import type { SbomFormat } from '../../format/types.js';
import type { Package } from '../../model/package.js';
import type { Sbom } from '../../model/sbom.js';
import { readSbomFile } from './read-sbom-file.js';

const dir = tempDir();
let n = 0;
const write = (text: string, ext = 'json'): string => {
  const path = join(dir, `sbom-${n++}.${ext}`);
  writeFileSync(path, text);
  return path;
};

const essentials = (packages: Package[]) =>
  packages.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    type: p.type,
    purl: p.purl,
    licenses: p.licenses?.length ? p.licenses : undefined,
    locations: p.locations,
    ownedBy: p.ownedBy,
  }));

/** The sample with licenses every format can carry unchanged (CycloneDX merges mixed lists). */
function roundTrippable(): Sbom {
  const sbom = sampleSbom();
  sbom.packages.find((p) => p.name === 'libc6')!.licenses = ['LGPL-2.1+', 'GPL-2+ with "odd" <chars> & such'];
  sbom.packages.find((p) => p.name === 'app')!.licenses = ['Proprietary license'];
  return sbom;
}

describe('readSbomFile round trips', () => {
  it.each<[string, SbomFormat, string]>([
    ['cyclonedx-json', cyclonedxJsonFormat, 'json'],
    ['cyclonedx-xml', cyclonedxXmlFormat, 'xml'],
    ['spdx-json', spdxJsonFormat, 'json'],
    ['json', jsonFormat, 'json'],
  ])(
    '%s: encode → read back gives the same packages, relationships, distro and source',
    async (_, format, ext) => {
      const sbom = roundTrippable();
      const back = await readSbomFile(write(format.encode(sbom), ext));
      expect(essentials(back.packages)).toEqual(essentials(sbom.packages));
      const key = (r: { from: string; to: string; type: string }): string => `${r.type} ${r.from} ${r.to}`;
      const known = new Set(sbom.packages.map((p) => p.id));
      const expected = sbom.relationships
        .filter((r) => known.has(r.from))
        .map(key)
        .sort();
      expect(
        back.relationships
          .filter((r) => known.has(r.from))
          .map(key)
          .sort(),
      ).toEqual(expected);
      expect(expected.length).toBeGreaterThan(2);
      expect(back.distro).toMatchObject({ id: 'debian', versionId: '12', versionCodename: 'bookworm' });
      expect(back.source).toMatchObject({
        type: 'oci-dir',
        reference: '/images/app:1.0',
        digest: sbom.source.digest,
        layers: sbom.source.layers,
      });
    },
  );
});

describe('readSbomFile on foreign documents', () => {
  it('reads a minimal CycloneDX 1.4 JSON document: types from purls, distro from the qualifier', async () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.4',
      version: 1,
      components: [
        {
          type: 'library',
          name: 'lodash',
          version: '4.17.21',
          purl: 'pkg:npm/lodash@4.17.21',
          licenses: [{ license: { id: 'MIT' } }],
        },
        {
          type: 'library',
          name: 'zlib',
          version: '1.3-r2',
          purl: 'pkg:apk/alpine/zlib@1.3-r2?distro=alpine-3.19.1',
        },
        { type: 'library', name: 'serde', version: '1.0.0', purl: 'pkg:cargo/serde@1.0.0' },
        { type: 'library', name: 'mystery', version: '1', purl: 'not a purl' },
        { type: 'file', name: '/etc/passwd' },
      ],
    };
    const sbom = await readSbomFile(write(JSON.stringify(bom)));
    expect(sbom.packages.map((p) => [p.name, p.type])).toEqual([
      ['lodash', 'npm'],
      ['zlib', 'apk'],
      ['serde', 'rust'],
      ['mystery', 'binary'],
    ]);
    expect(sbom.packages[0]!.licenses).toEqual(['MIT']);
    expect(sbom.packages[3]!.purl).toBeUndefined();
    expect(sbom.distro).toEqual({ id: 'alpine', versionId: '3.19.1' });
  });

  it('reads an SPDX 2.2 document with DEPENDENCY_OF and LicenseRefs', async () => {
    const doc = {
      spdxVersion: 'SPDX-2.2',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'x',
      packages: [
        {
          SPDXID: 'SPDXRef-a',
          name: 'flask',
          versionInfo: '3.0.0',
          licenseDeclared: 'BSD-3-Clause AND LicenseRef-x',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE_MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:pypi/flask@3.0.0',
            },
          ],
        },
        { SPDXID: 'SPDXRef-b', name: 'jinja2', versionInfo: '3.1.2', licenseDeclared: 'NOASSERTION' },
      ],
      hasExtractedLicensingInfos: [{ licenseId: 'LicenseRef-x', extractedText: 'Some Terms' }],
      relationships: [
        { spdxElementId: 'SPDXRef-b', relatedSpdxElement: 'SPDXRef-a', relationshipType: 'DEPENDENCY_OF' },
      ],
    };
    const sbom = await readSbomFile(write(JSON.stringify(doc)));
    expect(sbom.packages.map((p) => [p.name, p.type, p.licenses])).toEqual([
      ['flask', 'python', ['BSD-3-Clause', 'Some Terms']],
      ['jinja2', 'binary', undefined],
    ]);
    expect(sbom.relationships).toEqual([
      { from: sbom.packages[0]!.id, to: sbom.packages[1]!.id, type: 'depends-on' },
    ]);
  });
});

describe('readSbomFile refuses bad input with one clear line', () => {
  it.each([
    ['not JSON or XML', 'hello world', /neither JSON nor XML/],
    ['broken JSON', '{"bomFormat": ', /not valid JSON/],
    ['unknown JSON', '{"hello": 1}', /not a known SBOM/],
    ['old CycloneDX', '{"bomFormat":"CycloneDX","specVersion":"1.2"}', /1\.2" is not supported/],
    [
      'broken XML',
      '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components></bom>',
      /not well-formed XML at line 1/,
    ],
    ['other XML', '<project/>', /not a CycloneDX BOM/],
    ['XML with a DTD', '<!DOCTYPE bom [<!ENTITY x "y">]><bom/>', /DTDs/],
  ])('%s', async (_, text, message) => {
    const error = await readSbomFile(write(text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a 100 MB file is refused before it is read', async () => {
    const path = join(dir, 'huge.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    await expect(readSbomFile(path)).rejects.toThrow(/more than the 67108864-byte limit/);
  });

  it('a missing file is SourceNotFoundError', async () => {
    await expect(readSbomFile(join(dir, 'nope.json'))).rejects.toThrow(SourceNotFoundError);
  });
});
