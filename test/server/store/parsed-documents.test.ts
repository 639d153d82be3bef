// The analysis store keeps parsed SBOMs and scans between reads: a later write (from this store
// or another process on the same database) must be seen, and the shared value must be read-only.
import { afterEach, describe, expect, it } from 'vitest';
import { ParsedDocumentCache } from '../../../src/server/store/sql-store/parsed-document-cache.js';
import type { ServiceStore } from '../../../src/server/store/index.js';
import { openServiceStore } from '../../../src/server/store/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { digestOf, sbomWith } from './fixtures.js';

const { sqlite, postgres } = await serviceStoreBackends();

describe.each([sqlite, ...(postgres ? [postgres] : [])])(
  'parsed SBOMs kept between reads: $name',
  (backend) => {
    const stores: ServiceStore[] = [];
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
    });

    it('serves a frozen SBOM, and a newer write from another store on the same database', async () => {
      const options = await backend.freshOptions();
      const a = await openServiceStore(options);
      const b = await openServiceStore(options);
      stores.push(a, b);
      const digest = digestOf(7);
      await a.analyses.putSbom(digest, sbomWith(['one', '1']), '2026-03-01T10:00:00.000Z');
      const first = (await a.analyses.getSbom(digest))!;
      expect(first.packages.map((p) => p.name)).toEqual(['one']);
      expect(await a.analyses.getSbom(digest)).toBe(first); // parsed once
      expect(Object.isFrozen(first.packages[0])).toBe(true);
      expect(() => first.packages.push(first.packages[0]!)).toThrow(TypeError);
      await b.analyses.putSbom(digest, sbomWith(['two', '2']), '2026-03-01T11:00:00.000Z');
      expect((await a.analyses.getSbom(digest))!.packages.map((p) => p.name)).toEqual(['two']);
    });
  },
);

describe('ParsedDocumentCache', () => {
  it('drops the least recently used entries past its text budget, and skips one larger than it', () => {
    const cache = new ParsedDocumentCache<{ n: number }>(100);
    cache.set('a', 's', { n: 1 }, 40);
    cache.set('b', 's', { n: 2 }, 40);
    expect(cache.get('a', 's')).toEqual({ n: 1 }); // a is now the most recent
    cache.set('c', 's', { n: 3 }, 40);
    expect(cache.get('b', 's')).toBeUndefined();
    expect(cache.get('a', 's')).toEqual({ n: 1 });
    expect(cache.get('a', 'other stamp')).toBeUndefined();
    expect(cache.get('a', 's')).toBeUndefined(); // a stale entry is dropped
    expect(cache.set('big', 's', { n: 4 }, 101)).toEqual({ n: 4 });
    expect(cache.get('big', 's')).toBeUndefined();
    expect(cache.get('c', 's')).toEqual({ n: 3 });
  });
});
