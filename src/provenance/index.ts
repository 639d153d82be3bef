export { baseChain, derivedImages } from './base-chain.js';
export { isLayerPrefix, isProperLayerPrefix, normaliseDiffId, sbomDiffIds } from './layer-prefix.js';
export type * from './types.js';
