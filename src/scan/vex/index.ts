export { loadVex, parseVex } from './load-vex.js';
export { statementApplies, type VexStatement, type VexStatus } from './vex-statement.js';
