import { describe, expect, it } from 'vitest';
import { UsageError } from '../../errors/index.js';
import { CHECK_REPORT_FORMATS, checkReportFormat } from './registry.js';
import { sampleResult } from './testdata/sample-result.js';

const encode = (name: string, result = sampleResult()): string => checkReportFormat(name).encode(result);

describe('policy report registry', () => {
  it('has the five formats, and names them when asked for another', () => {
    expect(CHECK_REPORT_FORMATS.map((f) => f.name)).toEqual(['table', 'json', 'junit', 'sarif', 'html']);
    expect(() => checkReportFormat('cyclonedx-json')).toThrow(UsageError);
    expect(() => checkReportFormat('xml')).toThrow(/choose from table, json, junit, sarif, html/);
  });
});

describe('json', () => {
  it('is the evaluation result itself', () => {
    const parsed = JSON.parse(encode('json'));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(sampleResult())));
    expect(parsed.findings[2].allowlisted).toEqual({
      allowlistId: 'wl',
      allowlistName: 'accepted',
      itemId: 'w1',
    });
  });
});

describe('table', () => {
  it('lists every finding with Anchore columns, then the verdict and grade', () => {
    const lines = encode('table').split('\n');
    expect(lines[0]).toMatch(
      /^Gate\s+Trigger\s+Trigger_Id\s+Check_Output\s+Gate_Action\s+Allowlisted\s+Policy_Id$/,
    );
    expect(lines[1]).toMatch(/^dockerfile\s+exposed_ports\s+a1b2\s+Port 22 .*\s+stop\s+false\s+pol$/);
    expect(lines[2]).toContain('No HEALTHCHECK instruction');
    expect(lines[3]).toMatch(/\s+go\s+accepted:w1\s+pol$/);
    const text = lines.join('\n');
    expect(text).toContain('Final action: STOP (policy_evaluation); status: fail');
    expect(text).toContain('Grade: C (1 fix missing for 20 days)');
    expect(text).toContain('Problem (warn): allowlist item w9 expired');
  });

  it('says so when nothing fired and no grade was computed', () => {
    const text = encode('table', sampleResult({ findings: [], grade: undefined }));
    expect(text).toMatch(/^No policy findings\n/);
    expect(text).toContain('Grade: not computed');
  });
});

describe('junit', () => {
  it('fails STOP findings and the final action; WARN and allowlisted pass', () => {
    const xml = encode('junit');
    expect(xml).toMatch(/<testsuites name="customs check" tests="4" failures="2"/);
    expect(xml).toContain(
      '<failure message="Port 22 is exposed &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" type="stop">',
    );
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('<system-out>WARN: No HEALTHCHECK');
    expect(xml).toContain('allowlisted by wl:w1 (rule action STOP)');
    expect(xml).toMatch(/name="final action">\s*<failure message="STOP \(policy_evaluation\)/);
  });

  it('a WARN result has no failures', () => {
    const result = sampleResult({ finalAction: 'warn', status: 'pass' });
    result.findings = result.findings.filter((f) => f.action !== 'stop');
    expect(encode('junit', result)).toMatch(/tests="3" failures="0"/);
  });
});

describe('sarif', () => {
  it('has one result per finding not allowlisted, error for STOP and warning for WARN', () => {
    const sarif = JSON.parse(encode('sarif'));
    const results = sarif.runs[0].results as { ruleId: string; level: string }[];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['pol/r1', 'error'],
      ['pol/r2', 'warning'],
    ]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['pol/r1', 'pol/r2']);
    expect(sarif.runs[0].properties.finalAction).toBe('stop');
    expect(sarif.runs[0].properties.grade).toBe(sampleResult().grade?.grade);
    expect(sarif.runs[0].properties.grade).toMatch(/^[A-F]$/);
  });
});

describe('html', () => {
  it('is one self-contained page with everything escaped', () => {
    const html = encode('html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<link|src=/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toContain('<span class="action stop">stop</span> (policy_evaluation)');
    expect(html).toContain('<tr class="allowlisted">');
  });
});
