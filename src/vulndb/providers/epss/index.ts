export { epssParser } from './epss-parser.js';
