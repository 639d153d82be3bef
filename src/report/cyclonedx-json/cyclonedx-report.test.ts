import { describe, expect, it } from 'vitest';
import { cyclonedx16Validator } from '../../format/cyclonedx-json/testdata/cyclonedx-schema.js';
import { sampleReport } from '../testdata/sample-report.js';
import { cyclonedxReport } from './cyclonedx-report.js';

interface Vuln {
  id: string;
  ratings: { method: string; score?: number }[];
  affects: { ref: string }[];
  analysis?: { state: string; justification?: string };
}

describe('cyclonedx-json report', () => {
  const report = sampleReport();
  const doc = JSON.parse(cyclonedxReport.encode(report)) as {
    components: { 'bom-ref': string }[];
    vulnerabilities: Vuln[];
  };

  it('is valid CycloneDX 1.6 (official JSON schema)', () => {
    const validate = cyclonedx16Validator();
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('lists each match with ratings, affecting a component of the same document', () => {
    const refs = new Set(doc.components.map((c) => c['bom-ref']));
    const glibc = doc.vulnerabilities.find((v) => v.id === 'CVE-2023-4911')!;
    expect(glibc.ratings.some((r) => r.method === 'CVSSv31' && r.score === 7.8)).toBe(true);
    for (const v of doc.vulnerabilities) expect(refs.has(v.affects[0]!.ref)).toBe(true);
  });

  it('writes VEX-suppressed matches with their analysis (CycloneDX VEX out)', () => {
    const suppressed = doc.vulnerabilities.find((v) => v.id === 'CVE-2024-0002');
    expect(suppressed?.analysis).toEqual({
      state: 'not_affected',
      justification: 'code_not_reachable',
      detail: 'vulnerable_code_not_in_execute_path',
    });
    expect(doc.vulnerabilities.find((v) => v.id === 'CVE-2023-4911')?.analysis).toBeUndefined();
  });

  it('carries the scan warnings as metadata properties', () => {
    const meta = (doc as unknown as { metadata: { properties: { name: string; value: string }[] } }).metadata;
    expect(meta.properties).toContainEqual({ name: 'customs:warning', value: 'an example warning' });
  });
});
