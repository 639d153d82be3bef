import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import { child, children, parseXml } from '../../source/sbom/xml-reader.js';
import { cyclonedxSchemaDir } from '../cyclonedx-json/testdata/cyclonedx-schema.js';
import { expectGolden } from '../cyclonedx-json/testdata/golden.js';
import { sampleSbom } from '../cyclonedx-json/testdata/sample-sbom.js';
import { CDX_XML_NAMESPACE } from './bom-to-xml.js';
import { cyclonedxXmlFormat } from './cyclonedx-xml-format.js';
import { escapeXmlAttribute, escapeXmlText } from '../../xml/xml-writer.js';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('cyclonedx-xml', () => {
  const xml = cyclonedxXmlFormat.encode(sampleSbom());

  it('is well-formed and in the 1.6 namespace', () => {
    const root = parseXml(xml);
    expect(root.name).toBe('bom');
    expect(root.attributes.xmlns).toBe(CDX_XML_NAMESPACE);
    expect(root.attributes.serialNumber).toMatch(/^urn:uuid:/);
    const components = children(child(root, 'components'), 'component');
    expect(components.map((c) => child(c, 'name')?.text)).toContain('libc6');
  });

  it('escapes markup in text and attributes and drops characters XML cannot hold', () => {
    const root = parseXml(xml);
    const libc = children(child(root, 'components'), 'component').find(
      (c) => child(c, 'name')?.text === 'libc6',
    )!;
    const names = children(child(libc, 'licenses'), 'license').map((l) => child(l, 'name')?.text);
    expect(names).toContain('GPL-2+ with "odd" <chars> & such');
    expect(xml).not.toContain('\u0001');
    expect(escapeXmlText('a<b>&\u0000c')).toBe('a&lt;b&gt;&amp;\uFFFDc');
    expect(escapeXmlAttribute('"x"\n')).toBe('&quot;x&quot;&#10;');
  });

  it('matches the golden file', () => {
    expectGolden(new URL('./testdata/sample.cdx.xml.golden', import.meta.url), xml);
  });

  it.skipIf(!hasXmllint)('is valid against the official CycloneDX 1.6 XSD (xmllint)', () => {
    const dir = tempDir();
    const file = join(dir, 'bom.xml');
    writeFileSync(file, xml);
    const xsd = join(cyclonedxSchemaDir(), 'bom-1.6.SNAPSHOT.xsd');
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' });
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it.skipIf(!hasXmllint)('the XSD check can fail: children out of order are refused', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.xml');
    writeFileSync(
      file,
      xml.replace(
        /<name>libc6<\/name>\s*<version>([^<]*)<\/version>/,
        '<version>$1</version><name>libc6</name>',
      ),
    );
    const xsd = join(cyclonedxSchemaDir(), 'bom-1.6.SNAPSHOT.xsd');
    expect(() =>
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { stdio: 'pipe' }),
    ).toThrow();
  });
});
