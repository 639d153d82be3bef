import { describe, expect, it } from 'vitest';
import type { CdxBom } from './cdx-types.js';
import { cyclonedxJsonFormat } from './cyclonedx-json-format.js';
import { cyclonedx16Validator } from './testdata/cyclonedx-schema.js';
import { expectGolden } from './testdata/golden.js';
import { sampleSbom } from './testdata/sample-sbom.js';

const encode = (): CdxBom => JSON.parse(cyclonedxJsonFormat.encode(sampleSbom())) as CdxBom;

describe('cyclonedx-json', () => {
  it('is valid against the official CycloneDX 1.6 JSON schema', () => {
    const validate = cyclonedx16Validator();
    const ok = validate(encode());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a license id outside the SPDX list is refused', () => {
    const validate = cyclonedx16Validator();
    const bom = encode();
    bom.components![1]!.licenses = [{ license: { id: 'Not-A-License' } }];
    expect(validate(bom)).toBe(false);
  });

  it('matches the golden file', () => {
    expectGolden(
      new URL('./testdata/sample.cdx.json.golden', import.meta.url),
      cyclonedxJsonFormat.encode(sampleSbom()),
    );
  });

  it('describes the image, the tool and the distro in metadata and components', () => {
    const bom = encode();
    expect(bom.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(bom.metadata?.component).toMatchObject({
      type: 'container',
      'bom-ref': 'sha256:' + 'a'.repeat(64),
    });
    expect(bom.metadata?.tools?.components?.[0]).toMatchObject({ name: 'customs', version: '0.1.0' });
    expect(bom.components?.[0]).toMatchObject({ type: 'operating-system', name: 'debian', version: '12' });
    const refs = [bom.metadata!.component!, ...bom.metadata!.tools!.components!, ...bom.components!].map(
      (c) => c['bom-ref'],
    );
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('maps licenses to id, expression or name', () => {
    const byName = new Map(encode().components!.map((c) => [c.name, c]));
    expect(byName.get('python3-requests')?.licenses).toEqual([{ license: { id: 'Apache-2.0' } }]);
    expect(byName.get('requests')?.licenses).toEqual([{ expression: 'Apache-2.0 OR MIT' }]);
    expect(byName.get('libc6')?.licenses).toEqual([
      { license: { id: 'LGPL-2.1+' } },
      { license: { name: 'GPL-2+ with "odd" <chars> & such' } },
      { license: { name: 'MIT OR Apache-2.0' } },
    ]);
    expect(byName.get('commons-io')?.licenses).toBeUndefined();
  });

  it('keeps locations, layers, ownership and relationships', () => {
    const bom = encode();
    const requests = bom.components!.find((c) => c.name === 'requests')!;
    expect(requests.properties).toEqual(
      expect.arrayContaining([
        { name: 'customs:package:type', value: 'python' },
        { name: 'customs:package:ownedBy', value: 'aaaa000000000001' },
        { name: 'customs:location:1:layer', value: 'sha256:' + '2'.repeat(64) },
        { name: 'customs:location:1:layerIndex', value: '1' },
      ]),
    );
    expect(bom.dependencies).toEqual([
      { ref: 'aaaa000000000001', dependsOn: ['aaaa000000000002'] },
      { ref: 'aaaa000000000005', dependsOn: ['aaaa000000000004'] },
    ]);
    const app = bom.components!.find((c) => c.name === 'app')!;
    expect(app.properties).toContainEqual({
      name: 'customs:relationship:contains',
      value: 'aaaa000000000004',
    });
    const passwd = bom.components!.find((c) => c.name === '/usr/bin/passwd')!;
    expect(passwd).toMatchObject({ type: 'file', hashes: [{ alg: 'SHA-256', content: 'd'.repeat(64) }] });
    expect(bom.metadata?.properties).toContainEqual({
      name: 'customs:unknown:0:path',
      value: '/app/broken.jar',
    });
  });

  it('gives packages with the same id distinct bom-refs, and is deterministic', () => {
    const sbom = sampleSbom();
    sbom.packages.push({ ...sbom.packages[0]!, locations: [{ path: '/other' }] });
    const bom = JSON.parse(cyclonedxJsonFormat.encode(sbom)) as CdxBom;
    const refs = bom.components!.map((c) => c['bom-ref']);
    expect(refs).toContain('aaaa000000000001-2');
    expect(new Set(refs).size).toBe(refs.length);
    expect(cyclonedxJsonFormat.encode(sbom)).toBe(cyclonedxJsonFormat.encode(sbom));
  });
});
