export { sarifReport } from './sarif-report.js';
