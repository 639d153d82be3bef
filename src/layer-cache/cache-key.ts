import { createHash } from 'node:crypto';
import type { LayerHandle } from '../source/types.js';
import type { LayerReaderUnit } from './types.js';

/** Bumped when the stored form of a layer index changes. */
export const LAYER_CACHE_FORMAT = 1;

export interface ReadersIdentity {
  /** Every unit that decides what is kept or inspected, with its version. */
  units: readonly LayerReaderUnit[];
  maxContentBytes: number;
  maxInspectBytes: number;
  /**
   * What else shapes the readers (the user's catalog options, a rules file's text): any string
   * that differs when they read differently.
   */
  settings: string;
  /** The program's own version and build: another build reads layers anew. */
  program: string;
}

/** The part of every key that names the readers: sorted units, limits, settings, program. */
export function readersFingerprint(identity: ReadersIdentity): string {
  const units = [...identity.units].map((u) => `${u.name}@${u.version}`).sort();
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: LAYER_CACHE_FORMAT,
        program: identity.program,
        units,
        limits: [identity.maxContentBytes, identity.maxInspectBytes],
        settings: identity.settings,
      }),
    )
    .digest('hex');
}

/**
 * The cache key of `layer` read by the readers `fingerprint` names: the layer's diff_id (the
 * digest of its uncompressed tar, checked when it was read) or its blob digest, with the readers.
 * Undefined for layers that have no content digest (a `dir:` tree): those are always read.
 */
export function layerCacheKey(layer: LayerHandle, fingerprint: string): string | undefined {
  if (layer.kind !== 'tar') return undefined;
  const id = layer.descriptor.diffId ?? layer.descriptor.digest;
  if (!/^sha(256|384|512):[0-9a-f]+$/.test(id)) return undefined;
  return createHash('sha256').update(`${id}\n${fingerprint}`).digest('hex');
}

/** A stable text of any JSON-like value: object keys sorted at every level. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Bumped when the stored form of an image analysis changes. */
export const IMAGE_CACHE_FORMAT = 1;

export interface ImageIdentity {
  /** The image config's digest (it names every layer's diff_id, the history and the config). */
  configDigest: string;
  /** Every layer as the manifest gives it, with its layer cache key, bottom first. */
  layers: readonly { digest: string; diffId?: string; mediaType: string; size: number; key: string }[];
  sourceType: string;
  scope: string;
  /** What else shapes the analysis beyond the layer keys (the catalog options): any string. */
  settings: string;
}

/**
 * The cache key of a whole image's analysis: its config digest, every layer's cache key (which
 * names the readers), the manifest's view of the layers (blob digests and sizes appear in the
 * image metadata) and the options the catalogers ran with.
 */
export function imageCacheKey(identity: ImageIdentity): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        format: IMAGE_CACHE_FORMAT,
        config: identity.configDigest,
        layers: identity.layers.map((l) => [l.digest, l.diffId ?? null, l.mediaType, l.size, l.key]),
        source: identity.sourceType,
        scope: identity.scope,
        settings: identity.settings,
      }),
    )
    .digest('hex');
}
