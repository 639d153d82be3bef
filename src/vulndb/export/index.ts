export { exportBundle, type ExportOptions } from './export-bundle.js';
export { installBundle, isBundle, type InstallOptions } from './install-bundle.js';
export type { BundleManifest } from './bundle-manifest.js';
