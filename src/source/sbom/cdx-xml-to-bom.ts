import type { CdxBom, CdxComponent, CdxLicenseEntry, NamedValue } from '../../format/cyclonedx-json/index.js';
import { child, children, type XmlNode } from './xml-reader.js';

function properties(node: XmlNode | undefined): NamedValue[] {
  return children(child(node, 'properties'), 'property').map((p) => ({
    name: p.attributes.name ?? '',
    value: p.text,
  }));
}

function licenses(node: XmlNode): CdxLicenseEntry[] {
  return (child(node, 'licenses')?.children ?? []).flatMap((entry): CdxLicenseEntry[] => {
    if (entry.name === 'expression') return [{ expression: entry.text }];
    if (entry.name !== 'license') return [];
    const id = child(entry, 'id')?.text;
    const name = child(entry, 'name')?.text;
    return [{ license: id ? { id } : { name: name ?? '' } }];
  });
}

function component(node: XmlNode): CdxComponent {
  const text = (name: string): string | undefined => child(node, name)?.text.trim();
  return {
    type: (node.attributes.type ?? 'library') as CdxComponent['type'],
    'bom-ref': node.attributes['bom-ref'] ?? '',
    name: text('name') ?? '',
    ...(text('version') !== undefined ? { version: text('version') } : {}),
    ...(text('description') !== undefined ? { description: text('description') } : {}),
    licenses: licenses(node),
    ...(text('purl') !== undefined ? { purl: text('purl') } : {}),
    properties: properties(node),
  };
}

/** Nested components, flattened: a reader wants every package, wherever it sits. */
function allComponents(list: XmlNode | undefined): CdxComponent[] {
  return children(list, 'component').flatMap((c) => [component(c), ...allComponents(child(c, 'components'))]);
}

/** A CycloneDX XML document (any 1.x) in the shape of the JSON one, for one reader of both. */
export function cdxXmlToBom(root: XmlNode): CdxBom {
  const metadata = child(root, 'metadata');
  const namespace = root.attributes.xmlns ?? '';
  const metaComponent = child(metadata, 'component');
  return {
    bomFormat: 'CycloneDX',
    specVersion: /\/(1\.\d+)$/.exec(namespace)?.[1] ?? '',
    version: Number(root.attributes.version ?? '1'),
    metadata: {
      ...(child(metadata, 'timestamp') ? { timestamp: child(metadata, 'timestamp')!.text.trim() } : {}),
      ...(metaComponent ? { component: component(metaComponent) } : {}),
      properties: properties(metadata),
    },
    components: allComponents(child(root, 'components')),
    dependencies: children(child(root, 'dependencies'), 'dependency').map((d) => ({
      ref: d.attributes.ref ?? '',
      dependsOn: children(d, 'dependency').map((x) => x.attributes.ref ?? ''),
    })),
  };
}
