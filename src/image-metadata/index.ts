export { buildImageMetadata } from './build-image-metadata.js';
export { instructionFromCreatedBy } from './created-by.js';
export { reconstructDockerfile } from './dockerfile.js';
export { summariseConfig } from './config-summary.js';
export { describeLayers } from './layer-history.js';
