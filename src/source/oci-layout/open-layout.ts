import { SourceFormatError, UnsupportedMediaTypeError } from '../../errors/index.js';
import { digestAlgorithm } from '../../digest/digest.js';
import {
  INDEX_MEDIA_TYPES,
  LAYER_MEDIA_TYPES,
  MANIFEST_MEDIA_TYPES,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
} from '../oci-types.js';
import { DEFAULT_PLATFORM, selectPlatformManifest } from '../platform.js';
import type { OpenedImage, SourceDescription, SourceOptions, TarLayerHandle } from '../types.js';
import type { BlobStore } from './blob-store.js';
import { selectLayoutEntry } from './select-manifest.js';
import { MAX_DOCUMENT_BYTES, describeBlob, parseJsonDocument, verifyDigest } from './verified-json.js';

export function blobPath(digest: string, what: string): string {
  const algorithm = digestAlgorithm(digest, what);
  return `blobs/${algorithm}/${digest.slice(algorithm.length + 1)}`;
}

/** Reads a JSON blob of the layout, checking its digest before trusting a byte of it. */
export async function readJsonBlob<T>(store: BlobStore, descriptor: Descriptor, kind: string): Promise<T> {
  const what = `${describeBlob(kind, descriptor.digest)} in ${store.where}`;
  const path = blobPath(descriptor.digest, what);
  if (!(await store.exists(path)))
    throw new SourceFormatError(`${store.where}: ${kind} blob ${descriptor.digest} is missing`);
  const bytes = await store.read(path, MAX_DOCUMENT_BYTES);
  verifyDigest(bytes, descriptor.digest, what);
  return parseJsonDocument<T>(bytes, what);
}

/**
 * Opens an image from an OCI image layout (a directory or an archive's members): index.json →
 * (nested indexes, by platform) → manifest → config and layers, every document digest-checked.
 */
export async function openImageLayout(
  store: BlobStore,
  tag: string | undefined,
  options: SourceOptions,
  source: Pick<SourceDescription, 'type' | 'reference'>,
): Promise<OpenedImage> {
  if (!(await store.exists('oci-layout'))) {
    throw new SourceFormatError(`${store.where} is not an OCI image layout (it has no oci-layout file)`);
  }
  const layout = parseJsonDocument<{ imageLayoutVersion?: string }>(
    await store.read('oci-layout', 4096),
    `${store.where}/oci-layout`,
  );
  if (typeof layout.imageLayoutVersion !== 'string') {
    throw new SourceFormatError(`${store.where}/oci-layout has no imageLayoutVersion`);
  }
  if (!(await store.exists('index.json')))
    throw new SourceFormatError(`${store.where} is not an OCI image layout (no index.json)`);
  const top = parseJsonDocument<ImageIndex>(
    await store.read('index.json', MAX_DOCUMENT_BYTES),
    `${store.where}/index.json`,
  );
  if (!Array.isArray(top.manifests))
    throw new SourceFormatError(`${store.where}/index.json has no manifests list`);

  const platform = options.platform ?? DEFAULT_PLATFORM;
  let chosen = selectLayoutEntry(top, tag, store.where);
  let indexDigest: string | undefined;
  const tags = tag ? [tag] : [];
  for (let depth = 0; depth < 8; depth++) {
    if ('manifests' in chosen) {
      chosen = selectPlatformManifest(chosen.manifests, platform, `${source.type}:${source.reference}`);
      continue;
    }
    const descriptor: Descriptor = chosen;
    if (INDEX_MEDIA_TYPES.includes(descriptor.mediaType)) {
      indexDigest ??= descriptor.digest;
      chosen = await readJsonBlob<ImageIndex>(store, descriptor, 'index');
      if (!Array.isArray(chosen.manifests))
        throw new SourceFormatError(`index ${descriptor.digest} in ${store.where} has no manifests list`);
      continue;
    }
    if (!MANIFEST_MEDIA_TYPES.includes(descriptor.mediaType)) {
      throw new UnsupportedMediaTypeError(
        `${store.where}: unsupported manifest media type "${descriptor.mediaType}"`,
      );
    }
    const manifest = await readJsonBlob<ImageManifest>(store, descriptor, 'manifest');
    return imageFromManifest(store, manifest, descriptor, { ...source, indexDigest, tags });
  }
  throw new SourceFormatError(`${store.where}: indexes nest too deeply`);
}

async function imageFromManifest(
  store: BlobStore,
  manifest: ImageManifest,
  descriptor: Descriptor,
  source: Pick<SourceDescription, 'type' | 'reference' | 'tags'> & { indexDigest: string | undefined },
): Promise<OpenedImage> {
  if (!manifest.config?.digest || !Array.isArray(manifest.layers)) {
    throw new SourceFormatError(`manifest ${descriptor.digest} in ${store.where} has no config or layers`);
  }
  const config = await readJsonBlob<ImageConfig>(store, manifest.config, 'config');
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length) {
    throw new SourceFormatError(
      `${store.where}: manifest lists ${manifest.layers.length} layers but the config has ${diffIds.length} diff_ids`,
    );
  }
  const layers: TarLayerHandle[] = manifest.layers.map((layer, index) => {
    if (!LAYER_MEDIA_TYPES.includes(layer.mediaType)) {
      throw new UnsupportedMediaTypeError(
        `${store.where}: layer ${index + 1} has unsupported media type "${layer.mediaType}"`,
      );
    }
    const path = blobPath(layer.digest, `layer ${index + 1} in ${store.where}`);
    return {
      kind: 'tar',
      descriptor: {
        index,
        digest: layer.digest,
        diffId: diffIds[index]!,
        mediaType: layer.mediaType,
        size: layer.size,
      },
      openBlob: () => store.stream(path),
    };
  });
  const description: SourceDescription = {
    type: source.type,
    reference: source.reference,
    manifestDigest: descriptor.digest,
    configDigest: manifest.config.digest,
    manifestMediaType: manifest.mediaType ?? descriptor.mediaType,
  };
  if (source.indexDigest) description.indexDigest = source.indexDigest;
  if (source.tags?.length) description.tags = source.tags;
  return { source: description, config, layers, close: async () => undefined };
}
