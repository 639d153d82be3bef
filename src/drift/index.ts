export { imageDrift, driftCounts, type DriftInput } from './image-drift.js';
export { diffPackages } from './diff-packages.js';
export { diffFiles } from './diff-files.js';
export { diffConfig } from './diff-config.js';
export { diffVulnerabilities } from './diff-vulnerabilities.js';
export { DIFF_ENCODERS, DIFF_FORMATS } from './format/registry.js';
export * from './types.js';
