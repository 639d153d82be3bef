// Provenance on the image routes, both store backends, over small OCI images built in layers and
// analysed by the real SBOM generator (see base-chain-images).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildChainImages,
  CHAIN_REGISTRY as REGISTRY,
  storeChainImage,
  type ChainImage as Built,
} from '../../helpers/base-chain-images.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { apiBackends, bearer, startApi, type ApiHarness } from './api-harness.js';

const backends = await apiBackends();
const root = tempDir('customs-api-provenance-');
const T0 = '2026-03-01T10:00:00.000Z';

let images: Awaited<ReturnType<typeof buildChainImages>>;
let base: Built, baseCopy: Built, runtime: Built, app: Built, other: Built, pending: Built, elsewhere: Built;

beforeAll(async () => {
  images = await buildChainImages(root);
  ({ base, baseCopy, runtime, app, other, pending, elsewhere } = images);
});

const store = (api: ApiHarness, accountId: string, image: Built, analyzed = true) =>
  storeChainImage(api.store, accountId, image, T0, analyzed);

const diffIds = (image: Built): string[] => image.sbom.source.layers.map((l) => l.diffId!);
const named = (image: Built) => ({
  digest: image.digest,
  registry: REGISTRY,
  repository: image.tags[0]!.split(':')[0],
  tags: image.tags.map((t) => `${REGISTRY}/${t}`).sort(),
});
const sortedTags = <T extends { tags: string[] }>(view: T): T => ({ ...view, tags: [...view.tags].sort() });

describe.each(backends)('provenance on the image routes ($name)', (backend) => {
  let api: ApiHarness;
  let headers: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(backend);
    headers = bearer(api.adminKey);
    const admin = (await api.store.accounts.byName('admin'))!.id;
    for (const image of [app, other, base, runtime, baseCopy]) await store(api, admin, image);
    await store(api, admin, pending, false);
    // Another account's image on the same base is never shown to this one.
    const team = (await api.store.accounts.create({ name: 'team', role: 'user' })).id;
    await store(api, team, elsewhere);
    await store(api, team, base);
  });

  afterAll(async () => {
    await api?.close();
  });

  const get = async (url: string) => {
    const res = await api.app.inject({ url, headers });
    return { status: res.statusCode, body: res.json() as Record<string, unknown>, text: res.body };
  };

  it('shows the origin, the chain of bases outermost first with its ties, and the own layers', async () => {
    const { status, body, text } = await get(`/v1/images/${app.digest}`);
    expect(status, text).toBe(200);
    const provenance = body.provenance as {
      tags: string[];
      base_images: { layer_count: number; layers_added: number; images: { tags: string[] }[] }[];
    };
    expect(sortedTags(provenance)).toEqual({
      ...named(app),
      layer_count: 3,
      base_images: [
        {
          layer_count: 1,
          layers_added: 1,
          images: [base, baseCopy].sort((a, b) => (a.digest < b.digest ? -1 : 1)).map(named),
        },
        { layer_count: 2, layers_added: 1, images: [named(runtime)] },
      ],
      own_layers: { first_index: 2, count: 1, diff_ids: [diffIds(app)[2]] },
      same_layers: [],
    });
    for (const level of provenance.base_images)
      for (const image of level.images) expect(image.tags).toEqual([...image.tags].sort());
  });

  it('names an image with the same layers, and gives an image without a known base all its layers', async () => {
    const copy = (await get(`/v1/images/${baseCopy.digest}`)).body.provenance;
    expect(copy).toMatchObject({
      base_images: [],
      own_layers: { first_index: 0, count: 1 },
      same_layers: [named(base)],
    });
    const alone = (await get(`/v1/images/${other.digest}`)).body.provenance;
    expect(alone).toEqual({
      ...named(other),
      layer_count: 1,
      base_images: [],
      own_layers: { first_index: 0, count: 1, diff_ids: diffIds(other) },
      same_layers: [],
    });
  });

  it('has no provenance before the analysis, and no derived list', async () => {
    const { status, body } = await get(`/v1/images/${pending.digest}`);
    expect(status).toBe(200);
    expect(body.analysis_status).toBe('not_analyzed');
    expect('provenance' in body).toBe(false);
    const derived = await get(`/v1/images/${pending.digest}/derived`);
    expect(derived.status).toBe(404);
    expect(derived.text).toContain('not analyzed yet');
    expect((await get(`/v1/images/sha256:${'e'.repeat(64)}/derived`)).status).toBe(404);
  });

  it("lists the images built on a base, fewest layers first, only the account's own", async () => {
    const { status, body, text } = await get(`/v1/images/${base.digest}/derived`);
    expect(status, text).toBe(200);
    expect({
      ...body,
      images: (body.images as { tags: string[] }[]).map(sortedTags),
    }).toEqual({
      imageDigest: base.digest,
      layer_count: 1,
      images: [
        { ...named(runtime), layer_count: 2, layers_added: 1, direct: true },
        { ...named(app), layer_count: 3, layers_added: 2, direct: false },
      ],
      total: 2,
      page: 1,
      limit: 100,
    });
    const direct = (await get(`/v1/images/${base.digest}/derived?direct=true`)).body;
    expect((direct.images as { digest: string }[]).map((i) => i.digest)).toEqual([runtime.digest]);
    expect(direct.total).toBe(1);
    const second = (await get(`/v1/images/${base.digest}/derived?limit=1&page=2`)).body;
    expect((second.images as { digest: string }[]).map((i) => i.digest)).toEqual([app.digest]);
    expect(second.total).toBe(2);
    expect((await get(`/v1/images/${app.digest}/derived`)).body).toMatchObject({ images: [], total: 0 });
  });

  it('documents the derived route and the provenance schema in the OpenAPI document', async () => {
    const doc = (await api.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.paths['/v1/images/{digest}/derived']?.get?.security).toBeDefined();
    const schemas = Object.values(doc.components.schemas);
    expect(schemas.some((s) => s.properties?.base_images && s.properties?.own_layers)).toBe(true);
    expect(schemas.some((s) => s.properties?.imageDigest && s.properties?.provenance)).toBe(true);
  });
});
