import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testdata/sample-report.js';
import { sarifReport } from './sarif-report.js';

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; properties: Record<string, unknown> }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
  }[];
}

describe('sarif report', () => {
  const doc = JSON.parse(sarifReport.encode(sampleReport())) as Sarif;
  const run = doc.runs[0]!;

  it('one result per match, each pointing at a rule and a file of the image', () => {
    expect(doc.version).toBe('2.1.0');
    expect(run.results).toHaveLength(2);
    const ruleIds = new Set(run.tool.driver.rules.map((r) => r.id));
    for (const r of run.results) expect(ruleIds.has(r.ruleId)).toBe(true);
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
  });

  it('levels and security-severity follow severity and CVSS', () => {
    const high = run.results.find((r) => r.ruleId.startsWith('CVE-2023-4911'))!;
    expect(high.level).toBe('error');
    expect(high.message.text).toContain('fixed in 2.36-9+deb12u3');
    const rule = run.tool.driver.rules.find((r) => r.id === high.ruleId)!;
    expect(rule.properties['security-severity']).toBe('7.8');
    const medium = run.results.find((r) => r.ruleId.startsWith('CVE-2024-0001'))!;
    expect(medium.level).toBe('warning');
  });

  it('leaves out what was ignored', () => {
    expect(JSON.stringify(doc)).not.toContain('CVE-2024-0002');
  });

  it('carries the scan warnings as tool notifications', () => {
    const notes = (
      doc.runs[0] as unknown as {
        invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
      }
    ).invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => n.message.text)).toEqual(['an example warning']);
  });
});
