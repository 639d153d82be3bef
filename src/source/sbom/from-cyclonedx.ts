import { licensesFromCdx, readPackageProperties } from '../../format/cyclonedx-json/index.js';
import type { Distro } from '../../model/distro.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship, Sbom } from '../../model/sbom.js';
import { sbomFromParts } from './empty-sbom.js';
import { distroFrom, sourceFromProperties } from './image-source.js';
import { isObject, namedValues, objects, str, strings, type JsonObject } from './json-fields.js';
import { distroOfPurl, packageTypeOfPurl, parsePurl } from './purl-type.js';

const NOT_PACKAGES = new Set(['file', 'operating-system', 'container', 'data']);

function flatten(components: unknown): JsonObject[] {
  return objects(components).flatMap((c) => [c, ...flatten(c.components)]);
}

function licenseStrings(value: unknown): string[] {
  return licensesFromCdx(
    objects(value).map((entry) => ({
      ...(str(entry.expression) !== undefined ? { expression: str(entry.expression) } : {}),
      ...(isObject(entry.license)
        ? { license: { id: str(entry.license.id), name: str(entry.license.name) } }
        : {}),
    })),
  );
}

/** A Customs SBOM from a CycloneDX document (JSON, or XML turned into the JSON shape), 1.4–1.6. */
export function sbomFromCycloneDx(bom: JsonObject, file: string): Sbom {
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const subject = isObject(metadata.component) ? metadata.component : {};
  const subjectVersion = str(subject.version);
  const source = sourceFromProperties(namedValues(subject.properties), {
    reference: str(subject.name) ?? file,
    ...(subjectVersion?.startsWith('sha256:') ? { digest: subjectVersion } : {}),
    type: str(subject.type) === 'container' ? 'registry' : 'dir',
  });
  let distro: Distro | null = null;
  const packages: Package[] = [];
  const idByRef = new Map<string, string>();
  const contains: [string, string][] = [];
  for (const component of flatten(bom.components)) {
    const type = str(component.type) ?? 'library';
    const props = namedValues(component.properties);
    const name = str(component.name) ?? '';
    const version = str(component.version);
    if (type === 'operating-system' && !distro) {
      distro = distroFrom(name, version, props, str(component.description));
      continue;
    }
    if (NOT_PACKAGES.has(type) || name === '') continue;
    const purl = parsePurl(str(component.purl));
    const facts = readPackageProperties(props);
    const ref = str(component['bom-ref']) ?? '';
    const pkgType = facts.type ?? packageTypeOfPurl(purl);
    const id = facts.id ?? packageId(pkgType, name, version ?? '', ref);
    if (ref) idByRef.set(ref, id);
    const licenses = licenseStrings(component.licenses);
    packages.push({
      id,
      name,
      version: version ?? '',
      type: pkgType,
      ...(purl ? { purl: str(component.purl) } : {}),
      ...(licenses.length ? { licenses } : {}),
      locations: facts.locations,
      foundBy: facts.foundBy ?? 'sbom-cyclonedx',
      ...(facts.ownedBy ? { ownedBy: facts.ownedBy } : {}),
    });
    for (const p of props) if (p.name === 'customs:relationship:contains') contains.push([id, p.value]);
  }
  const relationships: Relationship[] = [];
  const ids = new Set(packages.map((p) => p.id));
  for (const pkg of packages)
    if (pkg.ownedBy && ids.has(pkg.ownedBy))
      relationships.push({ from: pkg.ownedBy, to: pkg.id, type: 'owns' });
  for (const dep of objects(bom.dependencies)) {
    const from = idByRef.get(str(dep.ref) ?? '');
    for (const target of strings(dep.dependsOn)) {
      const to = idByRef.get(target);
      if (from && to) relationships.push({ from, to, type: 'depends-on' });
    }
  }
  for (const [from, ref] of contains) {
    const to = idByRef.get(ref);
    if (to) relationships.push({ from, to, type: 'contains' });
  }
  distro ??= packages.map((p) => distroOfPurl(parsePurl(p.purl))).find((d) => d !== undefined) ?? null;
  return sbomFromParts({ timestamp: str(metadata.timestamp), source, distro, packages, relationships });
}
