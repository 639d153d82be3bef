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
export { CATALOGERS } from './cataloger/registry.js';
export { SBOM_FORMATS, sbomFormat } from './format/registry.js';
