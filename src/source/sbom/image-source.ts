import type { Distro } from '../../model/distro.js';
import type { SbomSource } from '../../model/sbom.js';
import type { SourceType } from '../types.js';
import { sourceType } from './empty-sbom.js';

type Props = readonly { name: string; value: string }[];

const first = (props: Props, name: string): string | undefined => props.find((p) => p.name === name)?.value;

/** The image source as Customs' `customs:source:*` properties (or annotations) describe it. */
export function sourceFromProperties(
  props: Props,
  fallback: { reference: string; digest?: string; type: SourceType },
): SbomSource {
  const layers = new Map<number, SbomSource['layers'][number]>();
  for (const { name, value } of props) {
    const match = /^customs:source:layer:(\d+):(digest|diffId|mediaType|size)$/.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    const layer = layers.get(index) ?? { index, digest: '', mediaType: '', size: 0 };
    if (match[2] === 'digest') layer.digest = value;
    else if (match[2] === 'diffId') layer.diffId = value;
    else if (match[2] === 'mediaType') layer.mediaType = value;
    else layer.size = Number(value) || 0;
    layers.set(index, layer);
  }
  const digest = first(props, 'customs:source:digest') ?? fallback.digest;
  const indexDigest = first(props, 'customs:source:indexDigest');
  const configDigest = first(props, 'customs:source:configDigest');
  const tags = props.filter((p) => p.name === 'customs:source:tag').map((p) => p.value);
  return {
    type: sourceType(first(props, 'customs:source:type'), fallback.type),
    reference: first(props, 'customs:source:reference') ?? fallback.reference,
    ...(digest ? { digest } : {}),
    ...(indexDigest ? { indexDigest } : {}),
    ...(configDigest ? { configDigest } : {}),
    ...(tags.length ? { tags } : {}),
    layers: [...layers.values()].sort((a, b) => a.index - b.index),
  };
}

/** A distro from an operating-system component's name/version and `customs:distro:*` properties. */
export function distroFrom(
  name: string,
  version: string | undefined,
  props: Props,
  description?: string,
): Distro {
  const idLike = first(props, 'customs:distro:idLike');
  const codename = first(props, 'customs:distro:versionCodename');
  const fullName = first(props, 'customs:distro:name');
  const source = first(props, 'customs:distro:source');
  return {
    id: (first(props, 'customs:distro:id') ?? name).toLowerCase(),
    versionId: first(props, 'customs:distro:versionId') ?? version ?? '',
    ...(codename ? { versionCodename: codename } : {}),
    ...(fullName ? { name: fullName } : {}),
    ...(description ? { prettyName: description } : {}),
    ...(idLike !== undefined ? { idLike: idLike.split(' ').filter(Boolean) } : {}),
    ...(source ? { source } : {}),
  };
}
