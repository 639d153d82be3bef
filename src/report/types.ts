import type { Encoder } from '../encoder/index.js';
import type { ScanReport } from '../scan/types.js';

/** A scan report output format: one encoder of the one ScanReport model (`customs scan -o NAME`). */
export type ReportFormat = Encoder<ScanReport>;
