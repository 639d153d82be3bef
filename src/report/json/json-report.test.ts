import { describe, expect, it } from 'vitest';
import { pkg, sbomWith } from '../../../test/helpers/memory-vuln-store.js';
import type { ScanReport } from '../../scan/types.js';
import { jsonReport } from './json-report.js';

describe('json report', () => {
  it('is the ScanReport without the embedded SBOM', () => {
    const sbom = sbomWith([pkg('npm', 'lodash', '4.17.11')], null);
    const report = {
      schema: 'customs-scan/1',
      matches: [],
      ignoredMatches: [],
      warnings: ['w'],
      sbom,
    } as unknown as ScanReport;
    const parsed = JSON.parse(jsonReport.encode(report)) as Record<string, unknown>;
    expect(parsed).toEqual({ schema: 'customs-scan/1', matches: [], ignoredMatches: [], warnings: ['w'] });
    expect(jsonReport.encode(report).endsWith('}\n')).toBe(true);
  });
});
