import type { Package } from '../../model/package.js';
import type { Sbom } from '../../model/sbom.js';
import { UniqueRefs } from './bom-refs.js';
import { cdxLicenses } from './cdx-licenses.js';
import type { CdxBom, CdxComponent, CdxDependency } from './cdx-types.js';
import {
  distroProperties,
  fileProperties,
  findingsProperties,
  sourceProperties,
} from './image-properties.js';
import { packageProperties } from './package-properties.js';
import { serialNumberOf } from './serial-number.js';

export const CDX_SPEC_VERSION = '1.6';
const SHA256 = /^[0-9a-f]{64}$/;

/** The image component: the image as a container, its manifest digest as version and bom-ref. */
function imageComponent(sbom: Sbom, refs: UniqueRefs): CdxComponent {
  const { source } = sbom;
  return {
    type: source.type === 'dir' ? 'file' : 'container',
    'bom-ref': refs.take(source.digest ?? `image:${source.reference}`),
    name: source.reference,
    ...(source.digest ? { version: source.digest } : {}),
    properties: sourceProperties(sbom),
  };
}

function packageComponent(pkg: Package, refs: UniqueRefs): CdxComponent {
  const licenses = cdxLicenses(pkg.licenses);
  return {
    type: 'library',
    'bom-ref': refs.take(pkg.id, pkg.id),
    name: pkg.name,
    ...(pkg.version ? { version: pkg.version } : {}),
    ...(licenses ? { licenses } : {}),
    ...(pkg.purl ? { purl: pkg.purl } : {}),
    properties: packageProperties(pkg),
  };
}

/** Relationships: depends-on as CycloneDX dependencies; contains as a property of the container. */
function linkRelationships(sbom: Sbom, refs: UniqueRefs, components: CdxComponent[]): CdxDependency[] {
  const dependsOn = new Map<string, Set<string>>();
  const byRef = new Map(components.map((c) => [c['bom-ref'], c]));
  for (const rel of sbom.relationships) {
    const from = refs.lookup(rel.from);
    const to = refs.lookup(rel.to);
    if (!from || !to) continue;
    if (rel.type === 'depends-on') {
      const set = dependsOn.get(from) ?? new Set<string>();
      set.add(to);
      dependsOn.set(from, set);
    } else if (rel.type === 'contains') {
      byRef.get(from)?.properties?.push({ name: 'customs:relationship:contains', value: to });
    }
  }
  return [...dependsOn.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ref, set]) => ({ ref, dependsOn: [...set].sort() }));
}

/** The CycloneDX 1.6 document of an SBOM: one mapping shared by the JSON and XML encoders. */
export function buildCycloneDxBom(sbom: Sbom): CdxBom {
  const refs = new UniqueRefs();
  const tool: CdxComponent = {
    type: 'application',
    'bom-ref': refs.take(`tool:customs@${sbom.descriptor.version}`),
    name: 'customs',
    version: sbom.descriptor.version,
  };
  const image = imageComponent(sbom, refs);
  const components: CdxComponent[] = [];
  if (sbom.distro) {
    const { id, versionId, prettyName } = sbom.distro;
    components.push({
      type: 'operating-system',
      'bom-ref': refs.take(`os:${id}@${versionId}`),
      name: id,
      ...(versionId ? { version: versionId } : {}),
      ...(prettyName ? { description: prettyName } : {}),
      properties: distroProperties(sbom.distro),
    });
  }
  for (const pkg of sbom.packages) components.push(packageComponent(pkg, refs));
  for (const file of sbom.files) {
    components.push({
      type: 'file',
      'bom-ref': refs.take(`file:${file.path}`),
      name: file.path,
      ...(file.sha256 && SHA256.test(file.sha256)
        ? { hashes: [{ alg: 'SHA-256' as const, content: file.sha256 }] }
        : {}),
      properties: fileProperties(file),
    });
  }
  const dependencies = linkRelationships(sbom, refs, components);
  const metadataProperties = findingsProperties(sbom);
  const bom: CdxBom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: CDX_SPEC_VERSION,
    version: 1,
    metadata: {
      timestamp: sbom.descriptor.timestamp,
      tools: { components: [tool] },
      component: image,
      ...(metadataProperties.length ? { properties: metadataProperties } : {}),
    },
    components,
    ...(dependencies.length ? { dependencies } : {}),
  };
  const serialNumber = serialNumberOf(JSON.stringify(bom));
  const { $schema, bomFormat, specVersion, ...rest } = bom;
  return { $schema, bomFormat, specVersion, serialNumber, ...rest };
}
