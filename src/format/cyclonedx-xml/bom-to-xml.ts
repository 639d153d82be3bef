import type { CdxBom, CdxComponent, CdxLicenseEntry } from '../cyclonedx-json/index.js';
import type { NamedValue } from '../cyclonedx-json/index.js';
import { textElement, type XmlElement } from '../../xml/xml-writer.js';

export const CDX_XML_NAMESPACE = 'http://cyclonedx.org/schema/bom/1.6';

function propertiesElement(properties: readonly NamedValue[] | undefined): XmlElement[] {
  if (!properties?.length) return [];
  return [
    {
      name: 'properties',
      children: properties.map((p) => ({ name: 'property', attributes: { name: p.name }, text: p.value })),
    },
  ];
}

function licensesElement(licenses: readonly CdxLicenseEntry[] | undefined): XmlElement[] {
  if (!licenses?.length) return [];
  const children: XmlElement[] = licenses.map((entry) =>
    entry.expression !== undefined
      ? { name: 'expression', text: entry.expression }
      : {
          name: 'license',
          children: [...textElement('id', entry.license?.id), ...textElement('name', entry.license?.name)],
        },
  );
  return [{ name: 'licenses', children }];
}

/** A component, its children in the order the 1.6 XSD's sequence requires. */
function componentElement(component: CdxComponent): XmlElement {
  return {
    name: 'component',
    attributes: { type: component.type, 'bom-ref': component['bom-ref'] },
    children: [
      ...textElement('name', component.name),
      ...textElement('version', component.version),
      ...textElement('description', component.description),
      ...(component.hashes?.length
        ? [
            {
              name: 'hashes',
              children: component.hashes.map((h) => ({
                name: 'hash',
                attributes: { alg: h.alg },
                text: h.content,
              })),
            },
          ]
        : []),
      ...licensesElement(component.licenses),
      ...textElement('purl', component.purl),
      ...propertiesElement(component.properties),
    ],
  };
}

/** The CycloneDX 1.6 XML element tree of the same document the JSON encoder writes. */
export function bomToXml(bom: CdxBom): XmlElement {
  const { metadata } = bom;
  const children: XmlElement[] = [];
  if (metadata) {
    const tools = metadata.tools?.components ?? [];
    children.push({
      name: 'metadata',
      children: [
        ...textElement('timestamp', metadata.timestamp),
        ...(tools.length
          ? [{ name: 'tools', children: [{ name: 'components', children: tools.map(componentElement) }] }]
          : []),
        ...(metadata.component ? [componentElement(metadata.component)] : []),
        ...propertiesElement(metadata.properties),
      ],
    });
  }
  children.push({ name: 'components', children: (bom.components ?? []).map(componentElement) });
  if (bom.dependencies?.length) {
    children.push({
      name: 'dependencies',
      children: bom.dependencies.map((d) => ({
        name: 'dependency',
        attributes: { ref: d.ref },
        children: (d.dependsOn ?? []).map((ref) => ({ name: 'dependency', attributes: { ref } })),
      })),
    });
  }
  children.push(...propertiesElement(bom.properties));
  return {
    name: 'bom',
    attributes: { xmlns: CDX_XML_NAMESPACE, serialNumber: bom.serialNumber, version: String(bom.version) },
    children,
  };
}
