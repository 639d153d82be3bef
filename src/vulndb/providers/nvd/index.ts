export { nvdParser } from './nvd-parser.js';
