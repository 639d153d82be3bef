import { readPackageProperties } from '../../format/cyclonedx-json/index.js';
import type { Distro } from '../../model/distro.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship, Sbom } from '../../model/sbom.js';
import { sbomFromParts } from './empty-sbom.js';
import { distroFrom, sourceFromProperties } from './image-source.js';
import { objects, str, strings, type JsonObject } from './json-fields.js';
import { distroOfPurl, packageTypeOfPurl, parsePurl } from './purl-type.js';

/** `name=value` comments of annotations Customs wrote, as properties. */
function annotationProperties(pkg: JsonObject): { name: string; value: string }[] {
  return objects(pkg.annotations).flatMap((a) => {
    const match = /^(customs:[^=]+)=(.*)$/s.exec(str(a.comment) ?? '');
    return match ? [{ name: match[1]!, value: match[2]! }] : [];
  });
}

/** The top-level AND terms of an SPDX expression, outer parentheses removed. */
export function splitAndTerms(expression: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  const text = expression.trim();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (depth === 0 && /^\sAND\s/.test(text.slice(i, i + 5))) {
      terms.push(text.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  terms.push(text.slice(start));
  return terms
    .map((t) => t.trim())
    .map((t) => (/^\(.*\)$/.test(t) && !/\)\s.*\s\(/.test(t) ? t.slice(1, -1).trim() : t))
    .filter((t) => t !== '');
}

function licensesOf(pkg: JsonObject, extracted: Map<string, string>): string[] {
  const declared = [str(pkg.licenseDeclared), str(pkg.licenseConcluded)].find(
    (l) => l !== undefined && l !== 'NOASSERTION' && l !== 'NONE' && l.trim() !== '',
  );
  return declared ? splitAndTerms(declared).map((t) => extracted.get(t) ?? t) : [];
}

/** A Customs SBOM from an SPDX 2.x JSON document. */
export function sbomFromSpdx(doc: JsonObject, file: string): Sbom {
  const extracted = new Map(
    objects(doc.hasExtractedLicensingInfos).map((l) => [
      str(l.licenseId) ?? '',
      str(l.name) ?? str(l.extractedText) ?? '',
    ]),
  );
  const rels = objects(doc.relationships);
  const describedIds = new Set([
    ...strings(doc.documentDescribes),
    ...rels
      .filter((r) => str(r.relationshipType) === 'DESCRIBES' && str(r.spdxElementId) === 'SPDXRef-DOCUMENT')
      .map((r) => str(r.relatedSpdxElement) ?? ''),
  ]);
  const all = objects(doc.packages);
  const subject = all.find((p) => describedIds.has(str(p.SPDXID) ?? ''));
  const subjectVersion = str(subject?.versionInfo);
  const source = sourceFromProperties(subject ? annotationProperties(subject) : [], {
    reference: str(subject?.name) ?? str(doc.name) ?? file,
    ...(subjectVersion?.startsWith('sha256:') ? { digest: subjectVersion } : {}),
    type: str(subject?.primaryPackagePurpose) === 'CONTAINER' ? 'registry' : 'dir',
  });
  let distro: Distro | null = null;
  const packages: Package[] = [];
  const idBySpdxId = new Map<string, string>();
  for (const pkg of all) {
    if (pkg === subject) continue;
    const name = str(pkg.name) ?? '';
    const version = str(pkg.versionInfo);
    const props = annotationProperties(pkg);
    if (str(pkg.primaryPackagePurpose) === 'OPERATING_SYSTEM') {
      distro ??= distroFrom(name, version, props, str(pkg.description));
      continue;
    }
    if (name === '') continue;
    const purlText = objects(pkg.externalRefs).find((r) => str(r.referenceType) === 'purl')?.referenceLocator;
    const purl = parsePurl(str(purlText));
    const facts = readPackageProperties(props);
    const type = facts.type ?? packageTypeOfPurl(purl);
    const spdxId = str(pkg.SPDXID) ?? '';
    const id = facts.id ?? packageId(type, name, version ?? '', spdxId);
    idBySpdxId.set(spdxId, id);
    const licenses = licensesOf(pkg, extracted);
    packages.push({
      id,
      name,
      version: version ?? '',
      type,
      ...(purl ? { purl: str(purlText) } : {}),
      ...(licenses.length ? { licenses } : {}),
      locations: facts.locations,
      foundBy: facts.foundBy ?? 'sbom-spdx',
      ...(facts.ownedBy ? { ownedBy: facts.ownedBy } : {}),
    });
  }
  const relationships: Relationship[] = [];
  for (const rel of rels) {
    const a = idBySpdxId.get(str(rel.spdxElementId) ?? '');
    const b = idBySpdxId.get(str(rel.relatedSpdxElement) ?? '');
    if (!a || !b) continue;
    const kind = str(rel.relationshipType);
    if (kind === 'DEPENDS_ON') relationships.push({ from: a, to: b, type: 'depends-on' });
    else if (kind === 'DEPENDENCY_OF') relationships.push({ from: b, to: a, type: 'depends-on' });
    else if (kind === 'CONTAINS') relationships.push({ from: a, to: b, type: 'contains' });
    else if (kind === 'OTHER' && str(rel.comment)?.startsWith('customs:owns'))
      relationships.push({ from: a, to: b, type: 'owns' });
  }
  distro ??= packages.map((p) => distroOfPurl(parsePurl(p.purl))).find((d) => d !== undefined) ?? null;
  const created = str((doc.creationInfo as JsonObject | undefined)?.created);
  return sbomFromParts({ timestamp: created, source, distro, packages, relationships });
}
