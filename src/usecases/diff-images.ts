import { imageDrift } from '../drift/image-drift.js';
import type { ImageDrift } from '../drift/types.js';
import { scanSbom } from '../scan/index.js';
import { sbomImage } from './sbom-image.js';
import type { AnalysisOptions, VulnerabilityData } from './types.js';
import { vulnerabilityDataExists, withVulnerabilityStore } from './vulnerability-store.js';

export interface DiffImagesOptions extends AnalysisOptions {
  /** Vulnerability data to compare the images' vulnerabilities with; none: packages, files, config only. */
  store?: VulnerabilityData;
}

export interface DiffImagesResult {
  drift: ImageDrift;
  warnings: string[];
}

/**
 * What changed from image `before` to image `after` (any two sources `sbomImage` reads):
 * packages, every file (with its digest), the configuration, and the vulnerabilities introduced
 * and fixed when vulnerability data is given and there. Each image is read once; the layers the
 * two share come from the layer cache when one is given.
 */
export async function diffImages(
  before: string,
  after: string,
  options: DiffImagesOptions = {},
): Promise<DiffImagesResult> {
  const { store, ...analysis } = options;
  const catalog = { ...analysis.catalog, files: 'all' as const, fileDigests: true };
  const a = await sbomImage(before, { ...analysis, catalog });
  const b = await sbomImage(after, { ...analysis, catalog });
  const warnings = [...a.warnings.map((w) => `before: ${w}`), ...b.warnings.map((w) => `after: ${w}`)];
  if (store === undefined || !vulnerabilityDataExists(store)) {
    if (store !== undefined)
      warnings.push(`no vulnerability database at ${store as string}: vulnerabilities were not compared`);
    return { drift: imageDrift({ sbom: a.sbom }, { sbom: b.sbom }), warnings };
  }
  const scanOptions = {
    ...(analysis.now ? { now: analysis.now } : {}),
    ...(analysis.signal ? { signal: analysis.signal } : {}),
  };
  const [scanA, scanB] = await withVulnerabilityStore(store, async (opened) => [
    await scanSbom(a.sbom, opened, scanOptions),
    await scanSbom(b.sbom, opened, scanOptions),
  ]);
  return {
    drift: imageDrift({ sbom: a.sbom, matches: scanA!.matches }, { sbom: b.sbom, matches: scanB!.matches }),
    warnings,
  };
}
