import type { Distro } from '../../model/distro.js';
import type { FileEntry } from '../../model/file-entry.js';
import type { Sbom } from '../../model/sbom.js';
import type { NamedValue } from './package-properties.js';

const prop = (name: string, value: string | number | undefined): NamedValue[] =>
  value === undefined || value === '' ? [] : [{ name, value: String(value) }];

/** The image source (type, reference, digests, layers) and scope as `customs:` properties. */
export function sourceProperties(sbom: Sbom): NamedValue[] {
  const { source } = sbom;
  return [
    ...prop('customs:scope', sbom.scope),
    ...prop('customs:source:type', source.type),
    ...prop('customs:source:reference', source.reference),
    ...prop('customs:source:digest', source.digest),
    ...prop('customs:source:indexDigest', source.indexDigest),
    ...prop('customs:source:configDigest', source.configDigest),
    ...(source.tags ?? []).flatMap((tag) => prop('customs:source:tag', tag)),
    ...prop('customs:image:os', sbom.image?.os),
    ...prop('customs:image:architecture', sbom.image?.architecture),
    ...prop('customs:image:variant', sbom.image?.variant),
    ...prop('customs:image:created', sbom.image?.created),
    ...source.layers.flatMap((layer) => [
      ...prop(`customs:source:layer:${layer.index}:digest`, layer.digest),
      ...prop(`customs:source:layer:${layer.index}:diffId`, layer.diffId),
      ...prop(`customs:source:layer:${layer.index}:mediaType`, layer.mediaType),
      ...prop(`customs:source:layer:${layer.index}:size`, layer.size),
    ]),
  ];
}

export function distroProperties(distro: Distro): NamedValue[] {
  return [
    ...prop('customs:distro:id', distro.id),
    ...prop('customs:distro:versionId', distro.versionId),
    ...prop('customs:distro:versionCodename', distro.versionCodename),
    ...prop('customs:distro:name', distro.name),
    ...prop('customs:distro:idLike', distro.idLike?.join(' ')),
    ...prop('customs:distro:source', distro.source),
  ];
}

export function fileProperties(file: FileEntry): NamedValue[] {
  return [
    ...prop('customs:file:type', file.type),
    ...prop('customs:file:mode', file.modeText),
    ...prop('customs:file:uid', file.uid),
    ...prop('customs:file:gid', file.gid),
    ...prop('customs:file:size', file.size),
    ...prop('customs:file:linkTarget', file.linkTarget),
    ...prop('customs:location:0:path', file.path),
    ...prop('customs:location:0:layer', file.layer),
    ...prop('customs:location:0:layerIndex', file.layerIndex),
    ...(file.flags ?? []).flatMap((flag) => prop('customs:file:flag', flag)),
    ...(file.ownedBy ?? []).flatMap((owner) => prop('customs:file:ownedBy', owner)),
  ];
}

/** Located parse failures and warnings, kept in the document's metadata. */
export function findingsProperties(sbom: Sbom): NamedValue[] {
  return [
    ...sbom.unknowns.flatMap((unknown, i) => [
      ...prop(`customs:unknown:${i}:path`, unknown.path),
      ...prop(`customs:unknown:${i}:layer`, unknown.layer),
      ...prop(`customs:unknown:${i}:cataloger`, unknown.cataloger),
      ...prop(`customs:unknown:${i}:message`, unknown.message),
    ]),
    ...sbom.warnings.flatMap((warning) => prop('customs:warning', warning)),
  ];
}
