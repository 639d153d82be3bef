import type { ScanReport } from './types.js';

/**
 * Why a scan cannot be trusted to pass a gate, or undefined when it can: the database holds no
 * data at all, or none for any package of the image (its distro and ecosystems are all
 * missing). "No vulnerabilities found" from such a scan means "nothing was looked at".
 */
export function coverageGap(report: Pick<ScanReport, 'database' | 'coverage'>): string | undefined {
  const where = report.database.location;
  if (report.database.providers.length === 0) return `the vulnerability database at ${where} holds no data`;
  const coverage = report.coverage;
  if (coverage && coverage.packagesChecked === 0 && coverage.packagesWithoutData > 0) {
    return (
      `the vulnerability database at ${where} holds no data for this image: ` +
      `none of its ${coverage.packagesWithoutData} packages could be checked`
    );
  }
  return undefined;
}
