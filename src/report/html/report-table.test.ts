import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape.js';
import { reportTable } from './report-table.js';

describe('report table', () => {
  const html = reportTable(
    'findings',
    [{ label: 'A<b>' }, { label: 'Path', long: true, lines: true }],
    [
      { cells: [{ html: 'stop', sortKey: '0" onclick="x' }, escapeHtml('/a/<b>\n/c')] },
      { cells: ['go', ''], className: 'allowlisted" onmouseover="x' },
    ],
  );

  it('escapes labels, sort keys and row classes', () => {
    expect(html).toContain('<button type="button">A&lt;b&gt;</button>');
    expect(html).toContain('<td data-sort="0&quot; onclick=&quot;x">stop</td>');
    expect(html).toContain('<tr class="allowlisted&quot; onmouseover=&quot;x">');
    expect(html).toContain('<td class="long lines">/a/&lt;b&gt;\n/c</td>');
    expect(html).not.toMatch(/ on\w+="/);
  });

  it('keeps the rows in the order given, with a filter box the script shows and the row count', () => {
    expect(html.indexOf('>stop<')).toBeLessThan(html.indexOf('>go<'));
    expect(html).toContain('<div class="table-tools" id="findings-tools" hidden>');
    expect(html).toContain('<input type="search" id="findings-filter" aria-controls="findings"');
    expect(html).toContain('<output id="findings-count" for="findings-filter">2 rows</output>');
    expect(html).toContain('<table class="report" id="findings">');
  });
});
