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
  it('lists every finding, failures first, with the rule id, then the verdict and grade', () => {
    const lines = encode('table').split('\n');
    expect(lines[0]).toMatch(/^Action\s+Gate\s+Trigger\s+Rule_Id$/);
    expect(lines[1]).toMatch(/^stop\s+dockerfile\s+exposed_ports\s+r1$/);
    expect(lines[2]).toBe('    Port 22 is exposed <script>alert(1)</script> & more [trigger_id=a1b2]');
    expect(lines[3]).toMatch(/^warn\s+dockerfile\s+instruction\s+r2$/);
    expect(lines[4]).toBe('    No HEALTHCHECK instruction [trigger_id=c3d4]');
    expect(lines[5]).toMatch(/^go\s+vulnerabilities\s+package\s+r3$/);
    expect(lines[6]).toContain('(allowlisted by accepted:w1; the rule says STOP)');
    const text = lines.join('\n');
    expect(text).toContain('Image: docker.io/acme/app:1@sha256:');
    expect(text).toContain('Final action: STOP (policy_evaluation); status: fail');
    expect(text).toContain('Grade: C (1 fix missing for 20 days)');
    expect(text).toContain('Problem (warn): allowlist item w9 expired');
  });

  it('puts STOP before WARN and GO whatever the evaluation order', () => {
    const result = sampleResult();
    result.findings.reverse();
    const actions = encode('table', result)
      .split('\n')
      .map((l) => /^(stop|warn|go)\s/.exec(l)?.[1])
      .filter(Boolean);
    expect(actions).toEqual(['stop', 'warn', 'go']);
  });

  it('fits a 120-column terminal: long ids, paths and messages wrap', () => {
    const long = 'x'.repeat(60);
    const result = sampleResult({
      tag: '*/*:*',
      sourceReference: `/very/long/${long}/path/to/an/oci-layout:app`,
      findings: sampleResult().findings.map((f) => ({
        ...f,
        ruleId: `control-${long}`,
        triggerId: 'f'.repeat(64),
        message: `${f.message} in /usr/lib/${long}/${long}/file.jar and more words ${long}`,
      })),
      grade: { grade: 'F', reason: `${long} ${long} ${long}` },
    });
    const text = encode('table', result);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
    expect(text.replace(/\n\s*/g, '')).toContain(`control-${long}`);
    expect(text).toMatch(/^Image: \/very\/long\/x+/m);
    expect(text.replace(/\n {2}(?! )/g, ' ')).toContain('(unnamed: mappings matched as */*:*)');
    expect(text).not.toContain('Image: */*:*');
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
    expect((html.match(/<script/g) ?? []).length).toBe(1);
    expect(html).not.toMatch(/<link|src=|url\(|@import/);
    expect(html).toMatch(/script-src &#39;sha256-[A-Za-z0-9+/]+=*&#39;; /);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toContain('<span class="action stop">stop</span> (policy_evaluation)');
    expect(html).toContain('<tr class="allowlisted">');
  });

  it('lists the findings failures first whatever the evaluation order', () => {
    const result = sampleResult();
    result.findings.reverse();
    const actions = [
      ...encode('html', result).matchAll(/<tr[^>]*><td data-sort="\d"><span class="action (\w+)">/g),
    ];
    expect(actions.map((m) => m[1])).toEqual(['stop', 'warn', 'go']);
  });

  it('has no table and no script when nothing fired', () => {
    const html = encode('html', sampleResult({ findings: [] }));
    expect(html).toContain('<p>No policy findings.</p>');
    expect(html).not.toMatch(/<script|<table/);
  });
});
