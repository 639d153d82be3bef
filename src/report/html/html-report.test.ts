import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testdata/sample-report.js';
import { escapeHtml, linkOrText } from './html-escape.js';
import { cspHash } from './html-page.js';
import { htmlReport } from './html-report.js';

describe('html report', () => {
  const html = htmlReport.encode(sampleReport());

  it('is one page with its own style and script only: a row per match, highest severity first', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect((html.match(/<tr><td /g) ?? []).length).toBe(2);
    expect(html.indexOf('CVE-2023-4911')).toBeLessThan(html.indexOf('CVE-2024-0001'));
    expect((html.match(/<script/g) ?? []).length).toBe(1);
    expect(html).not.toMatch(/<link|src=|url\(|@import/);
    expect(html).toContain('an example warning');
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(html).toContain(`script-src ${escapeHtml(cspHash(script))}`);
  });

  it('sorts by severity whatever the order of the matches, with the rank to sort the column by', () => {
    const report = sampleReport();
    const [high, medium] = report.matches;
    if (!high || !medium) throw new Error('two matches');
    report.matches = [
      { ...medium, vulnerability: { ...medium.vulnerability, severity: 'low', id: 'CVE-LOW' } },
      medium,
      { ...high, vulnerability: { ...high.vulnerability, severity: 'critical', id: 'CVE-CRIT' } },
      high,
    ];
    const rows = htmlReport.encode(report).match(/<tr><td[^>]*data-sort="(\d)"/g) ?? [];
    expect(rows.map((r) => r.slice(-2, -1))).toEqual(['5', '4', '3', '2']);
  });

  it('escapes what the image and the data say', () => {
    const report = sampleReport();
    const [first] = report.matches;
    if (!first) throw new Error('a match');
    report.matches = [
      {
        ...first,
        vulnerability: { ...first.vulnerability, references: ['javascript:alert(1)'] },
        package: {
          ...first.package,
          name: '<img src=x onerror=alert(1)>',
          locations: [{ path: '/x/"><script>alert(2)</script>' }],
        },
      },
    ];
    report.source = { ...report.source, reference: '</title><script>alert(3)</script>' };
    const out = htmlReport.encode(report);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('/x/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(out).toContain('Customs scan of &lt;/title&gt;');
    expect(out).not.toMatch(/<img|javascript:|<script>alert/);
  });

  it('escapes text and refuses non-http links', () => {
    expect(escapeHtml('<b a="1">&\'')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
    expect(linkOrText('javascript:alert(1)', 'x')).toBe('x');
    expect(linkOrText('https://e.org/?a=1&b=2', 'x')).toBe(
      '<a href="https://e.org/?a=1&amp;b=2" rel="noopener noreferrer">x</a>',
    );
  });
});
