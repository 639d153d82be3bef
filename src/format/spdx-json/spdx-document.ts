import type { Package } from '../../model/package.js';
import type { Sbom } from '../../model/sbom.js';
import {
  distroProperties,
  findingsProperties,
  sourceProperties,
} from '../cyclonedx-json/image-properties.js';
import { packageProperties, type NamedValue } from '../cyclonedx-json/package-properties.js';
import { serialNumberOf } from '../cyclonedx-json/serial-number.js';
import { declaredExpression } from './license-expression.js';
import { SpdxIds, spdxIdText } from './spdx-ids.js';
import type { SpdxAnnotation, SpdxDocument, SpdxPackage, SpdxRelationship } from './spdx-types.js';

const NOASSERTION = 'NOASSERTION';
const SHA256_DIGEST = /^sha256:([0-9a-f]{64})$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** SPDX wants creation times to the second: `YYYY-MM-DDThh:mm:ssZ`. */
function spdxTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '1970-01-01T00:00:00Z' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Customs facts no SPDX field holds, as `name=value` annotations by the tool. */
function annotations(properties: readonly NamedValue[], annotator: string, date: string): SpdxAnnotation[] {
  return properties.map((p) => ({
    annotationDate: date,
    annotationType: 'OTHER',
    annotator,
    comment: `${p.name}=${p.value}`,
  }));
}

function packagePurpose(pkg: Package): string {
  return pkg.type === 'binary' ? 'APPLICATION' : 'LIBRARY';
}

/** The SPDX 2.3 document of an SBOM. */
export function buildSpdxDocument(sbom: Sbom): SpdxDocument {
  const ids = new SpdxIds();
  const created = spdxTime(sbom.descriptor.timestamp);
  const annotator = `Tool: customs-${sbom.descriptor.version}`;
  const { source } = sbom;
  const imageId = ids.element('Image', source.reference);
  const digest = SHA256_DIGEST.exec(source.digest ?? '')?.[1];
  const image: SpdxPackage = {
    SPDXID: imageId,
    name: source.reference,
    ...(source.digest ? { versionInfo: source.digest } : {}),
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    primaryPackagePurpose: source.type === 'dir' ? 'FILE' : 'CONTAINER',
    ...(digest ? { checksums: [{ algorithm: 'SHA256', checksumValue: digest }] } : {}),
    annotations: annotations([...sourceProperties(sbom), ...findingsProperties(sbom)], annotator, created),
  };
  const packages: SpdxPackage[] = [image];
  const relationships: SpdxRelationship[] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: imageId, relationshipType: 'DESCRIBES' },
  ];
  const contains = (id: string): void => {
    relationships.push({ spdxElementId: imageId, relatedSpdxElement: id, relationshipType: 'CONTAINS' });
  };
  if (sbom.distro) {
    const { distro } = sbom;
    const id = ids.element('OperatingSystem', `${distro.id}-${distro.versionId}`);
    packages.push({
      SPDXID: id,
      name: distro.id,
      ...(distro.versionId ? { versionInfo: distro.versionId } : {}),
      downloadLocation: NOASSERTION,
      filesAnalyzed: false,
      licenseConcluded: NOASSERTION,
      licenseDeclared: NOASSERTION,
      copyrightText: NOASSERTION,
      primaryPackagePurpose: 'OPERATING_SYSTEM',
      ...(distro.prettyName ? { description: distro.prettyName } : {}),
      annotations: annotations(distroProperties(distro), annotator, created),
    });
    contains(id);
  }
  for (const pkg of sbom.packages) {
    const id = ids.element('Package', `${pkg.type}-${pkg.name}-${pkg.id}`, pkg.id);
    const where = pkg.locations.map((l) => l.path).join(', ');
    packages.push({
      SPDXID: id,
      name: pkg.name,
      ...(pkg.version ? { versionInfo: pkg.version } : {}),
      downloadLocation: NOASSERTION,
      filesAnalyzed: false,
      licenseConcluded: NOASSERTION,
      licenseDeclared: declaredExpression(pkg.licenses ?? [], (name) => ids.licenseRef(name)),
      copyrightText: NOASSERTION,
      primaryPackagePurpose: packagePurpose(pkg),
      ...(where ? { sourceInfo: `found by ${pkg.foundBy} in ${where}` } : {}),
      ...(pkg.purl
        ? {
            externalRefs: [
              { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl },
            ],
          }
        : {}),
      annotations: annotations(packageProperties(pkg), annotator, created),
    });
    contains(id);
  }
  const files = sbom.files
    .filter((file) => file.sha256 && SHA256.test(file.sha256))
    .map((file) => {
      const id = ids.element('File', file.path);
      contains(id);
      return {
        SPDXID: id,
        fileName: `.${file.path.startsWith('/') ? '' : '/'}${file.path}`,
        checksums: [{ algorithm: 'SHA256', checksumValue: file.sha256! }],
        licenseConcluded: NOASSERTION,
        copyrightText: NOASSERTION,
      };
    });
  for (const rel of sbom.relationships) {
    const from = ids.lookup(rel.from);
    const to = ids.lookup(rel.to);
    if (!from || !to) continue;
    if (rel.type === 'depends-on')
      relationships.push({ spdxElementId: from, relatedSpdxElement: to, relationshipType: 'DEPENDS_ON' });
    else if (rel.type === 'contains')
      relationships.push({ spdxElementId: from, relatedSpdxElement: to, relationshipType: 'CONTAINS' });
    else
      relationships.push({
        spdxElementId: from,
        relatedSpdxElement: to,
        relationshipType: 'OTHER',
        comment: 'customs:owns: the OS package owns the files of the related package',
      });
  }
  const body = { packages, files, relationships, extracted: ids.extracted };
  const uuid = serialNumberOf(JSON.stringify([created, source, body])).slice('urn:uuid:'.length);
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: source.reference,
    documentNamespace: `http://spdx.org/spdxdocs/customs-${spdxIdText(source.reference)}-${uuid}`,
    creationInfo: { created, creators: [annotator] },
    packages,
    ...(files.length ? { files } : {}),
    ...(ids.extracted.length ? { hasExtractedLicensingInfos: ids.extracted } : {}),
    relationships,
  };
}
