import { describe, expect, it } from 'vitest';
import { expectGolden } from '../cyclonedx-json/testdata/golden.js';
import { sampleSbom } from '../cyclonedx-json/testdata/sample-sbom.js';
import { declaredExpression, normalizeExpression } from './license-expression.js';
import { spdxJsonFormat } from './spdx-json-format.js';
import type { SpdxDocument } from './spdx-types.js';

const encode = (): SpdxDocument => JSON.parse(spdxJsonFormat.encode(sampleSbom())) as SpdxDocument;

describe('spdx-json', () => {
  it('matches the golden file', () => {
    expectGolden(
      new URL('./testdata/sample.spdx.json.golden', import.meta.url),
      spdxJsonFormat.encode(sampleSbom()),
    );
  });

  it('has the document header SPDX 2.3 requires', () => {
    const doc = encode();
    expect(doc).toMatchObject({
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
    });
    expect(doc.creationInfo).toEqual({ created: '2026-01-02T03:04:05Z', creators: ['Tool: customs-0.1.0'] });
    expect(doc.documentNamespace).toMatch(
      /^http:\/\/spdx\.org\/spdxdocs\/customs-[A-Za-z0-9.-]+-[0-9a-f-]{36}$/,
    );
  });

  it('uses only valid, unique SPDX ids, and every relationship points at a known element', () => {
    const doc = encode();
    const ids = [...doc.packages!, ...(doc.files ?? [])].map((p) => p.SPDXID);
    for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set([...ids, 'SPDXRef-DOCUMENT']);
    for (const rel of doc.relationships!) {
      expect(known.has(rel.spdxElementId)).toBe(true);
      expect(known.has(rel.relatedSpdxElement)).toBe(true);
    }
  });

  it('describes the image, which contains every package; depends-on and owns are kept', () => {
    const doc = encode();
    const image = doc.packages![0]!;
    expect(image).toMatchObject({ primaryPackagePurpose: 'CONTAINER', checksums: [{ algorithm: 'SHA256' }] });
    const rels = doc.relationships!;
    expect(rels[0]).toEqual({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relatedSpdxElement: image.SPDXID,
      relationshipType: 'DESCRIBES',
    });
    const contained = rels.filter(
      (r) => r.spdxElementId === image.SPDXID && r.relationshipType === 'CONTAINS',
    );
    expect(contained).toHaveLength(doc.packages!.length - 1 + (doc.files?.length ?? 0));
    const id = (name: string): string => doc.packages!.find((p) => p.name === name)!.SPDXID;
    expect(rels).toContainEqual({
      spdxElementId: id('python3-requests'),
      relatedSpdxElement: id('libc6'),
      relationshipType: 'DEPENDS_ON',
    });
    expect(rels).toContainEqual(
      expect.objectContaining({
        spdxElementId: id('python3-requests'),
        relatedSpdxElement: id('requests'),
        relationshipType: 'OTHER',
      }),
    );
    expect(rels).toContainEqual({
      spdxElementId: id('app'),
      relatedSpdxElement: id('commons-io'),
      relationshipType: 'CONTAINS',
    });
  });

  it('declares licenses as SPDX expressions, with LicenseRefs for names', () => {
    const doc = encode();
    const libc = doc.packages!.find((p) => p.name === 'libc6')!;
    expect(libc.licenseDeclared).toBe(
      'LGPL-2.1+ AND LicenseRef-GPL-2-with-odd-chars-such AND (MIT OR Apache-2.0)',
    );
    expect(doc.hasExtractedLicensingInfos).toContainEqual({
      licenseId: 'LicenseRef-GPL-2-with-odd-chars-such',
      extractedText: 'GPL-2+ with "odd" <chars> & such',
      name: 'GPL-2+ with "odd" <chars> & such',
    });
    expect(doc.packages!.find((p) => p.name === 'commons-io')!.licenseDeclared).toBe('NOASSERTION');
    expect(doc.packages!.find((p) => p.name === 'requests')!.externalRefs).toEqual([
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: 'pkg:pypi/requests@2.28.1',
      },
    ]);
  });

  it('keeps files with a digest, as relative file names', () => {
    expect(encode().files).toEqual([
      expect.objectContaining({
        fileName: './usr/bin/passwd',
        checksums: [{ algorithm: 'SHA256', checksumValue: 'd'.repeat(64) }],
      }),
    ]);
  });
});

describe('SPDX license expressions', () => {
  it.each([
    ['mit or apache-2.0', 'MIT OR Apache-2.0'],
    ['(MIT OR Apache-2.0) AND BSD-3-Clause', '(MIT OR Apache-2.0) AND BSD-3-Clause'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['LicenseRef-x AND MIT', 'LicenseRef-x AND MIT'],
    ['MIT OR', undefined],
    ['(MIT', undefined],
    ['MIT AND Foo', undefined],
    ['GPL-2.0 WITH MIT', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeExpression(input)).toBe(expected);
  });

  it('joins several licenses with AND and names others through LicenseRef', () => {
    expect(declaredExpression(['MIT', 'mit', 'Apache-2.0 OR MIT', 'Custom'], (n) => `LicenseRef-${n}`)).toBe(
      'MIT AND (Apache-2.0 OR MIT) AND LicenseRef-Custom',
    );
    expect(declaredExpression([], () => 'x')).toBe('NOASSERTION');
  });
});
