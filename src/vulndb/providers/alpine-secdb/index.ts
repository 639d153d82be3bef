export { alpineSecdbParser } from './secdb.js';
