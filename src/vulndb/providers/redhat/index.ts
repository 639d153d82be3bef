export { redhatCsafParser } from './csaf.js';
