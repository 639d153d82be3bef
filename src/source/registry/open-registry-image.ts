import type { Readable } from 'node:stream';
import {
  RegistryError,
  SourceFormatError,
  SourceNotFoundError,
  UnsupportedMediaTypeError,
} from '../../errors/index.js';
import { LAYER_MEDIA_TYPES, type Descriptor, type ImageConfig, type ImageManifest } from '../oci-types.js';
import { DEFAULT_PLATFORM, selectPlatformManifest } from '../platform.js';
import { parseImageReference, registryApiHost, type ImageReference } from '../reference/index.js';
import type { OpenedImage, SourceOptions, TarLayerHandle } from '../types.js';
import { openBlobStream } from './blob-stream.js';
import { fetchManifest } from './manifest-fetch.js';
import { RegistryClient, type RegistryClientOptions } from './registry-client.js';

const MAX_CONFIG_BYTES = 32 * 1024 * 1024;

/**
 * Opens an image from a registry (OCI distribution API): resolves the reference to a manifest
 * (choosing the platform from an index), verifies manifest and config digests, and returns
 * layer handles that stream each blob from the registry when opened.
 */
export async function openRegistryImage(
  reference: string,
  options: SourceOptions & Pick<RegistryClientOptions, 'limits'> = {},
): Promise<OpenedImage> {
  const ref = parseImageReference(reference);
  const client = new RegistryClient(ref.registry, registryApiHost(ref.registry), ref.repository, options);
  try {
    return await openWithClient(reference, ref, client, options);
  } catch (err) {
    await client.close();
    throw err;
  }
}

async function openWithClient(
  reference: string,
  ref: ImageReference,
  client: RegistryClient,
  options: SourceOptions,
): Promise<OpenedImage> {
  const what = ref.digest ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag ?? 'latest'}`;
  const top = await fetchManifest(client, ref.digest ?? ref.tag ?? 'latest', what, ref.digest);

  let manifest: ImageManifest;
  let manifestDigest: string;
  let manifestMediaType: string;
  let indexDigest: string | undefined;
  if (top.kind === 'index') {
    indexDigest = top.digest;
    const chosen = selectPlatformManifest(top.index.manifests, options.platform ?? DEFAULT_PLATFORM, what);
    const childWhat = `${ref.repository}@${chosen.digest}`;
    const child = await fetchManifest(client, chosen.digest, childWhat, chosen.digest);
    if (child.kind !== 'manifest') {
      throw new UnsupportedMediaTypeError(
        `manifest of ${childWhat} chosen from index ${what} is itself an index (${child.mediaType}); nested indexes are not supported`,
      );
    }
    manifest = child.manifest;
    manifestDigest = child.digest;
    manifestMediaType = child.mediaType;
  } else {
    manifest = top.manifest;
    manifestDigest = top.digest;
    manifestMediaType = top.mediaType;
  }

  for (const layer of manifest.layers) {
    if (!LAYER_MEDIA_TYPES.includes(layer.mediaType)) {
      throw new UnsupportedMediaTypeError(
        `layer ${layer.digest} of ${what} has unsupported media type ${layer.mediaType}`,
      );
    }
  }
  const config = await fetchConfig(client, manifest.config, what);
  const diffIds = config.rootfs?.diff_ids ?? [];

  const layers: TarLayerHandle[] = manifest.layers.map((layer, index) => {
    const diffId = diffIds[index];
    return {
      kind: 'tar',
      descriptor: {
        index,
        digest: layer.digest,
        mediaType: layer.mediaType,
        size: layer.size,
        ...(typeof diffId === 'string' ? { diffId } : {}),
      },
      openBlob: () => openLayerBlob(client, layer, what),
      blobVerified: true,
    };
  });

  const repository = `${ref.registry}/${ref.repository}`;
  return {
    source: {
      type: 'registry',
      reference,
      manifestDigest,
      ...(indexDigest !== undefined ? { indexDigest } : {}),
      configDigest: manifest.config.digest,
      manifestMediaType,
      repository,
      tags: ref.tag !== undefined ? [`${repository}:${ref.tag}`] : [],
    },
    config,
    layers,
    close: () => client.close(),
  };
}

async function fetchConfig(
  client: RegistryClient,
  descriptor: Descriptor,
  what: string,
): Promise<ImageConfig> {
  if (descriptor.size > MAX_CONFIG_BYTES) {
    throw new RegistryError(
      'registry-response',
      `config blob of ${what} is larger than ${MAX_CONFIG_BYTES} bytes (${descriptor.size})`,
    );
  }
  const stream = await openBlobStream(client, {
    digest: descriptor.digest,
    size: descriptor.size,
    label: `config blob of ${what}`,
    unexpectedStatus: (status) =>
      status === 404
        ? new SourceNotFoundError(
            `config blob ${descriptor.digest} of ${what} not found in registry ${client.registry}`,
          )
        : new RegistryError(
            'registry-response',
            `registry ${client.registry} answered HTTP ${status} for the config blob of ${what}`,
            { status },
          ),
  });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SourceFormatError(`config blob of ${what} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SourceFormatError(`config blob of ${what} is not a JSON object`);
  }
  return parsed as ImageConfig;
}

function openLayerBlob(client: RegistryClient, layer: Descriptor, what: string): Promise<Readable> {
  return openBlobStream(client, {
    digest: layer.digest,
    size: layer.size,
    label: `layer blob ${layer.digest} of ${what}`,
    unexpectedStatus: (status) =>
      status === 404
        ? new SourceNotFoundError(
            `layer blob ${layer.digest} of ${what} not found in registry ${client.registry}`,
          )
        : new RegistryError(
            'registry-response',
            `registry ${client.registry} answered HTTP ${status} for layer blob ${layer.digest} of ${what}`,
            { status },
          ),
  });
}
