export { CHECK_REPORT_FORMATS, checkReportFormat } from './registry.js';
export type { CheckReportFormat } from './types.js';
