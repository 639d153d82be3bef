// `customs image get` and `customs image derived` show the base chain the service recognised,
// against a real API (SQLite store) holding small images built in layers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChainImages, storeChainImage } from '../helpers/base-chain-images.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { serviceStoreBackends } from '../helpers/service-store-backends.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startApi, type ApiHarness } from '../server/api/api-harness.js';

const T0 = '2026-03-01T10:00:00.000Z';

describe('customs image get|derived show provenance', () => {
  let api: ApiHarness;
  let env: NodeJS.ProcessEnv;
  let images: Awaited<ReturnType<typeof buildChainImages>>;
  const cli = (args: string[]) => runCliAsync(args, env);

  beforeAll(async () => {
    images = await buildChainImages(tempDir('customs-cli-provenance-'));
    api = await startApi((await serviceStoreBackends()).sqlite);
    env = {
      CUSTOMS_URL: await api.app.listen({ host: '127.0.0.1', port: 0 }),
      CUSTOMS_API_KEY: api.adminKey,
    };
    const admin = (await api.store.accounts.byName('admin'))!.id;
    for (const image of [images.base, images.runtime, images.app])
      await storeChainImage(api.store, admin, image, T0);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('shows the registry, the bases outermost first and the own layers, by tag as by digest', async () => {
    const byTag = await cli(['image', 'get', '127.0.0.1:5000/app:1']);
    expect(byTag.code, byTag.stderr).toBe(0);
    const rows = byTag.stdout.split('\n');
    expect(rows).toContain('registry  127.0.0.1:5000/app');
    expect(rows).toContain('base 1    127.0.0.1:5000/base:12 (1 layer)');
    expect(rows).toContain('base 2    127.0.0.1:5000/runtime:1 (2 layers, +1)');
    expect(rows).toContain('own       1 layer of 3 (from layer 3)');
    const byDigest = await cli(['image', 'get', images.app.digest, '-o', 'json']);
    const provenance = JSON.parse(byDigest.stdout).provenance;
    expect(provenance.base_images.map((b: { images: { digest: string }[] }) => b.images[0]!.digest)).toEqual([
      images.base.digest,
      images.runtime.digest,
    ]);
  });

  it('lists the images built on a base, --direct keeping the nearest ones', async () => {
    const all = await cli(['image', 'derived', '127.0.0.1:5000/base:12']);
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^DIGEST\s+TAG\s+LAYERS\s+ADDED\s+DIRECT$/);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/))).toEqual([
      [images.runtime.digest, '127.0.0.1:5000/runtime:1', '2', '+1', 'yes'],
      [
        images.app.digest,
        expect.stringMatching(/^127\.0\.0\.1:5000\/app:(1|latest),$/),
        expect.any(String),
        '3',
        '+2',
        'no',
      ],
    ]);
    const direct = await cli(['image', 'derived', images.base.digest, '--direct', '-o', 'json']);
    expect(JSON.parse(direct.stdout).images.map((i: { digest: string }) => i.digest)).toEqual([
      images.runtime.digest,
    ]);
    const none = await cli(['image', 'derived', images.app.digest]);
    expect(none.stdout).toBe('no known image is built on it\n');
  });
});
