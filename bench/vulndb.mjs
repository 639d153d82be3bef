// `npm run bench` part 2: import all of ../shared/data/vulndb into a fresh SQLite database
// (records/s), then match SBOMs against it: the polyglot test image, and a 1,000-package SBOM of
// packages the database knows (every lookup hits records). Skipped when ../shared is absent.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateSbom } from '../dist/sbom/generate-sbom.js';
import { scanSbom } from '../dist/scan/index.js';
import { importFeeds } from '../dist/vulndb/import/index.js';
import { FEED_PARSERS } from '../dist/vulndb/providers/registry.js';
import { openSqliteStore } from '../dist/vulndb/store/sqlite/index.js';

const VULNDB = fileURLToPath(new URL('../../shared/data/vulndb', import.meta.url));

/** A 1,000-package SBOM: npm, PyPI, Go and Debian packages at versions inside known ranges. */
function syntheticSbom(base, size = 1000) {
  const kinds = [
    ['npm', 'lodash', '4.17.11'],
    ['npm', 'minimist', '1.2.0'],
    ['python', 'django', '2.2.0'],
    ['python', 'requests', '2.19.0'],
    ['go', 'golang.org/x/net', 'v0.0.0-20200301022130-244492dfa37a'],
    ['go', 'stdlib', '1.19.8'],
    ['gem', 'rack', '2.0.1'],
    ['rust', 'tokio', '1.0.0'],
  ];
  const packages = [];
  for (let i = 0; packages.length < size; i++) {
    const [type, name, version] = kinds[i % kinds.length];
    packages.push({
      id: `synthetic-${i}`,
      name,
      version,
      type,
      locations: [{ path: `/app/${i}/${name}` }],
      foundBy: 'bench',
    });
  }
  const debs = base.packages.filter((p) => p.type === 'deb');
  return { ...base, packages: [...debs, ...packages].slice(0, size) };
}

export async function vulndbBench(polyglotRef) {
  if (!existsSync(VULNDB)) {
    console.log('\nvulnerability database bench skipped: ../shared/data/vulndb is absent');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'customs-bench-db-'));
  try {
    const store = openSqliteStore(join(dir, 'vulndb.sqlite'));
    const summary = await importFeeds(store, [VULNDB], { parsers: FEED_PARSERS });
    const records = Object.values(summary.records).reduce((a, b) => a + b, 0);
    const rejected = Object.values(summary.rejected).reduce((a, b) => a + b.count, 0);
    console.log(
      `\nimport of ../shared/data/vulndb: ${records} records from ${summary.files} files in ${summary.seconds.toFixed(1)} s = ${Math.round(records / summary.seconds)} records/s (${rejected} rejected, ${summary.skipped} files skipped)`,
    );
    const polyglot = await generateSbom(polyglotRef);
    const rows = [];
    for (const [name, sbom] of [
      ['polyglot image', polyglot],
      ['1,000 packages (synthetic)', syntheticSbom(polyglot)],
    ]) {
      await scanSbom(sbom, store, {}); // warm the statement cache once
      const times = [];
      let matches = 0;
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const report = await scanSbom(sbom, store, {});
        times.push(performance.now() - start);
        matches = report.matches.length;
      }
      times.sort((a, b) => a - b);
      rows.push({
        sbom: name,
        packages: sbom.packages.length,
        matches,
        'match ms (median of 5)': times[2].toFixed(0),
      });
    }
    console.table(rows);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
