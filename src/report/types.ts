import type { ScanReport } from '../scan/types.js';

/** A scan report output format: one encoder of the one ScanReport model (`customs scan -o NAME`). */
export interface ReportFormat {
  readonly name: string;
  readonly description: string;
  encode(report: ScanReport): string;
}
