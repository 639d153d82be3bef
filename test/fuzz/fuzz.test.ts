// The short, bounded fuzz pass of the test suite: every target, a few hundred mutated inputs each
// (FUZZ_RUNS), a fixed fast-check seed so that a run is repeatable, and every input kept from an
// earlier failure replayed first. `npm run fuzz` runs the long version (scripts/fuzz.ts).
import { describe, expect, it } from 'vitest';
import { fuzz, regressionInputs, runOne } from './harness.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { FEED_SEEDS } from './targets/feed-seeds.js';
import { fuzzTargets } from './targets/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

describe('fuzzing (short pass)', () => {
  for (const target of fuzzTargets()) {
    it(`${target.name}: no crash, hang or blow-up on ${RUNS} mutated inputs`, async () => {
      for (const kept of regressionInputs(target.name))
        await expect(runOne(target, kept.input, kept.path), kept.file).resolves.toMatch(/ok|refused/);
      const seeds = await target.seeds();
      if (seeds.length === 0) return; // reported by the seeds test below
      const stats = await fuzz(target, { executions: RUNS, seed: 42 });
      expect(stats.failure, JSON.stringify(stats.failure)).toBeUndefined();
      expect(stats.executions).toBe(RUNS);
    }, 300_000);
  }

  it('every target has seeds, and every feed seed is claimed and read by its own parser', async () => {
    const missing: string[] = [];
    for (const target of fuzzTargets()) if ((await target.seeds()).length === 0) missing.push(target.name);
    expect(missing).toEqual([]);
    for (const parser of FEED_PARSERS)
      for (const seed of FEED_SEEDS[parser.name] ?? []) {
        const file = { location: seed.name, name: seed.name, content: Buffer.from(seed.text) };
        expect(FEED_PARSERS.find((p) => p.detect(file))?.name, seed.name).toBe(parser.name);
        const kinds = [];
        for await (const item of parser.parse(file))
          kinds.push(item.kind === 'rejected' ? item.reason : item.kind);
        expect(kinds.length, seed.name).toBeGreaterThan(0);
        expect(
          kinds.every((k) => ['vulnerability', 'epss', 'kev'].includes(k)),
          `${seed.name}: ${kinds.join('; ')}`,
        ).toBe(true);
      }
  });
});
