// How many scan rows have no severity, and where the others' came from: the bookworm and polyglot
// test images against real feeds from ../shared/data/vulndb (Debian 12 changelog data, the NVD
// sample, ruby-advisory-db, OSV Go/PyPI, GitHub npm advisories). Runs on dist/, so the same
// script measures any build (an older one without `severitySource` counts as "no source").
// `node bench/severity-sources.mjs`; skipped when ../shared is absent.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSbom } from '../dist/sbom/generate-sbom.js';
import { scanSbom } from '../dist/scan/index.js';
import { importFeeds } from '../dist/vulndb/import/index.js';
import { FEED_PARSERS } from '../dist/vulndb/providers/registry.js';
import { openSqliteStore } from '../dist/vulndb/store/sqlite/index.js';

const VULNDB = fileURLToPath(new URL('../../shared/data/vulndb', import.meta.url));
const FEEDS = ['debian', 'nvd-sample', 'rubysec', 'osv/go', 'osv/pypi', 'osv/npm-ghsa-sample'].map((f) =>
  join(VULNDB, f),
);
const IMAGES = join(process.env.HOME ?? '', '.cache/customs-test/images-v2/images.json');

if (!FEEDS.every((f) => existsSync(f)) || !existsSync(IMAGES)) {
  console.log('severity-sources: skipped (no ../shared/data/vulndb or no test images)');
} else {
  const { images } = JSON.parse(readFileSync(IMAGES, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'customs-bench-severity-'));
  const store = openSqliteStore(join(dir, 'vuln.db'));
  try {
    await importFeeds(store, FEEDS, { parsers: FEED_PARSERS });
    for (const name of ['bookworm', 'polyglot']) {
      const image = images[name];
      const report = await scanSbom(await generateSbom(`oci-dir:${image.ociDir}:${image.tag}`), store);
      const rows = report.matches;
      const unknown = rows.filter((m) => m.vulnerability.severity === 'unknown').length;
      const sources = {};
      for (const m of rows) {
        const source = m.vulnerability.severitySource?.source ?? 'none';
        sources[source] = (sources[source] ?? 0) + 1;
      }
      const share = rows.length ? ((100 * unknown) / rows.length).toFixed(1) : '0.0';
      console.log(
        `${name}: ${rows.length} rows, ${unknown} unknown (${share}%); sources ${JSON.stringify(sources)}`,
      );
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
