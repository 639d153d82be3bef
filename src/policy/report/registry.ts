import { UsageError } from '../../errors/index.js';
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

export function checkReportFormat(name: string): CheckReportFormat {
  const format = CHECK_REPORT_FORMATS.find((f) => f.name === name);
  if (!format) {
    throw new UsageError(
      `unknown output format "${name}" (choose from ${CHECK_REPORT_FORMATS.map((f) => f.name).join(', ')})`,
    );
  }
  return format;
}
