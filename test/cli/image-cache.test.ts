// The image-level entry of the layer cache: a re-scan of an image seen before with the same
// options is answered from one entry (no layer read, merged or catalogued), and what it prints is
// byte for byte what the first run printed; without that entry the layer entries still serve.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFeeds } from '../../src/vulndb/import/index.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { getTestImages } from '../images/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('customs-image-cache-');
const db = join(dir, 'vulns.db');
const cacheDir = join(dir, 'cache');
const env = { CUSTOMS_CACHE_DIR: cacheDir };
let layout: string;
let image: string;

/** The run's own time is the one thing two runs may print differently. */
const untimed = (json: string): string => json.replace(/"timestamp": ?"[^"]*"/g, '"timestamp":"T"');

function scan(name: string, extra: string[] = []): string {
  const file = join(dir, `${name}.json`);
  const r = runCli(['scan', '-q', image, '--db', db, '-o', `json=${file}`, ...extra], env);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(file, 'utf8');
}

function deleteLayerBlobs(): void {
  const blob = (digest: string): string => join(layout, 'blobs', 'sha256', digest.split(':')[1]!);
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
    manifests: { digest: string }[];
  };
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0]!.digest), 'utf8')) as {
    layers: { digest: string }[];
  };
  for (const layer of manifest.layers) rmSync(blob(layer.digest));
}

beforeAll(async () => {
  const { polyglot } = getTestImages().images;
  layout = join(dir, 'oci');
  cpSync(polyglot.ociDir, layout, { recursive: true });
  image = `oci-dir:${layout}:${polyglot.tag}`;
  const record = join(dir, 'GHSA-test-lodash-0001.json');
  writeFileSync(
    record,
    JSON.stringify({
      schema_version: '1.4.0',
      id: 'GHSA-test-lodash-0001',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'lodash' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '999.0.0' }] }],
        },
      ],
    }),
  );
  const store = openSqliteStore(db);
  try {
    await importFeeds(store, [record], { parsers: FEED_PARSERS, now: new Date('2026-06-01T00:00:00Z') });
  } finally {
    await store.close();
  }
});

describe('the image entry of the layer cache', () => {
  it('a warm scan prints byte for byte what a cold one printed, and reads no layer', () => {
    const uncached = scan('uncached', ['--no-cache']);
    const cold = scan('cold');
    const status = JSON.parse(runCli(['cache', 'status', '--json'], env).stdout) as { images: number };
    expect(status.images).toBe(1);
    deleteLayerBlobs();
    const warm = scan('warm');
    expect((JSON.parse(warm) as { matches: unknown[] }).matches.length).toBeGreaterThan(0);
    expect(untimed(cold)).toBe(untimed(uncached));
    expect(untimed(warm)).toBe(untimed(cold));
    // The warm run really had no layer to read: without the cache the image cannot be read now.
    expect(runCli(['scan', '-q', image, '--db', db, '-o', 'json', '--no-cache'], env).code).toBe(1);
  });

  it('without the image entry (or with it damaged) the layer entries answer, and it is made again', () => {
    const images = (): string[] => readdirSync(cacheDir).filter((f) => f.endsWith('.image'));
    const before = scan('before');
    expect(images()).toHaveLength(1);
    const entry = join(cacheDir, images()[0]!);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(entry, bytes);
    expect(untimed(scan('damaged'))).toBe(untimed(before));
    for (const name of images()) rmSync(join(cacheDir, name));
    expect(untimed(scan('layers-only'))).toBe(untimed(before));
    expect(images()).toHaveLength(1);
    // Another scope is another image entry, made from the same layer entries (no blob is left).
    expect(JSON.parse(scan('all-layers', ['--scope', 'all-layers']))).toHaveProperty('matches');
    expect(images()).toHaveLength(2);
  });
});
