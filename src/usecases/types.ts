import type { CatalogOptions } from '../cataloger/types.js';
import type { LayerCache } from '../layer-cache/index.js';
import type { Sbom, Scope } from '../model/sbom.js';
import type { ProgressListener } from '../resolver/progress.js';
import type { SourceOptions } from '../source/types.js';
import type { VulnStore } from '../vulndb/store/types.js';

/** An external plugin executable (customs-plugin/1) and the name bundles and messages use for it. */
export interface NamedPlugin {
  name: string;
  path: string;
}

/** What every use case takes: where the image is read from, what to collect, and how to report. */
export interface AnalysisOptions extends SourceOptions {
  scope?: Scope;
  catalog?: CatalogOptions;
  /** Analyzer plugins whose packages and warnings join the SBOM, in order. */
  analyzers?: readonly NamedPlugin[];
  onProgress?: ProgressListener;
  /** Fixed clock (tests, golden files): SBOM timestamp, rule expiry, database age. */
  now?: Date;
  /**
   * Cancels the work within a second wherever it is (a layer stream mid-entry, between
   * catalogers, matching, evaluation, a plugin's process): the call rejects with CancelledError.
   */
  signal?: AbortSignal;
  /** Layer indexes from earlier analyses (FileLayerCache, or a service's store); none by default. */
  layerCache?: LayerCache;
}

/**
 * Vulnerability data: an open store (the caller closes it), or the location of one (a SQLite
 * file or postgres://…) that the use case opens read-only and closes.
 */
export type VulnerabilityData = VulnStore | string;

export interface SbomImageResult {
  sbom: Sbom;
  /** What the analysis could not do or doubts, one sentence each (also in `sbom.warnings`). */
  warnings: string[];
}
