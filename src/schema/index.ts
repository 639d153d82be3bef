export * from './check-result.js';
export * from './image-metadata.js';
export * from './published.js';
export * from './sbom-parts.js';
export * from './sbom.js';
export * from './scan-report.js';
export * from './vulnerability.js';
