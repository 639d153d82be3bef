export { junitReport } from './junit-report.js';
