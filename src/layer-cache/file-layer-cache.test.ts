import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { defaultLayerCacheDir, FileLayerCache } from './file-layer-cache.js';

const key = (n: number): string => n.toString(16).padStart(64, '0');

describe('FileLayerCache', () => {
  it('gives back what was put, and nothing for a key never put', async () => {
    const cache = new FileLayerCache(join(tempDir(), 'layers'));
    expect(await cache.get(key(1))).toBeUndefined();
    await cache.put(key(1), Buffer.from('one'));
    expect((await cache.get(key(1)))?.toString()).toBe('one');
    expect(await cache.status()).toMatchObject({ entries: 1, bytes: 3 });
  });

  it('evicts the least recently used entries past its size, down to 90%', async () => {
    const dir = tempDir();
    const cache = new FileLayerCache(dir, { maxBytes: 1300 });
    for (let i = 0; i < 4; i++) {
      await cache.put(key(i), Buffer.alloc(300));
      const at = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(join(dir, `${key(i)}.layer`), at, at);
    }
    // Reading entry 0 makes it the most recently used.
    await cache.get(key(0));
    await cache.put(key(9), Buffer.alloc(300)); // 1500 bytes > 1300: evict to <= 1170
    const left = readdirSync(dir).sort();
    expect(left).toEqual([`${key(0)}.layer`, `${key(3)}.layer`, `${key(9)}.layer`]);
  });

  it('concurrent writers of one key leave one whole entry and no partial files', async () => {
    const dir = tempDir();
    const writers = Array.from({ length: 8 }, () => new FileLayerCache(dir));
    await Promise.all(writers.map((w, i) => w.put(key(7), Buffer.alloc(200_000, i))));
    const value = await new FileLayerCache(dir).get(key(7));
    expect(value).toHaveLength(200_000);
    expect(new Set(value)).toHaveProperty('size', 1); // one writer's bytes, not a mix
    expect(readdirSync(dir)).toEqual([`${key(7)}.layer`]);
  });

  it('removes partial files a killed writer left, once they are old', async () => {
    const dir = tempDir();
    const stale = join(dir, `${key(5)}.123.abcd.tmp`);
    const fresh = join(dir, `${key(6)}.124.abcd.tmp`);
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'half');
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stale, old, old);
    await new FileLayerCache(dir).put(key(1), Buffer.from('x'));
    expect(readdirSync(dir).sort()).toEqual([`${key(1)}.layer`, `${key(6)}.124.abcd.tmp`]);
  });

  it('clean removes entries and partials and says how much went', async () => {
    const dir = tempDir();
    const cache = new FileLayerCache(dir);
    await cache.put(key(1), Buffer.alloc(10));
    await cache.put(key(2), Buffer.alloc(20));
    await cache.put(key(4), Buffer.alloc(5), 'image');
    writeFileSync(join(dir, `${key(3)}.9.ff.tmp`), 'x');
    writeFileSync(join(dir, 'not-ours.txt'), 'keep');
    expect(await cache.status()).toMatchObject({ entries: 3, layers: 2, images: 1, bytes: 35 });
    expect(await cache.clean()).toEqual({ entries: 3, layers: 2, images: 1, bytes: 35 });
    expect(readdirSync(dir)).toEqual(['not-ours.txt']);
  });

  it('keeps the two kinds of entry apart under one key', async () => {
    const cache = new FileLayerCache(tempDir());
    await cache.put(key(1), Buffer.from('layer'));
    expect(await cache.get(key(1), 'image')).toBeUndefined();
    await cache.put(key(1), Buffer.from('image'), 'image');
    expect((await cache.get(key(1)))?.toString()).toBe('layer');
    expect((await cache.get(key(1), 'image'))?.toString()).toBe('image');
  });

  it('a cache it cannot write to costs nothing but the store', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const cache = new FileLayerCache(join(file, 'layers')); // a folder under a file
    await expect(cache.put(key(1), Buffer.from('x'))).resolves.toBeUndefined();
    expect(await cache.get(key(1))).toBeUndefined();
  });

  it('lives under CUSTOMS_CACHE_DIR, else the XDG cache home, else ~/.cache', () => {
    expect(defaultLayerCacheDir({ CUSTOMS_CACHE_DIR: '/c' })).toBe('/c');
    expect(defaultLayerCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/customs/layers');
    expect(defaultLayerCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache\/customs\/layers$/);
  });
});
