export { kevParser } from './kev-parser.js';
