export { debianTrackerParser } from './tracker.js';
export { debianDsaParser } from './dsa.js';
