import type { ReportFormat } from '../types.js';

/**
 * The ScanReport as JSON, WITHOUT the embedded `sbom` (it would dwarf the findings; `customs sbom
 * -o json` writes it, and every match carries its package). Fields are only ever added.
 */
export const jsonReport: ReportFormat = {
  name: 'json',
  description: 'Customs native JSON (schema customs-scan/1, without the SBOM)',
  encode: (report) => {
    const { sbom: _sbom, ...rest } = report;
    return JSON.stringify(rest, null, 2) + '\n';
  },
};
