import { readFileSync } from 'node:fs';
import { CancelledError, throwIfCancelled, UsageError } from '../errors/index.js';
import { createCatalogers } from '../cataloger/registry.js';
import { findConfigSecrets, secretsSetup, type ConfigSecrets } from '../cataloger/secrets/index.js';
import type { CatalogContext, CatalogOptions, Cataloger } from '../cataloger/types.js';
import type { Inspector } from '../resolver/inspection.js';
import { addFindings, emptyFindings } from './findings.js';
import { linkOwnedPackages } from './ownership.js';
import { symlinkLoops } from './symlink-loops.js';
import { detectDistro, wantsDistroFile } from '../distro/index.js';
import { buildImageMetadata } from '../image-metadata/index.js';
import type { Package } from '../model/package.js';
import type { Sbom, Scope } from '../model/sbom.js';
import { indexImage } from '../resolver/index-image.js';
import type { ProgressListener } from '../resolver/progress.js';
import { openSource, sbomSourcePath } from '../source/open-source.js';
import type { ImageConfig } from '../source/oci-types.js';
import type { OpenedImage, SourceOptions } from '../source/types.js';
import { cachedLayers, readersFingerprint, stableJson, type LayerCache } from '../layer-cache/index.js';
import {
  DEFAULT_MAX_CONTENT_BYTES,
  DEFAULT_MAX_INSPECT_BYTES,
  type LayerIndexCache,
} from '../resolver/index-image.js';
import { customsVersion, programIdentity } from './version.js';

/** The distro detector reads its release files from every layer: a unit of the cache key too. */
const DISTRO_READER = { name: 'distro-release-files', version: 1 };

function configSecrets(config: ImageConfig, catalog: CatalogOptions): ConfigSecrets {
  if (catalog.secrets?.enabled === false) return { findings: [], redacted: config };
  return findConfigSecrets(config, secretsSetup(catalog));
}

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

/** What the options make the catalogers read differently: the options and a rules file's text. */
function readerSettings(catalog: CatalogOptions): string {
  let rules = '';
  const file = catalog.secrets?.rulesFile;
  if (file) {
    try {
      rules = readFileSync(file, 'utf8');
    } catch {
      rules = '(unreadable)';
    }
  }
  return stableJson({ catalog, rules });
}

function layerIndexCache(
  image: OpenedImage,
  catalogers: readonly Cataloger[],
  options: GenerateSbomOptions,
): LayerIndexCache | undefined {
  if (!options.layerCache || catalogers.some((c) => c.cacheable === false)) return undefined;
  const fingerprint = readersFingerprint({
    units: [DISTRO_READER, ...catalogers.map((c) => ({ name: c.name, version: c.version }))],
    maxContentBytes: DEFAULT_MAX_CONTENT_BYTES,
    maxInspectBytes: DEFAULT_MAX_INSPECT_BYTES,
    settings: readerSettings(options.catalog ?? {}),
    program: programIdentity(),
  });
  return cachedLayers(options.layerCache, {
    fingerprint,
    total: image.layers.length,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
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

export async function sbomOfImage(image: OpenedImage, options: GenerateSbomOptions = {}): Promise<Sbom> {
  const scope = options.scope ?? 'squashed';
  const catalogers = options.catalogers ?? createCatalogers(options.catalog ?? {});
  const inspectors = catalogers.filter((c): c is Cataloger & Inspector => !!c.wantsInspect && !!c.inspect);
  const wanted = (path: string): boolean => wantsDistroFile(path) || catalogers.some((c) => c.wants(path));
  const cache = layerIndexCache(image, catalogers, options);
  const files = await indexImage(image, {
    wants: wanted,
    inspectors,
    onProgress: options.onProgress,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(cache ? { cache } : {}),
    ...(options.layerConcurrency !== undefined ? { concurrency: options.layerConcurrency } : {}),
  });
  const distro = detectDistro(files.squashed);
  const collected = emptyFindings();
  const view = scope === 'all-layers' ? files.allLayers : files.squashed;
  for (const cataloger of catalogers) {
    throwIfCancelled(options.signal, 'image analysis');
    options.onProgress?.({ kind: 'cataloging', cataloger: cataloger.name });
    const context: CatalogContext = {
      files: view,
      squashed: files.squashed,
      distro,
      inspections: files.inspections.get(cataloger.name) ?? new Map(),
      packagesSoFar: collected.packages,
      ...(options.signal ? { signal: options.signal } : {}),
    };
    try {
      addFindings(collected, await cataloger.catalog(context));
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      collected.unknowns.push({
        path: '/',
        cataloger: cataloger.name,
        message: `cataloger failed: ${(err as Error).message}`,
      });
    }
  }
  collected.unknowns.push(...symlinkLoops(view, wanted));
  const { packages, relationships } = linkOwnedPackages(collected.packages, collected.relationships);
  options.onProgress?.({ kind: 'done' });

  const warnings: string[] = [...(image.warnings ?? []), ...collected.warnings];
  if (!distro)
    warnings.push('no Linux distribution detected: OS packages cannot be matched against distro data');
  const descriptors = image.layers.map((l) => l.descriptor);
  const isImage = image.source.type !== 'dir';
  // Secrets in the config are findings, and are redacted before anything is made from it.
  const config = isImage ? configSecrets(image.config, options.catalog ?? {}) : undefined;
  if (config) collected.secrets.unshift(...config.findings);
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
    distro,
    packages: sortPackages(packages),
    relationships,
    image: config ? buildImageMetadata(config.redacted, descriptors) : null,
    files: collected.files,
    secrets: collected.secrets,
    users: collected.users,
    groups: collected.groups,
    retrievedFiles: collected.retrievedFiles,
    contentMatches: collected.contentMatches,
    malware: collected.malware,
    ...(collected.malwareScanned ? { malwareScanned: true } : {}),
    unknowns: collected.unknowns,
    warnings,
  };
}

function sortPackages(packages: Package[]): Package[] {
  return [...packages].sort((a, b) =>
    a.type !== b.type
      ? a.type < b.type
        ? -1
        : 1
      : a.name !== b.name
        ? a.name < b.name
          ? -1
          : 1
        : a.version < b.version
          ? -1
          : a.version > b.version
            ? 1
            : 0,
  );
}
