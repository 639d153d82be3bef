import { CancelledError, throwIfCancelled } from '../errors/index.js';
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
import { indexImage } from '../resolver/index-image.js';
import type { ImageConfig } from '../source/oci-types.js';
import type { OpenedImage } from '../source/types.js';
import { cachedLayers, readersFingerprint } from '../layer-cache/index.js';
import {
  DEFAULT_MAX_CONTENT_BYTES,
  DEFAULT_MAX_INSPECT_BYTES,
  type LayerIndexCache,
} from '../resolver/index-image.js';
import type { GenerateSbomOptions } from './generate-sbom.js';
import type { ImageAnalysis } from './image-analysis.js';
import { DISTRO_READER, readerSettings } from './reader-settings.js';
import { programIdentity } from './version.js';

function configSecrets(config: ImageConfig, catalog: CatalogOptions): ConfigSecrets {
  if (catalog.secrets?.enabled === false) return { findings: [], redacted: config };
  return findConfigSecrets(config, secretsSetup(catalog));
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
 * Reads every layer of `image` (or takes its index from the layer cache), merges them and runs
 * every cataloger over the result: the SBOM's body. Loaded only when no cached analysis of the
 * whole image answers, so that such a run loads no cataloger.
 */
export async function analyseImage(image: OpenedImage, options: GenerateSbomOptions): Promise<ImageAnalysis> {
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

  const warnings: string[] = [...collected.warnings];
  if (!distro)
    warnings.push('no Linux distribution detected: OS packages cannot be matched against distro data');
  const descriptors = image.layers.map((l) => l.descriptor);
  const isImage = image.source.type !== 'dir';
  // Secrets in the config are findings, and are redacted before anything is made from it.
  const config = isImage ? configSecrets(image.config, options.catalog ?? {}) : undefined;
  if (config) collected.secrets.unshift(...config.findings);
  return {
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
    malwareScanned: collected.malwareScanned,
    unknowns: collected.unknowns,
    warnings,
    layers: files.layers,
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
