import { createHash } from 'node:crypto';
import {
  DigestMismatchError,
  RegistryError,
  SourceFormatError,
  SourceNotFoundError,
  UnsupportedMediaTypeError,
} from '../../errors/index.js';
import {
  INDEX_MEDIA_TYPES,
  MANIFEST_MEDIA_TYPES,
  MediaTypes,
  type ImageIndex,
  type ImageManifest,
} from '../oci-types.js';
import type { HttpResponse } from './http-transport.js';
import { retryableFailure } from './network-errors.js';
import { readBodyLimited } from './read-body.js';
import type { RegistryClient } from './registry-client.js';

export const MANIFEST_ACCEPT = [
  MediaTypes.ociIndex,
  MediaTypes.ociManifest,
  MediaTypes.dockerManifestList,
  MediaTypes.dockerManifest,
].join(', ');

const SCHEMA1_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
/** distribution refuses manifests over 4 MiB; a little headroom. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const SUPPORTED_DIGEST_ALGORITHMS = new Set(['sha256', 'sha384', 'sha512']);

export type FetchedManifest =
  | { kind: 'index'; digest: string; mediaType: string; index: ImageIndex }
  | { kind: 'manifest'; digest: string; mediaType: string; manifest: ImageManifest };

/** Digest of `data` with the algorithm of `like` (sha256 by default): `sha256:<hex>`. */
export function digestOf(data: Buffer, like?: string): string {
  const algorithm = like?.slice(0, like.indexOf(':')) || 'sha256';
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

function supportedDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  return colon > 0 && SUPPORTED_DIGEST_ALGORITHMS.has(digest.slice(0, colon));
}

/**
 * Fetches a manifest or index by tag or digest, checks its digest against `expectedDigest` and
 * the `Docker-Content-Digest` header, and classifies it by media type.
 * `what` names it in messages, e.g. `test/app:v1`.
 */
export async function fetchManifest(
  client: RegistryClient,
  tagOrDigest: string,
  what: string,
  expectedDigest?: string,
): Promise<FetchedManifest> {
  const budget = client.budget(`manifest ${what}`);
  let res: HttpResponse;
  let body: Buffer;
  try {
    for (;;) {
      res = await client.get(`manifests/${tagOrDigest}`, { accept: MANIFEST_ACCEPT, budget });
      if (res.status === 404) {
        await res.body.dump();
        throw new SourceNotFoundError(`image ${what} not found in registry ${client.registry}`);
      }
      if (res.status !== 200) {
        await res.body.dump();
        throw new RegistryError(
          'registry-response',
          `registry ${client.registry} answered HTTP ${res.status} for the manifest of ${what}`,
          { status: res.status },
        );
      }
      try {
        body = await readBodyLimited(res.body, MAX_MANIFEST_BYTES, `manifest of ${what}`);
        break;
      } catch (err) {
        if (budget.signal.aborted) throw budget.abortReason();
        const failure =
          err instanceof RegistryError && err.code === 'registry-unreachable'
            ? retryableFailure(err.cause, client.limits)
            : undefined;
        if (!failure) throw err;
        await budget.retry(failure);
      }
    }
  } finally {
    budget.dispose();
  }

  if (expectedDigest !== undefined) {
    const actual = digestOf(body, expectedDigest);
    if (actual !== expectedDigest)
      throw new DigestMismatchError(`manifest of ${what}`, expectedDigest, actual);
  }
  const headerDigest = res.headers['docker-content-digest'];
  if (typeof headerDigest === 'string' && supportedDigest(headerDigest.trim())) {
    const announced = headerDigest.trim();
    const actual = digestOf(body, announced);
    if (actual !== announced) {
      throw new DigestMismatchError(`manifest of ${what} (Docker-Content-Digest)`, announced, actual);
    }
  }
  const digest = expectedDigest ?? digestOf(body);

  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SourceFormatError(`manifest of ${what} is not JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SourceFormatError(`manifest of ${what} is not a JSON object`);
  }
  const doc = json as Record<string, unknown>;
  const contentType = headerMediaType(res.headers['content-type']);
  if (doc['schemaVersion'] === 1) {
    throw new UnsupportedMediaTypeError(
      `manifest of ${what} has unsupported media type ${contentType?.startsWith('application/vnd.docker.distribution.manifest.v1') ? contentType : SCHEMA1_MEDIA_TYPE} (Docker schema 1 manifests are not supported)`,
    );
  }
  const mediaType =
    typeof doc['mediaType'] === 'string' ? doc['mediaType'] : inferMediaType(doc, contentType);
  if (INDEX_MEDIA_TYPES.includes(mediaType)) {
    if (!Array.isArray(doc['manifests']))
      throw new SourceFormatError(`index of ${what} has no manifests list`);
    return { kind: 'index', digest, mediaType, index: json as ImageIndex };
  }
  if (MANIFEST_MEDIA_TYPES.includes(mediaType)) {
    validateManifest(doc, what);
    return { kind: 'manifest', digest, mediaType, manifest: json as ImageManifest };
  }
  throw new UnsupportedMediaTypeError(
    `manifest of ${what} has unsupported media type ${mediaType || '(none)'}`,
  );
}

function headerMediaType(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  return text.split(';')[0]!.trim().toLowerCase();
}

/** For documents without a mediaType field: the Content-Type, or the shape for generic JSON. */
function inferMediaType(doc: Record<string, unknown>, contentType: string | undefined): string {
  if (contentType && contentType !== 'application/json' && contentType !== 'application/octet-stream') {
    return contentType;
  }
  if (Array.isArray(doc['manifests'])) return MediaTypes.ociIndex;
  if (doc['config'] !== undefined && Array.isArray(doc['layers'])) return MediaTypes.ociManifest;
  return contentType ?? '';
}

function isDescriptor(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d['digest'] === 'string' && typeof d['mediaType'] === 'string' && typeof d['size'] === 'number'
  );
}

function validateManifest(doc: Record<string, unknown>, what: string): void {
  if (!isDescriptor(doc['config'])) {
    throw new SourceFormatError(`manifest of ${what} has no valid config descriptor`);
  }
  const layers = doc['layers'];
  if (!Array.isArray(layers) || !layers.every(isDescriptor)) {
    throw new SourceFormatError(`manifest of ${what} has no valid layers list`);
  }
}
