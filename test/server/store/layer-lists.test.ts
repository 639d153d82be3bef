// The layer lists provenance reads (AnalysisStore.layerLists): one short projection row per
// analysed image of the account, written with the SBOM, and written late for an analysis stored
// before the projection existed.
import { afterEach, describe, expect, it } from 'vitest';
import { openDriver, openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { policySbom } from '../../helpers/policy-sbom.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { digestOf } from './fixtures.js';

const { sqlite, postgres } = await serviceStoreBackends();
const T0 = '2026-03-01T10:00:00.000Z';
const id = (c: string): string => `sha256:${c.repeat(64)}`;

/** An SBOM whose layers have these diffIds (undefined: a layer without one, as from a dir source). */
function sbomOn(...diffIds: (string | undefined)[]) {
  return policySbom({
    source: {
      type: 'registry',
      reference: 'r.example/app:1',
      // Stored out of order on purpose: the list comes bottom first, by layer index.
      layers: diffIds
        .map((diffId, index) => ({
          index,
          digest: id(String(index)),
          ...(diffId !== undefined ? { diffId } : {}),
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          size: 1,
        }))
        .reverse(),
    },
  });
}

describe.each([sqlite, ...(postgres ? [postgres] : [])])('layer lists: $name', (backend) => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });

  async function setUp() {
    const options = await backend.freshOptions();
    const store: ServiceStore = await openServiceStore(options);
    opened.push(store);
    const mine = (await store.accounts.create({ name: 'mine', role: 'user' })).id;
    const theirs = (await store.accounts.create({ name: 'theirs', role: 'user' })).id;
    const add = async (accountId: string, digest: string, sbom?: ReturnType<typeof sbomOn>) => {
      await store.images.upsert({ accountId, digest, origin: { kind: 'sbom' }, at: T0 });
      if (sbom) await store.analyses.putSbom(digest, sbom, T0);
    };
    await add(mine, digestOf(1), sbomOn(id('a'), id('B')));
    await add(mine, digestOf(2), sbomOn(id('a'), undefined));
    await add(mine, digestOf(3));
    await add(theirs, digestOf(4), sbomOn(id('c')));
    return { options, store, mine, theirs };
  }

  const sorted = (lists: { digest: string }[]) => [...lists].sort((a, b) => a.digest.localeCompare(b.digest));

  it("lists the account's analysed images whose every diffId is known, bottom first and normalised", async () => {
    const { store, mine, theirs } = await setUp();
    expect(await store.analyses.layerLists(mine)).toEqual([
      { digest: digestOf(1), diffIds: [id('a'), id('b')] },
    ]);
    expect(await store.analyses.layerLists(theirs)).toEqual([{ digest: digestOf(4), diffIds: [id('c')] }]);
  });

  it('reads an analysis stored before the projection from its SBOM once, and writes the projection', async () => {
    const { options, store, mine } = await setUp();
    const driver = openDriver(options);
    opened.push(driver);
    await driver.query(`DELETE FROM analysis_views WHERE view = 'layers'`);
    const count = async () =>
      Number(
        (await driver.query<{ n: number }>(`SELECT COUNT(*) AS n FROM analysis_views WHERE view = 'layers'`))
          .rows[0]!.n,
      );
    expect(await count()).toBe(0);
    expect(sorted(await store.analyses.layerLists(mine))).toEqual([
      { digest: digestOf(1), diffIds: [id('a'), id('b')] },
    ]);
    // Both of the account's analyses now have their projection (the one without diffIds as null).
    expect(await count()).toBe(2);
    expect(await store.analyses.layerLists(mine)).toEqual([
      { digest: digestOf(1), diffIds: [id('a'), id('b')] },
    ]);
  });
});
