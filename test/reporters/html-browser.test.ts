// The HTML scan and check reports in Debian's real Chromium: they fit a 1400 px window, filter
// and sort with their own inline script, list failures first, and fetch nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlCheckReport } from '../../src/policy/report/html/index.js';
import { htmlReport } from '../../src/report/html/index.js';
import {
  chromiumInstalled,
  launchChromium,
  watchPage,
  type HeadlessChromium,
  type PageWatch,
} from '../helpers/chromium.js';
import { largeCheckResult, largeScanReport } from '../helpers/large-reports.js';
import { tempDir } from '../helpers/temp-dir.js';

const WIDTH = 1400;
const scan = largeScanReport();
const check = largeCheckResult();

describe.skipIf(!chromiumInstalled())('html reports in Chromium', () => {
  const dir = tempDir('customs-html-');
  let chromium: HeadlessChromium;
  beforeAll(async () => {
    chromium = await launchChromium({ width: WIDTH, height: 900 });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  async function open(name: string, html: string): Promise<{ page: Page; watch: PageWatch; url: string }> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await chromium.context.newPage();
    const watch = await watchPage(page);
    await page.goto(url, { waitUntil: 'load' });
    return { page, watch, url };
  }

  async function expectQuiet(watch: PageWatch, url: string): Promise<void> {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.requests).toEqual([url]);
  }

  const visibleTexts = (page: Page, table: string, column: number): Promise<string[]> =>
    page.locator(`#${table} tbody tr:visible td:nth-child(${column})`).allTextContents();

  it('scan report: fits 1400 px, most severe first, filters and sorts, fetches nothing', async () => {
    const { page, watch, url } = await open('scan.html', htmlReport.encode(scan));
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTH);
    expect(await page.locator('#matches tbody tr').count()).toBe(300);

    const ranks = await page
      .locator('#matches tbody td:nth-child(1)')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-sort'))));
    expect(ranks[0]).toBe(5);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    await page.fill('#matches-filter', 'libxml2');
    const libxml2 = scan.matches.filter((m) => m.package.name === 'libxml2');
    expect(await visibleTexts(page, 'matches', 3)).toEqual(libxml2.map(() => 'libxml2'));
    expect(await page.locator('#matches-count').textContent()).toBe(`${libxml2.length} of 300 rows`);
    await page.fill('#matches-filter', 'LIBXML2   critical');
    const critical = libxml2.filter((m) => m.vulnerability.severity === 'critical');
    expect(critical.length).toBeGreaterThan(0);
    expect(await visibleTexts(page, 'matches', 1)).toEqual(critical.map(() => 'critical'));
    await page.fill('#matches-filter', '');
    expect(await page.locator('#matches tbody tr:visible').count()).toBe(300);

    await page.getByRole('button', { name: 'Package' }).click();
    const names = scan.matches.map((m) => m.package.name).sort();
    expect(await visibleTexts(page, 'matches', 3)).toEqual(names);
    expect(await page.locator('th[aria-sort=ascending]').textContent()).toMatch(/^Package/);
    await page.getByRole('button', { name: 'Package' }).click();
    expect(await visibleTexts(page, 'matches', 3)).toEqual([...names].reverse());

    await expectQuiet(watch, url);
    await page.close();
  });

  it('check report: fits 1400 px, STOP rows first, filters and sorts, fetches nothing', async () => {
    const { page, watch, url } = await open('check.html', htmlCheckReport.encode(check));
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(WIDTH);
    expect(check.findings[0]?.action).not.toBe('stop');

    const actions = await visibleTexts(page, 'findings', 1);
    expect(actions).toHaveLength(288);
    expect(actions[0]).toBe('stop');
    const stops = check.findings.filter((f) => f.action === 'stop').length;
    const warns = check.findings.filter((f) => f.action === 'warn').length;
    expect(actions.join(',')).toBe(
      [...Array<string>(stops).fill('stop'), ...Array<string>(warns).fill('warn')]
        .concat(Array<string>(288 - stops - warns).fill('go'))
        .join(','),
    );

    await page.fill('#findings-filter', 'libxml2');
    const libxml2 = check.findings.filter((f) => f.triggerId.includes('+libxml2-'));
    expect(await page.locator('#findings tbody tr:visible').count()).toBe(libxml2.length);
    expect(await page.locator('#findings-count').textContent()).toBe(`${libxml2.length} of 288 rows`);
    await page.fill('#findings-filter', '');

    // Rule ids end in a number: they sort as numbers (control-…-9 before control-…-10).
    await page.getByRole('button', { name: 'Policy / rule' }).click();
    const rules = await visibleTexts(page, 'findings', 7);
    expect(rules.map((r) => Number(/-(\d+)$/.exec(r)?.[1]))).toEqual(check.findings.map((_, i) => i));
    await page.getByRole('button', { name: 'Action' }).click();
    await page.getByRole('button', { name: 'Action' }).click();
    expect((await visibleTexts(page, 'findings', 1))[0]).toBe('go');

    await expectQuiet(watch, url);
    await page.close();
  });

  it('a script that is not the one hashed is refused, and the table stays in its order', async () => {
    const html = htmlCheckReport.encode(check).replace('<script>', '<script>\n');
    const { page, watch } = await open('tampered.html', html);
    expect(await watch.cspViolations()).toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
    expect(watch.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    expect(await page.locator('#findings-tools').isVisible()).toBe(false);
    expect((await visibleTexts(page, 'findings', 1))[0]).toBe('stop');
    await page.close();
  });
});
