// The web UI end to end: `customs serve` (embedded) with the polyglot test image analyzed against
// a real vulnerability database, driven in Debian's headless Chromium. Screenshots of each page
// go to test-artifacts/ui/. No console error may happen on any page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/server/app/start-service.js';
import { openServiceStore } from '../../src/server/store/open-store.js';
import type { ImageSummaryView } from '../../src/server/services/image-summary.js';
import { webAssetsDir } from '../../src/server/web/web-assets.js';
import {
  chromiumInstalled,
  launchChromium,
  watchPage,
  type HeadlessChromium,
  type PageWatch,
} from '../helpers/chromium.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { everyImageBundle } from '../helpers/use-case-fixtures.js';
import { getTestImages } from '../images/index.js';
import { startRegistry, type RunningRegistry } from '../registry/registry-harness.js';
import { pushOci, waitFor } from '../server/workers/worker-fixtures.js';
import { Receiver } from '../server/notifications/receiver.js';
import { seriousAxeViolations } from '../helpers/axe.js';
import { verifySignature } from '../../src/server/notifications/signature.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/ui/', import.meta.url));
const ready = chromiumInstalled();

/** A critical npm lodash advisory, fixed in 4.17.12 (the image has 4.17.11). */
const OSV = {
  schema_version: '1.4.0',
  id: 'GHSA-test-lodash-ui01',
  modified: '2024-01-01T00:00:00Z',
  published: '2019-07-10T00:00:00Z',
  aliases: ['CVE-2019-10744'],
  summary: 'Prototype pollution in lodash (test record)',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  references: [{ type: 'ADVISORY', url: 'https://github.com/advisories/GHSA-jf85-cpcp-j695' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.12' }] }],
    },
  ],
};

/** Debian tracker data for the image's ruby-rack deb: one open low CVE. */
const TRACKER = {
  'ruby-rack': { 'CVE-2099-0002': { releases: { bookworm: { status: 'open', urgency: 'low' } } } },
};

const BUNDLE = {
  ...everyImageBundle(
    [
      {
        id: 'critical',
        gate: 'vulnerabilities',
        trigger: 'package',
        action: 'STOP',
        params: [
          { name: 'package_type', value: 'all' },
          { name: 'severity_comparison', value: '>=' },
          { name: 'severity', value: 'critical' },
        ],
      },
    ],
    'ui bundle',
  ),
  id: 'ui-bundle',
};

const FILLER_IMAGES = 1000;
/** The overview draws this many rows a page (ROWS_PER_PAGE in web/src/pages/overview). */
const ROWS = 50;

/** The chart's canvas is laid out and something was drawn on it (not all transparent). */
async function expectCanvasDrawn(figure: Locator): Promise<void> {
  const canvas = figure.locator('canvas').first();
  await canvas.waitFor();
  // Runs in the page: the canvas's pixels, read back through its 2D context.
  const drawn = await canvas.evaluate((el) => {
    const c = el as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      };
    };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) opaque++;
    return { width: c.width, height: c.height, opaque };
  });
  expect(drawn.width).toBeGreaterThan(300);
  expect(drawn.height).toBeGreaterThan(100);
  expect(drawn.opaque).toBeGreaterThan(100);
}

describe.runIf(ready)('the web UI in headless Chromium', () => {
  const dir = tempDir('customs-ui-');
  const adminKey = `cus_${randomBytes(8).toString('hex')}_${randomBytes(24).toString('base64url')}`;
  const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
  let registry: RunningRegistry;
  let service: RunningService;
  const receiver = new Receiver();
  let browser: HeadlessChromium;
  let page: Page;
  let watch: PageWatch;
  let digest: string;
  let summary: ImageSummaryView;
  const timings: Record<string, number> = {};

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${service.address}${path}`, { headers, ...init });
    expect(res.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
    return res.json() as Promise<Record<string, unknown>>;
  };

  beforeAll(async () => {
    // `npm run build` builds the UI into dist/web; the test fails, never skips, without it.
    expect(webAssetsDir(), 'dist/web (run npm run build)').toBeDefined();
    mkdirSync(ARTIFACTS, { recursive: true });
    registry = await startRegistry();
    const { polyglot } = getTestImages().images;
    const ref = `${registry.host}/ui/polyglot:v1`;
    writeFileSync(join(dir, 'osv.json'), JSON.stringify(OSV));
    writeFileSync(join(dir, 'tracker.json'), JSON.stringify(TRACKER));
    // FIRST's EPSS scores: 42% for the tracker's ruby-rack CVE.
    writeFileSync(
      join(dir, 'epss.csv'),
      '#model_version:v2025.03.14,score_date:2026-01-01T00:00:00+0000\ncve,epss,percentile\nCVE-2099-0002,0.42000,0.97000\n',
    );
    const vulnDb = join(dir, 'vulns.db');
    const [imported] = await Promise.all([
      runCliAsync([
        'db',
        'import',
        join(dir, 'tracker.json'),
        join(dir, 'osv.json'),
        join(dir, 'epss.csv'),
        '--db',
        vulnDb,
      ]),
      pushOci(polyglot.ociDir, polyglot.tag, ref),
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    service = await startService({
      port: 0,
      dataDir: join(dir, 'data'),
      vulnDb,
      insecureRegistries: [registry.host],
      adminKey,
      logger: pino({ level: 'silent' }),
      env: { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64') },
      notifications: { allowedHosts: ['127.0.0.1'] },
    });
    await receiver.start();
    await call('/v1/policies', { method: 'POST', body: JSON.stringify(BUNDLE) });
    await call('/v1/policies/ui-bundle?active=true', { method: 'PUT', body: '{}' });
    digest = String(
      (
        await call('/v1/images', {
          method: 'POST',
          body: JSON.stringify({ source: { tag: { pullstring: ref } } }),
        })
      ).imageDigest,
    );
    // Analyzed, then evaluated with the active bundle and its trend row stored by the worker.
    summary = await waitFor('the analysis, evaluation and trend row', async () => {
      const image = await call(`/v1/images/${digest}`);
      const s = image.summary as ImageSummaryView | undefined;
      return image.analysis_status === 'analyzed' && s?.policy && s.vulnerabilities ? s : undefined;
    });
    // A fleet to list: 1,000 more images of the same account (SBOM-only records).
    const store = await openServiceStore({ sqlitePath: join(dir, 'data', 'customs.db') });
    try {
      const admin = (await store.accounts.byName('admin'))!;
      for (let i = 0; i < FILLER_IMAGES; i++)
        await store.images.upsert({
          accountId: admin.id,
          digest: `sha256:${i.toString(16).padStart(64, '0')}`,
          origin: { kind: 'sbom' },
          tag: {
            registry: 'registry.example',
            repository: `fleet/app-${i % 50}`,
            tag: `v${i}`,
            fullTag: `registry.example/fleet/app-${i % 50}:v${i}`,
          },
          at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        });
    } finally {
      await store.close();
    }
    browser = await launchChromium();
    page = await browser.context.newPage();
    watch = await watchPage(page);
  }, 120_000);

  afterAll(async () => {
    writeFileSync(join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    await browser?.close();
    await service?.close();
    await registry?.stop();
    await receiver.stop();
  });

  it('refuses a wrong key, then logs in with the right one and lists every image', async () => {
    await page.goto(`${service.address}/`);
    await page.getByLabel('API key').fill('cus_wrong_key');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid');
    await shot('login');
    await page.getByLabel('API key').fill(adminKey);
    const all = `${FILLER_IMAGES + 1} of ${FILLER_IMAGES + 1}`;
    const rows = page.locator('table[aria-label="Images"] tbody tr');
    const listed = async () => {
      await page.getByTestId('image-count').filter({ hasText: all }).waitFor();
      await page
        .getByTestId('image-range')
        .filter({ hasText: `1–${ROWS} of ${FILLER_IMAGES + 1}` })
        .waitFor();
      await rows.nth(ROWS - 1).waitFor();
    };
    let started = Date.now();
    await page.getByRole('button', { name: 'Log in' }).click();
    await listed();
    timings.imagesPageAfterLoginMs = Date.now() - started;
    // A fresh navigation to the overview (the key is kept for the tab): page load to the whole
    // list read, counted and its first page of rows drawn.
    started = Date.now();
    await page.reload();
    await listed();
    timings.imagesPageMs = Date.now() - started;
    // Where the time went, as the browser timed it from the navigation: the app asking for the
    // list's first page (script loaded and run), every page in (asked for in parallel).
    const list = await page.evaluate(() => {
      const pages = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/images?'));
      return {
        requests: pages.length,
        firstAskedAt: Math.round(Math.min(...pages.map((e) => e.startTime))),
        allInAt: Math.round(
          Math.max(...pages.map((e) => (e as unknown as { responseEnd: number }).responseEnd)),
        ),
        slowest: Math.round(Math.max(...pages.map((e) => e.duration))),
      };
    });
    timings.imagesListRequests = list.requests;
    timings.imagesListFirstAskedAtMs = list.firstAskedAt;
    timings.imagesListAllInAtMs = list.allInAt;
    timings.imagesListSlowestRequestMs = list.slowest;
    console.log(
      `images page with ${FILLER_IMAGES + 1} images: ${timings.imagesPageMs} ms from navigation to the list rendered (${timings.imagesPageAfterLoginMs} ms after login)`,
    );
    expect(await rows.count()).toBe(ROWS);
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByTestId('image-range')
      .filter({ hasText: `${ROWS + 1}–${2 * ROWS} of` })
      .waitFor();
    expect(await rows.count()).toBe(ROWS);
    await page.getByRole('button', { name: 'Previous' }).click();
    await shot('images');
    await page.getByPlaceholder('Filter by tag or digest').fill('ui/polyglot');
    expect(await rows.count()).toBe(1);
  });

  it("shows the analyzed image's grade, last result and counts, and the fleet's trend chart", async () => {
    const row = page.locator('table[aria-label="Images"] tbody tr').first();
    const cells = row.locator('td');
    // The grade the worker's evaluation stored, one letter A-F.
    expect(summary.grade).toMatch(/^[A-F]$/);
    expect((await cells.nth(1).textContent())?.trim()).toBe(summary.grade);
    // The critical lodash advisory stops the image in the vulnerabilities gate's package trigger.
    expect(await cells.nth(2).textContent()).toBe('STOP fail vulnerabilities/package');
    // One critical (lodash, npm) and one low (ruby-rack, Debian tracker) match; none in KEV.
    expect(await cells.nth(3).getAttribute('aria-label')).toBe('1 critical, 0 high, 0 medium, 1 low');
    expect(await cells.nth(4).textContent()).toBe('0');
    expect(await cells.nth(7).textContent()).not.toBe('—');
    const fleet = page.getByRole('figure', { name: 'All images, last 30 days' });
    expect(await fleet.locator('figcaption').textContent()).toContain(
      'now 1 critical, 0 high, 0 medium, 1 low, 0 KEV',
    );
    await expectCanvasDrawn(fleet);
    await shot('overview-polyglot');
  });

  it('opens an image and filters its vulnerabilities to critical with a fix', async () => {
    await page.getByRole('link', { name: /ui\/polyglot:v1/ }).click();
    await page.getByRole('table', { name: 'Vulnerability matches' }).waitFor();
    await expect.poll(() => page.getByTestId('vuln-count').textContent()).toBe('2 of 2');
    await page.getByLabel('Severity').selectOption('Critical');
    await page.getByLabel('Fix available').check();
    expect(await page.getByTestId('vuln-count').textContent()).toBe('1 of 2');
    const row = page.locator('table[aria-label="Vulnerability matches"] tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('GHSA-test-lodash-ui01');
    expect(await row.first().textContent()).toContain('4.17.12');
    // EPSS: only the tracker's CVE has a score (42%).
    await page.getByLabel('Severity').selectOption({ label: 'Any' });
    await page.getByLabel('Fix available').uncheck();
    await page.getByLabel('EPSS').selectOption({ label: 'at least 10%' });
    expect(await page.getByTestId('vuln-count').textContent()).toBe('1 of 2');
    expect(await row.first().textContent()).toContain('CVE-2099-0002');
    expect(await row.first().textContent()).toContain('42.0%');
    await page.getByLabel('EPSS').selectOption({ label: 'at least 50%' });
    expect(await page.getByTestId('vuln-count').textContent()).toBe('0 of 2');
    await page.getByLabel('EPSS').selectOption({ label: 'Any' });
    await page.getByLabel('Severity').selectOption('Critical');
    await page.getByLabel('Fix available').check();
    expect(await page.getByTestId('vuln-count').textContent()).toBe('1 of 2');
    expect(await row.getByRole('link').getAttribute('href')).toBe(
      'https://github.com/advisories/GHSA-jf85-cpcp-j695',
    );
    await shot('image-vulnerabilities');
    await expectCanvasDrawn(page.getByRole('figure', { name: 'This image over time' }));
  });

  it('shows the policy failure with its gate, trigger and rule', async () => {
    await page.getByRole('link', { name: 'Policy' }).click();
    await page.getByTestId('final-action').waitFor();
    expect(await page.getByTestId('final-action').textContent()).toContain('STOP');
    const stop = page.locator('table[aria-label="Policy findings"] tr.finding-stop');
    expect(await stop.count()).toBe(1);
    const text = await stop.first().textContent();
    expect(text).toContain('vulnerabilities');
    expect(text).toContain('package');
    expect(text).toContain('GHSA-test-lodash-ui01');
    expect(text).toContain('p/critical');
    await shot('image-policy');
    await page.getByRole('link', { name: 'Packages' }).click();
    await page.getByTestId('package-count').waitFor();
    await page.getByLabel('Type').selectOption('npm');
    expect(await page.locator('table[aria-label="Package list"] tbody').textContent()).toContain('lodash');
    await shot('image-packages');
    await page.getByRole('link', { name: 'Layers' }).click();
    await page.locator('ol.layers li').first().waitFor();
    await shot('image-layers');
    await page.getByRole('link', { name: 'Secrets and files' }).click();
    await page.getByRole('heading', { name: 'Files of note' }).waitFor();
    await shot('image-files');
  });

  it('uploads an invalid bundle and shows each problem at its place, then adds a valid one', async () => {
    await page.getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('table', { name: 'Policy bundles' }).waitFor();
    const invalid = structuredClone(BUNDLE) as { id: string; policies: { rules: { params: unknown[] }[] }[] };
    invalid.id = 'broken';
    invalid.policies[0]!.rules[0]!.params[1] = { name: 'severity_comparison', value: 'about' };
    await page.getByLabel('Bundle (Anchore 1_0 JSON)').fill(JSON.stringify(invalid, null, 2));
    await page.getByRole('button', { name: 'Validate' }).click();
    const problems = page.getByTestId('bundle-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('$.policies[0].rules[0].params[1].value');
    await shot('policy-invalid');
    await page.getByRole('button', { name: 'Add' }).click();
    expect(await page.getByRole('table', { name: 'Policy bundles' }).textContent()).not.toContain('broken');
    await page
      .getByLabel('Bundle (Anchore 1_0 JSON)')
      .fill(JSON.stringify({ ...BUNDLE, id: 'second', name: 'second' }));
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Make active' }).waitFor();
    expect(await page.getByRole('table', { name: 'Policy bundles' }).textContent()).toContain('second');
    await shot('policy-added');
  });

  it('allowlists the failing finding with an expiry in the policy editor, and the image then passes', async () => {
    const check = await call(`/v1/images/${digest}/check`);
    const findings = (check.result as { findings: { triggerId: string; action: string }[] }).findings;
    const triggerId = findings.find((f) => f.action === 'stop')!.triggerId;
    await page.goto(`${service.address}/ui/#/policies/ui-bundle`);
    const form = page.getByRole('form', { name: 'Add an allowlist item' });
    await form.getByLabel('Gate').fill('vulnerabilities');
    await form.getByLabel('Trigger id').fill(triggerId);
    await form.getByLabel('Expires on').fill('2099-12-31');
    await form.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('button', { name: `Remove ${triggerId}` }).waitFor();
    expect(await page.getByRole('table', { name: /^Allowlist/ }).textContent()).toContain(
      '2099-12-31T00:00:00Z',
    );
    await shot('policy-allowlist');
    await page.goto(`${service.address}/ui/#/images/${encodeURIComponent(digest)}/policy`);
    await page.getByTestId('final-action').waitFor();
    expect(await page.getByTestId('final-action').textContent()).toContain('GO');
    const row = page.locator('table[aria-label="Policy findings"] tbody tr').first();
    expect(await row.textContent()).toContain('until 2099-12-31T00:00:00Z');
  });

  it('lists the check history with the feed state each result was computed against', async () => {
    const history = (await call(`/v1/images/${digest}/check/history`)) as {
      evaluations: { final_action: string; feed_state: string; policyId: string }[];
    };
    expect(history.evaluations.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: 'History' }).click();
    const rows = page.locator('table[aria-label="Check history"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(history.evaluations.length);
    // Newest first: the GO after the allowlist, and the worker's first STOP last.
    expect(await rows.first().locator('td').first().textContent()).toBe('GO pass');
    const oldest = rows.last().locator('td');
    expect(await oldest.first().textContent()).toBe('STOP fail');
    expect(await oldest.nth(2).textContent()).toBe('ui-bundle');
    expect(await oldest.nth(5).textContent()).toBe('vulnerabilities/package');
    const feed = history.evaluations.at(-1)!.feed_state;
    expect(feed).toMatch(/^scanned \S+ against data synced /);
    expect(await oldest.nth(6).textContent()).toBe(feed);
    await shot('image-history');
  });

  it('shows what changed against the previous digest of the same tag', async () => {
    const { bookworm } = getTestImages().images;
    const ref = `${registry.host}/ui/polyglot:v1`;
    await pushOci(bookworm.ociDir, bookworm.tag, ref);
    const next = String(
      (
        await call('/v1/images', {
          method: 'POST',
          body: JSON.stringify({ source: { tag: { pullstring: ref } } }),
        })
      ).imageDigest,
    );
    expect(next).not.toBe(digest);
    await waitFor('the second analysis', async () =>
      (await call(`/v1/images/${next}`)).analysis_status === 'analyzed' ? true : undefined,
    );
    await page.goto(`${service.address}/ui/#/images/${encodeURIComponent(next)}/diff`);
    const section = page.getByRole('region', { name: 'Changes since the previous digest' });
    await section.waitFor();
    expect(await section.locator('p').first().textContent()).toContain(digest.slice(7, 19));
    expect(await page.getByRole('table', { name: 'Packages removed' }).textContent()).toContain('lodash');
    expect(await page.getByRole('table', { name: 'Vulnerabilities fixed' }).textContent()).toContain(
      'GHSA-test-lodash-ui01',
    );
    await shot('image-changes');
    // Provenance: the polyglot image is built on bookworm's layer, so the two link each other.
    await page.goto(`${service.address}/ui/#/images/${encodeURIComponent(digest)}`);
    const chain = page.getByTestId('base-chain');
    await expect.poll(() => chain.locator(`a[href*="${next.slice(7)}"]`).count()).toBe(1);
    expect(await chain.textContent()).toMatch(/\(1 layers, 1 added\)/);
    await page.goto(`${service.address}/ui/#/images/${encodeURIComponent(next)}`);
    const derived = page.getByTestId('derived');
    await expect.poll(() => derived.locator(`a[href*="${digest.slice(7)}"]`).count()).toBe(1);
    await shot('image-provenance');
  });

  it('lists the events, sends a signed test notification to a new webhook, adds and removes a subscription', async () => {
    await page.getByRole('link', { name: 'Events' }).click();
    const events = page.locator('table[aria-label="Event list"] tbody tr[data-event-type]');
    await expect.poll(() => events.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The analysed image's own events link to its page.
    const links = page.locator(`table[aria-label="Event list"] a[href*="${digest.slice(7)}"]`);
    expect(await links.count()).toBeGreaterThan(0);
    expect(await page.locator('table[aria-label="Event list"]').textContent()).toContain(
      'analyzing → analyzed',
    );
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Name').fill('ui receiver');
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Send a test notification to ui receiver' }).click();
    await expect.poll(() => page.getByTestId('test-result').textContent()).toContain('Delivered');
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const header = got!.headers['customs-signature'];
    expect(verifySignature({ secret, body: got!.body, header: String(header) }).valid).toBe(true);
    expect(verifySignature({ secret: `${secret}x`, body: got!.body, header: String(header) }).valid).toBe(
      false,
    );
    const subscriptions = page.locator('table[aria-label="Subscription list"] tbody tr');
    const sub = page.getByRole('form', { name: 'Add a subscription' });
    await sub.getByLabel('Scope').fill('*');
    await sub.getByRole('button', { name: 'Add subscription' }).click();
    await expect
      .poll(() => subscriptions.getByRole('button', { name: /^Remove subscription/ }).count())
      .toBe(1);
    expect(await subscriptions.first().textContent()).toContain('ui receiver');
    expect((await call('/v1/subscriptions')) as unknown as unknown[]).toHaveLength(1);
    await shot('events');
    await subscriptions.getByRole('button', { name: /^Remove subscription/ }).click();
    await expect
      .poll(() => subscriptions.getByRole('button', { name: /^Remove subscription/ }).count())
      .toBe(0);
    await page.getByRole('button', { name: 'Remove webhook ui receiver' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove webhook ui receiver' }).count()).toBe(0);
  });

  it('meets WCAG 2 AA on every page (axe-core: no serious or critical violation) and the nav is reachable by Tab', async () => {
    const found: Record<string, unknown[]> = {};
    const visit = async (name: string, open: () => Promise<unknown>) => {
      await open();
      const violations = await seriousAxeViolations(page);
      if (violations.length) found[name] = violations;
    };
    await visit('events', async () =>
      page.getByRole('heading', { name: 'Events and notifications' }).waitFor(),
    );
    await visit('images', async () => {
      await page.getByRole('link', { name: 'Images' }).click();
      await page
        .getByRole('link', { name: /ui\/polyglot:v1/ })
        .first()
        .waitFor();
    });
    await visit('image', async () => {
      await page
        .getByRole('link', { name: /ui\/polyglot:v1/ })
        .first()
        .click();
      await page.getByRole('table', { name: 'Vulnerability matches' }).waitFor();
    });
    await visit('policies', async () => {
      await page.getByRole('link', { name: 'Policies', exact: true }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
    });
    expect(found).toEqual({});
    // The check can fail: a button with no name, put on the page on purpose, is reported.
    await page.evaluate("document.querySelector('main').append(document.createElement('button'))");
    expect((await seriousAxeViolations(page)).map((v) => v.id)).toContain('button-name');
    // From the top of the page, Tab reaches every link of the navigation, each with a focus ring.
    const nav = await page.locator('nav a, header a').allTextContents();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < nav.length + 3; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ text: string; outline: string } | null>(
        `(() => { const el = document.activeElement;
          return el ? { text: el.textContent ?? '', outline: getComputedStyle(el).outlineStyle } : null; })()`,
      );
      if (focused && nav.includes(focused.text)) {
        reached.push(focused.text);
        expect(focused.outline, `focus ring on ${focused.text}`).not.toBe('none');
      }
    }
    for (const link of nav) expect(reached).toContain(link);
  });

  it('had no console errors, no uncaught errors and no CSP violations on any page', async () => {
    expect(watch.consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.requests.every((url) => url.startsWith(service.address))).toBe(true);
  });
});
