import { describe, expect, it } from 'vitest';
import { unitFiles, unitFolders } from '../../../test/helpers/unit-folders.js';
import { FEED_PARSERS, feedParser } from './registry.js';
import type { FeedParser } from './types.js';

function isParser(value: unknown): value is FeedParser {
  const v = value as Partial<FeedParser> | undefined;
  return typeof v?.name === 'string' && typeof v.detect === 'function' && typeof v.parse === 'function';
}

describe('feed parser registry', () => {
  it.each(unitFolders('vulndb/providers'))('registers every parser that %s exports', async (folder) => {
    const url = new URL(`./${folder}/index.ts`, import.meta.url).href;
    const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    const exported = Object.values(module).filter(isParser);
    expect(exported.length).toBeGreaterThan(0);
    for (const parser of exported) expect(FEED_PARSERS).toContain(parser);
  });

  it.each(unitFolders('vulndb/providers'))('%s has an index and tests', (folder) => {
    const files = unitFiles('vulndb/providers', folder);
    expect(files).toContain('index.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(true);
  });

  it('lists each parser once with a unique provider name, OSV (the broadest) last', () => {
    expect(new Set(FEED_PARSERS).size).toBe(FEED_PARSERS.length);
    expect(new Set(FEED_PARSERS.map((p) => p.name)).size).toBe(FEED_PARSERS.length);
    expect(FEED_PARSERS.at(-1)?.name).toBe('osv');
    expect(feedParser('osv')).toBe(FEED_PARSERS.at(-1));
    expect(feedParser('no-such-provider')).toBeUndefined();
  });

  it('no parser claims files that are not feeds', () => {
    const files = [
      {
        location: 'README.md',
        name: 'README.md',
        content: Buffer.from('# Advisories\n\nSee the folders.\n'),
      },
      { location: 'x/index.json', name: 'index.json', content: Buffer.from('["a.json", "b.json"]') },
      { location: 'LICENSE.txt', name: 'LICENSE.txt', content: Buffer.from('Apache License 2.0') },
    ];
    for (const file of files) {
      expect(FEED_PARSERS.filter((p) => p.detect(file)).map((p) => p.name)).toEqual([]);
    }
  });
});
