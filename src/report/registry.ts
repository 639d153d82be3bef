import { encoderRegistry } from '../encoder/index.js';
import { cyclonedxReport } from './cyclonedx-json/index.js';
import { gitlabReport } from './gitlab/index.js';
import { htmlReport } from './html/index.js';
import { jsonReport } from './json/json-report.js';
import { junitReport } from './junit/index.js';
import { sarifReport } from './sarif/index.js';
import { tableReport } from './table/table-report.js';
import type { ReportFormat } from './types.js';

/** Folders of src/report that hold no format (shared test data). */
export const REPORT_SUPPORT_FOLDERS: readonly string[] = ['testdata'];

/** Every scan report format, by name, in one explicit list (`customs scan -o NAME`). */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  tableReport,
  jsonReport,
  sarifReport,
  cyclonedxReport,
  junitReport,
  gitlabReport,
  htmlReport,
];

/** The lookup `-o NAME` uses (shared by every kind of output). */
export const REPORT_ENCODERS = encoderRegistry(REPORT_FORMATS);

export function reportFormat(name: string): ReturnType<typeof REPORT_ENCODERS.get> {
  return REPORT_ENCODERS.get(name);
}
