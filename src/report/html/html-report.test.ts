import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testdata/sample-report.js';
import { escapeHtml, linkOrText } from './html-escape.js';
import { htmlReport } from './html-report.js';

describe('html report', () => {
  const html = htmlReport.encode(sampleReport());

  it('is a self-contained page: a row per match, highest severity first, no scripts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect((html.match(/<tr><td>/g) ?? []).length).toBe(2);
    expect(html.indexOf('CVE-2023-4911')).toBeLessThan(html.indexOf('CVE-2024-0001'));
    expect(html).not.toMatch(/<script|src="http/);
    expect(html).toContain('an example warning');
  });

  it('escapes text and refuses non-http links', () => {
    expect(escapeHtml('<b a="1">&\'')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;');
    expect(linkOrText('javascript:alert(1)', 'x')).toBe('x');
    expect(linkOrText('https://e.org/?a=1&b=2', 'x')).toBe(
      '<a href="https://e.org/?a=1&amp;b=2" rel="noopener noreferrer">x</a>',
    );
  });
});
