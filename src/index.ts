/** Customs' public library API. The library never prints and never exits. */
export * from './errors/index.js';
export type * from './model/location.js';
export type * from './model/distro.js';
export type * from './model/package.js';
export type * from './model/image.js';
export type * from './model/sbom.js';
export type * from './model/unknown.js';
export type * from './source/types.js';
export type * from './source/oci-types.js';
export type { FileRecord, FileView } from './resolver/file-view.js';
export type { ProgressEvent, ProgressListener } from './resolver/progress.js';
export type { Cataloger, CatalogContext, CatalogResult } from './cataloger/types.js';
export { generateSbom, sbomOfImage, type GenerateSbomOptions } from './sbom/generate-sbom.js';
export { openSource, parseSource } from './source/open-source.js';
export { indexImage, type ImageFiles, type IndexOptions } from './resolver/index-image.js';
export { parsePlatform, DEFAULT_PLATFORM } from './source/platform.js';
export { CATALOGER_NAMES, catalogerNames } from './cataloger/registry.js';
export { SBOM_FORMATS, sbomFormat } from './format/registry.js';
export { VERSION_SCHEMES, versionScheme } from './versioning/registry.js';
export type * from './versioning/types.js';
export type * from './vulndb/model.js';
export type * from './vulndb/store/types.js';
export { openStore, defaultDatabasePath } from './vulndb/default-path.js';
export { importFeeds, type ImportOptions, type ImportSummary } from './vulndb/import/index.js';
export { FEED_PARSERS } from './vulndb/providers/registry.js';
export { syncDatabase, loadSyncConfig } from './vulndb/sync/index.js';
export { scanSbom, failsOn, highestSeverity, loadIgnoreRules, loadVex } from './scan/index.js';
export type * from './scan/types.js';
export { REPORT_FORMATS, reportFormat } from './report/registry.js';
export type * from './policy/types.js';
export type * from './policy/gates/types.js';
export { loadBundle, parseBundle } from './policy/bundle/index.js';
export { evaluateBundle, evaluateWithGates, bundleNeeds } from './policy/evaluate/index.js';
export { GATES, gateByName } from './policy/gates/registry.js';
export { policySpec } from './policy/spec/index.js';
export { healthGrade } from './policy/grade/index.js';
export { CHECK_REPORT_FORMATS, checkReportFormat } from './policy/report/index.js';
export { runPlugin, runAnalyzerPlugin, pluginGate, loadPluginGate } from './plugin/index.js';
export * from './usecases/index.js';
export {
  verifyImageSignatures,
  loadTrustedKeys,
  parseTrustedKey,
  VERIFY_FORMATS,
  verifyReport,
  type KeySource,
  type VerifyImageOptions,
} from './signature/index.js';
export type * from './signature/types.js';
export type { LayerCache, LayerCacheStatus } from './layer-cache/index.js';
export { FileLayerCache, defaultLayerCacheDir, DEFAULT_LAYER_CACHE_BYTES } from './layer-cache/index.js';
/** The TypeBox schemas of the result documents and the inputs (src/schema): JSON Schema, types, checks. */
export * as schemas from './schema/index.js';
export {
  baseChain,
  derivedImages,
  isLayerPrefix,
  isProperLayerPrefix,
  normaliseDiffId,
  sbomDiffIds,
} from './provenance/index.js';
export type * from './provenance/types.js';
