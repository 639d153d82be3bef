import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testdata/sample-report.js';
import { gitlabReport } from './gitlab-report.js';

interface GitlabDoc {
  version: string;
  scan: {
    type: string;
    status: string;
    start_time: string;
    scanner: { id: string; vendor: { name: string } };
  };
  vulnerabilities: {
    id: string;
    severity: string;
    identifiers: { type: string; value: string }[];
    location: {
      dependency: { package: { name: string }; version: string };
      operating_system: string;
      image: string;
    };
  }[];
}

describe('gitlab container scanning report', () => {
  const doc = JSON.parse(gitlabReport.encode(sampleReport())) as GitlabDoc;

  it('has the scan header GitLab requires', () => {
    expect(doc.version).toMatch(/^15\.\d+\.\d+$/);
    expect(doc.scan).toMatchObject({ type: 'container_scanning', status: 'success' });
    expect(doc.scan.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('one vulnerability per match with identifiers and an image location', () => {
    expect(doc.vulnerabilities).toHaveLength(2);
    const v = doc.vulnerabilities[0]!;
    expect(v.severity).toBe('High');
    expect(v.identifiers.map((i) => i.value)).toEqual(['CVE-2023-4911', 'DSA-5514-1']);
    expect(v.location.operating_system).toBe('debian 12');
    expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('ids are stable across runs and differ between matches', () => {
    const again = JSON.parse(gitlabReport.encode(sampleReport())) as GitlabDoc;
    expect(again.vulnerabilities.map((v) => v.id)).toEqual(doc.vulnerabilities.map((v) => v.id));
    expect(new Set(doc.vulnerabilities.map((v) => v.id)).size).toBe(2);
  });

  it('carries the scan warnings as scan messages', () => {
    const scan = doc.scan as unknown as { messages: { level: string; value: string }[] };
    expect(scan.messages).toEqual([{ level: 'warn', value: 'an example warning' }]);
  });
});
