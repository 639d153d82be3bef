// Vulnerability feed files through the parser that claims them, every record drained. Each feed
// parser reports a record it cannot use as `rejected` and never throws on bad data. Seeds: small
// files of each format (feed-seeds.ts); when ../shared/data/vulndb is present, also its smallest
// real files (acceptance-level seeds, never required).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FEED_PARSERS } from '../../../src/vulndb/providers/registry.js';
import type { FeedParser } from '../../../src/vulndb/providers/types.js';
import { SHARED_DATA } from '../../helpers/shared-data.js';
import type { FuzzSeed, FuzzTarget } from '../harness.js';
import { FEED_SEEDS } from './feed-seeds.js';

const MAX_SHARED_SEED = 128 * 1024;

function sharedSeeds(parser: FeedParser): FuzzSeed[] {
  const root = join(SHARED_DATA, 'vulndb');
  if (!existsSync(root)) return [];
  const found: FuzzSeed[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 4 || found.length >= 6) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) visit(path, depth + 1);
      else if (info.size > 0 && info.size <= MAX_SHARED_SEED) {
        const content = readFileSync(path);
        if (parser.detect({ location: path, name, content })) found.push({ input: content, path: name });
      }
      if (found.length >= 6) return;
    }
  };
  visit(root, 0);
  return found;
}

async function drain(parser: FeedParser, name: string, content: Buffer): Promise<void> {
  const file = { location: name, name, content };
  for await (const item of parser.parse(file)) void item;
}

/**
 * One target per feed parser. The built-in seeds always; with `shared` (the long `npm run fuzz`
 * only, never the test suite), also real files from ../shared/data/vulndb when it is there.
 */
export function feedTargets(options: { shared: boolean }): FuzzTarget[] {
  return FEED_PARSERS.map((parser) => ({
    name: `feed-${parser.name}`,
    seeds: () => [
      ...(FEED_SEEDS[parser.name] ?? []).map((s) => ({ input: Buffer.from(s.text), path: s.name })),
      ...(options.shared ? sharedSeeds(parser) : []),
    ],
    run: (input: Buffer, path?: string) => drain(parser, path ?? 'feed.json', input),
    refuses: () => false,
  }));
}
