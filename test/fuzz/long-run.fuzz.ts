// `npm run fuzz`: the long fuzz run. FUZZ_RUNS inputs per target (default 1,000,000),
// FUZZ_TARGETS=name,name to pick targets, FUZZ_SEED for another fast-check seed. Real feed files
// from ../shared/data/vulndb join the seeds when present. The figures go to
// test-artifacts/fuzz/results.json; a failing input is shrunk and kept under test/fuzz/regressions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzz, type FuzzStats } from './harness.js';
import { fuzzTargets } from './targets/index.js';
import { cleanSbomInput } from './targets/sbom-input.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const WANTED = (process.env.FUZZ_TARGETS ?? '').split(',').filter((t) => t !== '');
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/fuzz', import.meta.url));
const results: FuzzStats[] = [];

/** Written after every target, so that a run stopped part-way keeps what it measured. */
function writeResults(): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'results.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpu: cpus()[0]?.model,
        seed: SEED,
        runs: RUNS,
        results,
      },
      null,
      2,
    ) + '\n',
  );
}

afterAll(() => {
  cleanSbomInput();
  writeResults();
});

describe(`fuzzing (long run: ${RUNS} inputs per target, seed ${SEED})`, () => {
  // In the order FUZZ_TARGETS names them (cheap ones first gets most done in a bounded time).
  const all = fuzzTargets({ shared: true });
  const targets = WANTED.length === 0 ? all : WANTED.flatMap((name) => all.filter((t) => t.name === name));
  for (const target of targets) {
    it(
      target.name,
      async () => {
        if ((await target.seeds()).length === 0) return;
        const stats = await fuzz(target, { executions: RUNS, seed: SEED });
        results.push(stats);
        writeResults();
        expect(stats.failure, JSON.stringify(stats.failure)).toBeUndefined();
      },
      0,
    );
  }
});
