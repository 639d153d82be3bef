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

  it('always has epss and kev on every vulnerability (null when the database has none)', async () => {
    const { sampleReport } = await import('../testdata/sample-report.js');
    const parsed = JSON.parse(jsonReport.encode(sampleReport())) as {
      matches: { vulnerability: { id: string; epss: unknown; kev: unknown } }[];
      ignoredMatches: { vulnerability: { epss: unknown; kev: unknown } }[];
    };
    const glibc = parsed.matches.find((m) => m.vulnerability.id === 'CVE-2023-4911')!;
    expect(glibc.vulnerability.epss).toMatchObject({ score: 0.71 });
    expect(glibc.vulnerability.kev).toMatchObject({ dateAdded: '2023-11-21' });
    const other = parsed.matches.find((m) => m.vulnerability.id === 'CVE-2024-0001')!;
    expect(other.vulnerability).toMatchObject({ epss: null, kev: null });
    expect(parsed.ignoredMatches[0]!.vulnerability).toMatchObject({ epss: null, kev: null });
  });
});
