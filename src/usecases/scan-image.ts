import type { Sbom } from '../model/sbom.js';
import { countFailing, scanSbom, type ScanOptions } from '../scan/index.js';
import type { ScanReport } from '../scan/types.js';
import type { Severity } from '../vulndb/model.js';
import { sbomImage } from './sbom-image.js';
import type { AnalysisOptions, VulnerabilityData } from './types.js';
import { requireCoverage, requireVulnerabilityData, withVulnerabilityStore } from './vulnerability-store.js';

export interface ScanImageOptions
  extends
    AnalysisOptions,
    Pick<ScanOptions, 'onlyFixed' | 'ignoreRules' | 'vex' | 'cpe' | 'maxDatabaseAgeDays'> {
  store: VulnerabilityData;
  /**
   * The gate: matches at or above it are counted in `failing`, and vulnerability data that covers
   * none of the image is an error (a gate must not pass on no data).
   */
  failOn?: Severity;
}

export interface ScanImageResult {
  sbom: Sbom;
  scan: ScanReport;
  warnings: string[];
  /** Matches at or above `failOn` that no rule set aside; 0 without `failOn`. */
  failing: number;
}

/**
 * Scans `source` (or a stored SBOM given as `sbom:FILE`): its SBOM, matched against the
 * vulnerability data. Throws VulnerabilityDataError before reading the image when the database is
 * missing, and after matching when a gate is set and the data covers none of the image.
 */
export async function scanImage(source: string, options: ScanImageOptions): Promise<ScanImageResult> {
  const { store, failOn, onlyFixed, ignoreRules, vex, cpe, maxDatabaseAgeDays, ...analysis } = options;
  requireVulnerabilityData(store);
  const { sbom } = await sbomImage(source, analysis);
  const scan = await withVulnerabilityStore(store, (opened) =>
    scanSbom(sbom, opened, {
      ...(onlyFixed !== undefined ? { onlyFixed } : {}),
      ...(ignoreRules ? { ignoreRules } : {}),
      ...(vex ? { vex } : {}),
      ...(cpe !== undefined ? { cpe } : {}),
      ...(maxDatabaseAgeDays !== undefined ? { maxDatabaseAgeDays } : {}),
      ...(analysis.now ? { now: analysis.now } : {}),
      ...(analysis.signal ? { signal: analysis.signal } : {}),
    }),
  );
  if (failOn) requireCoverage(scan);
  return { sbom, scan, warnings: [...scan.warnings], failing: failOn ? countFailing(scan, failOn) : 0 };
}
