export { cyclonedxReport } from './cyclonedx-report.js';
