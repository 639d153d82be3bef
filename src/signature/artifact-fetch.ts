import { DigestMismatchError, RegistryError, SourceNotFoundError } from '../errors/index.js';
import type { Descriptor } from '../source/oci-types.js';
import { openBlobStream } from '../source/registry/blob-stream.js';
import { fetchManifest } from '../source/registry/manifest-fetch.js';
import type { RegistryClient } from '../source/registry/registry-client.js';

/** Layers read from one artifact at most: a signature artifact holds a handful. */
export const MAX_ARTIFACT_LAYERS = 64;

/** One layer of a signature or attestation artifact: its bytes, or why they cannot be used. */
export interface ArtifactLayer {
  descriptor: Descriptor;
  bytes?: Buffer;
  problem?: string;
}

export interface FetchedArtifact {
  tag: string;
  layers: ArtifactLayer[];
  /** Layers past MAX_ARTIFACT_LAYERS, not read. */
  skipped: number;
}

/** cosign's tag for the artifact of `digest`: `sha256-<hex>.sig`, `.att`. */
export function artifactTag(digest: string, suffix: 'sig' | 'att'): string {
  return `${digest.replace(':', '-')}.${suffix}`;
}

async function readLayer(
  client: RegistryClient,
  descriptor: Descriptor,
  maxBytes: number,
  what: string,
): Promise<ArtifactLayer> {
  if (typeof descriptor.size !== 'number' || descriptor.size > maxBytes) {
    return { descriptor, problem: `the payload is larger than ${maxBytes} bytes (${descriptor.size})` };
  }
  const label = `payload ${descriptor.digest} of ${what}`;
  try {
    const stream = await openBlobStream(client, {
      digest: descriptor.digest,
      size: descriptor.size,
      label,
      unexpectedStatus: (status) =>
        status === 404
          ? new SourceNotFoundError(`${label} not found in registry ${client.registry}`)
          : new RegistryError(
              'registry-response',
              `registry ${client.registry} answered HTTP ${status} for ${label}`,
              { status },
            ),
    });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { descriptor, bytes: Buffer.concat(chunks) };
  } catch (err) {
    if (err instanceof DigestMismatchError) {
      return { descriptor, problem: 'payload digest does not match its descriptor' };
    }
    if (err instanceof SourceNotFoundError) return { descriptor, problem: 'the payload blob is missing' };
    throw err;
  }
}

/**
 * The artifact tagged `sha256-<hex>.<suffix>` in the client's repository and its layers' bytes
 * (each checked against its descriptor's digest); undefined when there is no such tag.
 */
export async function fetchArtifact(
  client: RegistryClient,
  subject: string,
  suffix: 'sig' | 'att',
  maxLayerBytes: number,
): Promise<FetchedArtifact | undefined> {
  const tag = artifactTag(subject, suffix);
  const what = `${client.repository}:${tag}`;
  let fetched: Awaited<ReturnType<typeof fetchManifest>>;
  try {
    fetched = await fetchManifest(client, tag, what);
  } catch (err) {
    if (err instanceof SourceNotFoundError) return undefined;
    throw err;
  }
  if (fetched.kind !== 'manifest') return { tag, layers: [], skipped: 0 };
  const descriptors = fetched.manifest.layers;
  const layers: ArtifactLayer[] = [];
  for (const descriptor of descriptors.slice(0, MAX_ARTIFACT_LAYERS)) {
    layers.push(await readLayer(client, descriptor, maxLayerBytes, what));
  }
  return { tag, layers, skipped: Math.max(0, descriptors.length - MAX_ARTIFACT_LAYERS) };
}
