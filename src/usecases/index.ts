export { sbomImage } from './sbom-image.js';
export { scanImage, type ScanImageOptions, type ScanImageResult } from './scan-image.js';
export { checkImage, type CheckImageOptions, type CheckImageResult } from './check-image.js';
export { loadCheckBundle, type BundleInput, type LoadedBundle } from './check-bundle.js';
export { diffImages, type DiffImagesOptions, type DiffImagesResult } from './diff-images.js';
export { catalogForBundle } from './bundle-catalog.js';
export { vulnerabilityDataExists } from './vulnerability-store.js';
export type * from './types.js';
