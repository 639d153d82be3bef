import { UsageError } from '../errors/index.js';
import type { Cataloger, CatalogOptions } from '../cataloger/types.js';
import type { Sbom, Scope } from '../model/sbom.js';
import type { ProgressListener } from '../resolver/progress.js';
import { openSource, sbomSourcePath } from '../source/open-source.js';
import type { OpenedImage, SourceOptions } from '../source/types.js';
import {
  decodeImageEntry,
  encodeImageEntry,
  imageCacheKey,
  layerCacheKey,
  readersFingerprint,
  type LayerCache,
} from '../layer-cache/index.js';
import { DEFAULT_MAX_CONTENT_BYTES, DEFAULT_MAX_INSPECT_BYTES } from '../resolver/read-layer.js';
import type { ImageAnalysis } from './image-analysis.js';
import { DISTRO_READER, readerSettings } from './reader-settings.js';
import { customsVersion, programIdentity } from './version.js';

export interface GenerateSbomOptions extends SourceOptions {
  scope?: Scope;
  /** Replace the catalogers entirely (tests); otherwise built from `catalog`. */
  catalogers?: readonly Cataloger[];
  catalog?: CatalogOptions;
  onProgress?: ProgressListener;
  /** Fixed timestamp for reproducible output (tests, golden files). */
  now?: Date;
  /** Cancels the analysis (layer reads mid-entry, between catalogers): CancelledError. */
  signal?: AbortSignal;
  /**
   * Layer indexes kept from earlier analyses: a layer read before by the same catalogers with the
   * same options is taken from here, not read. None by default (the CLI passes its own).
   */
  layerCache?: LayerCache;
  /** Layers read at once (default: DEFAULT_LAYER_CONCURRENCY); the SBOM is the same. */
  layerConcurrency?: number;
}

/**
 * Opens `input` (any source reference), reads it once, and returns its SBOM. An `sbom:FILE`
 * source is read back from the CycloneDX, SPDX or Customs JSON document instead.
 */
export async function generateSbom(input: string, options: GenerateSbomOptions = {}): Promise<Sbom> {
  const sbomFile = sbomSourcePath(input);
  if (sbomFile !== undefined) {
    if (sbomFile === '') throw new UsageError('sbom: needs a file after the colon');
    // The CycloneDX and SPDX readers are loaded only for an sbom: source.
    return (await import('../source/sbom/index.js')).readSbomFile(sbomFile);
  }
  const image = await openSource(input, options);
  try {
    return await sbomOfImage(image, options);
  } finally {
    await image.close();
  }
}

/**
 * The key of `image`'s whole analysis in the layer cache, or undefined when it is not kept: no
 * cache, catalogers given by the caller, an analyzer whose results depend on more than the image
 * (malware signatures), or a layer with no content digest. It names the config digest and every
 * layer's key under the readers' fingerprint. A build's identity is a digest of all its sources,
 * so it already names every cataloger and version; running from the sources (tests), the
 * catalogers are loaded to name them.
 */
async function imageAnalysisKey(
  image: OpenedImage,
  options: GenerateSbomOptions,
): Promise<string | undefined> {
  const catalog = options.catalog ?? {};
  const configDigest = image.source.configDigest;
  if (!options.layerCache || options.catalogers || catalog.malware || !configDigest) return undefined;
  const program = programIdentity();
  const units = program.endsWith('+source')
    ? (await import('../cataloger/registry.js'))
        .createCatalogers(catalog)
        .map((c) => ({ name: c.name, version: c.version }))
    : [];
  const settings = readerSettings(catalog);
  const fingerprint = readersFingerprint({
    units: [DISTRO_READER, ...units],
    maxContentBytes: DEFAULT_MAX_CONTENT_BYTES,
    maxInspectBytes: DEFAULT_MAX_INSPECT_BYTES,
    settings,
    program,
  });
  const layers = [];
  for (const layer of image.layers) {
    const key = layerCacheKey(layer, fingerprint);
    if (key === undefined) return undefined;
    const { digest, diffId, mediaType, size } = layer.descriptor;
    layers.push({ digest, ...(diffId ? { diffId } : {}), mediaType, size, key });
  }
  return imageCacheKey({
    configDigest,
    layers,
    sourceType: image.source.type,
    scope: options.scope ?? 'squashed',
    settings,
  });
}

/** The stored analysis of the image under `key`, with its layers' progress replayed as cached. */
async function cachedAnalysis(
  image: OpenedImage,
  cache: LayerCache,
  key: string,
  options: GenerateSbomOptions,
): Promise<ImageAnalysis | undefined> {
  const stored = await cache.get(key, 'image');
  const analysis = stored ? (decodeImageEntry(stored) as ImageAnalysis | undefined) : undefined;
  if (!analysis || analysis.layers?.length !== image.layers.length) return undefined;
  const onProgress = options.onProgress;
  if (onProgress) {
    const total = image.layers.length;
    onProgress({
      kind: 'source-opened',
      reference: image.source.reference,
      layers: total,
      totalBytes: image.layers.reduce((n, l) => n + l.descriptor.size, 0),
    });
    image.layers.forEach((layer, index) => {
      const { digest, size } = layer.descriptor;
      const { entries, storedBytes, tarBytes } = analysis.layers[index]!;
      onProgress({ kind: 'layer-start', index, total, digest, size });
      onProgress({ kind: 'layer-done', index, total, entries, storedBytes, tarBytes, cached: true });
    });
  }
  return analysis;
}

/**
 * The SBOM of an opened image. With a layer cache, an image analysed before with the same
 * options is answered from its image entry (no layer is read, merged or catalogued, and no
 * cataloger is loaded); otherwise its layers are read (or taken from their own entries) and
 * catalogued, and the analysis is stored for next time.
 */
export async function sbomOfImage(image: OpenedImage, options: GenerateSbomOptions = {}): Promise<Sbom> {
  const scope = options.scope ?? 'squashed';
  const key = await imageAnalysisKey(image, options);
  let analysis = key ? await cachedAnalysis(image, options.layerCache!, key, options) : undefined;
  if (!analysis) {
    analysis = await (await import('./analyse-image.js')).analyseImage(image, options);
    if (key) {
      const encoded = encodeImageEntry(analysis);
      if (encoded) await options.layerCache!.put(key, encoded, 'image');
    }
  }
  options.onProgress?.({ kind: 'done' });
  const descriptors = image.layers.map((l) => l.descriptor);
  const isImage = image.source.type !== 'dir';
  const digest =
    image.source.manifestDigest ?? (isImage ? image.source.configDigest : descriptors[0]?.digest);
  return {
    schema: 'customs-sbom/1',
    descriptor: {
      name: 'customs',
      version: customsVersion(),
      timestamp: (options.now ?? new Date()).toISOString(),
    },
    scope,
    source: {
      type: image.source.type,
      reference: image.source.reference,
      ...(digest ? { digest } : {}),
      ...(image.source.indexDigest ? { indexDigest: image.source.indexDigest } : {}),
      ...(image.source.configDigest ? { configDigest: image.source.configDigest } : {}),
      ...(image.source.tags?.length ? { tags: image.source.tags } : {}),
      layers: descriptors.map((d) => ({
        index: d.index,
        digest: d.digest,
        ...(d.diffId ? { diffId: d.diffId } : {}),
        mediaType: d.mediaType,
        size: d.size,
      })),
    },
    distro: analysis.distro,
    packages: analysis.packages,
    relationships: analysis.relationships,
    image: analysis.image,
    files: analysis.files,
    secrets: analysis.secrets,
    users: analysis.users,
    groups: analysis.groups,
    retrievedFiles: analysis.retrievedFiles,
    contentMatches: analysis.contentMatches,
    malware: analysis.malware,
    ...(analysis.malwareScanned ? { malwareScanned: true } : {}),
    unknowns: analysis.unknowns,
    warnings: [...(image.warnings ?? []), ...analysis.warnings],
  };
}
