import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import type { FeedItem } from '../model.js';
import type { FeedFile, FeedParser } from '../providers/types.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { importFeeds, UNREADABLE } from './import-feeds.js';
import { makeZip } from './testing/zip-writer.js';

/** A toy format: `TOY <provider>` then one `id package fixed` line per record, `bad …` rejected. */
function toyParser(name: string): FeedParser {
  return {
    name,
    detect: (file: FeedFile) => file.content.toString('utf8').startsWith(`TOY ${name}\n`),
    *parse(file: FeedFile): Iterable<FeedItem> {
      for (const line of file.content.toString('utf8').split('\n').slice(1)) {
        const [id, pkg, fixed] = line.split(' ');
        if (!id) continue;
        if (id === 'bad') {
          yield { kind: 'rejected', location: file.location, reason: `bad line ${pkg ?? ''}` };
          continue;
        }
        if (id === 'throw') throw new Error('parser bug\nsecond line');
        yield {
          kind: 'vulnerability',
          vulnerability: { id, aliases: [], severity: 'low', cvss: [], references: [], provider: name },
          affected: [
            {
              vulnerabilityId: id,
              namespace: 'npm',
              package: pkg!,
              scheme: 'semver',
              ranges: [{ fixed }],
              fixState: 'fixed',
              fixedVersions: [fixed!],
              provider: name,
            },
          ],
        };
      }
    },
  };
}
const parsers = [toyParser('alpha'), toyParser('beta')];

describe('importFeeds', () => {
  const dir = tempDir('customs-import-');

  it('walks folders, zips (also nested and inside folders) and .gz files; skips unclaimed files', async () => {
    const feed = join(dir, 'feed');
    mkdirSync(join(feed, 'sub'), { recursive: true });
    writeFileSync(join(feed, 'README.md'), '# not a feed');
    writeFileSync(join(feed, 'a.toy'), 'TOY alpha\nA-1 left-pad 1.0.0\nbad 7\n');
    writeFileSync(join(feed, 'sub', 'b.toy.gz'), gzipSync('TOY beta\nB-1 lodash 4.17.21\n'));
    const inner = makeZip({ 'deep/c.toy': 'TOY alpha\nA-3 chalk 5.0.0\n' });
    writeFileSync(
      join(feed, 'sub', 'pack.zip'),
      makeZip({ 'x/A-2.toy': 'TOY alpha\nA-2 minimist 1.2.6\n', 'index.json': '[]', 'inner.zip': inner }),
    );
    const store = openSqliteStore(':memory:');
    const progress: number[] = [];
    const summary = await importFeeds(store, [feed], {
      parsers,
      onProgress: (e) => progress.push(e.records),
    });
    expect(summary).toMatchObject({ files: 6, skipped: 2, records: { alpha: 3, beta: 1 } });
    expect(summary.rejected).toEqual({
      alpha: { count: 1, samples: [{ location: join(feed, 'a.toy'), reason: 'bad line 7' }] },
    });
    expect(progress.at(-1)).toBe(4);
    expect((await store.affectedBy('npm', 'chalk'))[0]?.vulnerabilityId).toBe('A-3');
    const status = await store.status();
    expect(status.providers.map((p) => [p.provider, p.vulnerabilities, p.rejected])).toEqual([
      ['alpha', 3, 1],
      ['beta', 1, 0],
    ]);
    await store.close();
  });

  it('counts an unreadable zip or a throwing parser as one rejection, and replaces a provider on re-import', async () => {
    const store = openSqliteStore(':memory:');
    const first = join(dir, 'first.toy');
    writeFileSync(first, 'TOY alpha\nOLD-1 left-pad 1.0.0\n');
    await importFeeds(store, [first], { parsers });
    const corrupt = join(dir, 'corrupt.zip');
    writeFileSync(corrupt, Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const throwing = join(dir, 'throwing.toy');
    writeFileSync(throwing, 'TOY beta\nthrow x y\n');
    const second = join(dir, 'second.toy');
    writeFileSync(second, 'TOY alpha\nNEW-1 left-pad 2.0.0\n');
    const summary = await importFeeds(store, [corrupt, throwing, second], { parsers });
    expect(summary.rejected[UNREADABLE]?.count).toBe(1);
    expect(summary.rejected[UNREADABLE]?.samples[0]?.location).toBe(corrupt);
    expect(summary.rejected.beta).toEqual({
      count: 1,
      samples: [{ location: throwing, reason: 'cannot parse: parser bug' }],
    });
    expect((await store.affectedBy('npm', 'left-pad')).map((a) => a.vulnerabilityId)).toEqual(['NEW-1']);
    await store.close();
  });

  it('writes nothing when nothing was imported, and refuses a missing path before writing', async () => {
    const store = openSqliteStore(':memory:');
    const readme = join(dir, 'README.md');
    writeFileSync(readme, 'hello');
    const summary = await importFeeds(store, [readme], { parsers });
    expect(summary).toMatchObject({ files: 1, skipped: 1, records: {} });
    expect((await store.status()).providers).toEqual([]);
    await expect(importFeeds(store, [readme, join(dir, 'nope')], { parsers })).rejects.toThrow(
      /nope: no such file or directory$/,
    );
    await store.close();
  });
});
