export { cyclonedxJsonFormat } from './cyclonedx-json-format.js';
export { buildCycloneDxBom, CDX_SPEC_VERSION } from './build-bom.js';
export type { CdxBom, CdxComponent, CdxDependency, CdxLicenseEntry } from './cdx-types.js';
export { licensesFromCdx } from './cdx-licenses.js';
export { readPackageProperties, type NamedValue } from './package-properties.js';
