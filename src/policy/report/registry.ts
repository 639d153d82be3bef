import { encoderRegistry } from '../../encoder/index.js';
import { htmlCheckReport } from './html/index.js';
import { jsonCheckReport } from './json/index.js';
import { junitCheckReport } from './junit/index.js';
import { sarifCheckReport } from './sarif/index.js';
import { tableCheckReport } from './table/index.js';
import type { CheckReportFormat } from './types.js';

/** Every policy evaluation output format, by name (`customs check -o NAME`). */
export const CHECK_REPORT_FORMATS: readonly CheckReportFormat[] = [
  tableCheckReport,
  jsonCheckReport,
  junitCheckReport,
  sarifCheckReport,
  htmlCheckReport,
];

/** The lookup `-o NAME` uses (shared by every kind of output). */
export const CHECK_REPORT_ENCODERS = encoderRegistry(CHECK_REPORT_FORMATS);

export function checkReportFormat(name: string): ReturnType<typeof CHECK_REPORT_ENCODERS.get> {
  return CHECK_REPORT_ENCODERS.get(name);
}
