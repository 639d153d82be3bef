import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (package `chromium`, installed by scripts/ensure-test-tools.mjs). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), and nothing of its own on the network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface HeadlessChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches the real Chromium with a fresh user-data-dir, removed again by `close()`. */
export async function launchChromium(viewport = { width: 1400, height: 900 }): Promise<HeadlessChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'customs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What a page did that a self-contained report must not do. */
export interface PageWatch {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** `securitypolicyviolation` events seen in the page: "directive blocked-uri". */
  cspViolations(): Promise<string[]>;
}

/** Records requests, console errors, uncaught errors and CSP violations of `page` from now on. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch = {
    requests: [] as string[],
    consoleErrors: [] as string[],
    pageErrors: [] as string[],
    async cspViolations(): Promise<string[]> {
      return page.evaluate<string[]>('window.cspViolations');
    },
  };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  await page.addInitScript({
    content: `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return watch;
}
