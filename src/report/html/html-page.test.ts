import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, htmlPage } from './html-page.js';
import { PAGE_STYLE } from './page-style.js';
import { TABLE_SCRIPT } from './table-script.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

/** The CSP meta's policy and the exact text of the page's inline style and script. */
function partsOf(html: string): { csp: string; style: string; script: string | undefined } {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  if (csp === undefined || style === undefined) throw new Error('no CSP meta or style');
  return { csp: csp.replace(/&#39;/g, "'"), style, script: /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] };
}

describe('html page', () => {
  it('allows its inline style and script by their sha256 and nothing else, never unsafe-inline', () => {
    const html = htmlPage({ title: 't', style: 'p{color:red}', body: '<p>x</p>', script: 'void 0;' });
    const { csp, style, script } = partsOf(html);
    expect(csp).toBe(
      `default-src 'none'; style-src 'sha256-${sha256(style)}'; script-src 'sha256-${sha256(script ?? '')}'; base-uri 'none'; form-action 'none'`,
    );
    expect(csp).not.toContain('unsafe');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it("says script-src 'none' for a page without script", () => {
    const html = htmlPage({ title: 't', style: 'p{}', body: '' });
    expect(html).not.toContain('<script');
    expect(partsOf(html).csp).toContain("script-src 'none'");
    expect(contentSecurityPolicy('p{}')).toContain(`style-src ${cspHash('p{}')}`);
  });

  it('escapes the title; the shared style and script cannot end their element early', () => {
    const html = htmlPage({ title: '</title><script>alert(1)</script>', style: 'p{}', body: '' });
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).not.toContain('<script>');
    for (const text of [PAGE_STYLE, TABLE_SCRIPT]) expect(text).not.toContain('</');
  });
});
