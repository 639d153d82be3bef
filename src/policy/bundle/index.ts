export { loadBundle } from './load-bundle.js';
export { parseBundle } from './parse-bundle.js';
export { readBundle, type ParsedBundle } from './read-bundle.js';
export { readBundleDocument } from './read-document.js';
