// The fuzz harness: mutated seeds through one parser, counting clean refusals (typed errors) and
// failing on anything else: an uncaught exception of another kind, an input that takes longer
// than the time limit, or a process that grows past the memory limit. A failing input is shrunk
// by fast-check and written under test/fuzz/regressions/<target>/ to be replayed for ever.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CustomsError } from '../../src/errors/index.js';
import { mutate, mutationArb } from './mutations.js';

/** One seed: bytes, and where they sit (the path a cataloger is offered them under). */
export interface FuzzSeed {
  input: Buffer;
  path?: string;
}

export interface FuzzTarget {
  /** Folder-safe name: `cataloger-dpkg`, `tar-layer`, `feed-osv`. */
  name: string;
  /** Inputs in the format the parser reads (real files where there are any). */
  seeds(): FuzzSeed[] | Promise<FuzzSeed[]>;
  /** Parses one input completely. */
  run(input: Buffer, path?: string): unknown;
  /** Errors that are a clean refusal; default: CustomsError (one actionable line). */
  refuses?(err: unknown): boolean;
}

export interface FuzzLimits {
  executions: number;
  /** Per input; default 5 s. */
  timeLimitMs?: number;
  /** Resident set size of the whole process; default 1 GiB. */
  rssLimitBytes?: number;
  /** fast-check seed, for a reproducible run. */
  seed?: number;
}

export interface FuzzFailure {
  reason: string;
  /** Where the shrunk input was written. */
  file: string;
}

export interface FuzzStats {
  target: string;
  seeds: number;
  executions: number;
  refused: number;
  slowestMs: number;
  peakRssMiB: number;
  executionsPerSecond: number;
  failure?: FuzzFailure;
}

export const REGRESSIONS_DIR = fileURLToPath(new URL('./regressions', import.meta.url));

const isCleanRefusal = (err: unknown): boolean => err instanceof CustomsError;

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return String(err).slice(0, 300);
}

/** Runs one input; resolves to 'ok' or 'refused', throws a described failure. */
export async function runOne(
  target: FuzzTarget,
  input: Buffer,
  path: string | undefined,
  timeLimitMs = 5_000,
): Promise<'ok' | 'refused'> {
  const start = performance.now();
  let outcome: 'ok' | 'refused' = 'ok';
  try {
    await target.run(input, path);
  } catch (err) {
    if (!(target.refuses ?? isCleanRefusal)(err)) throw new Error(`uncaught ${describe(err)}`);
    outcome = 'refused';
  }
  const took = performance.now() - start;
  if (took > timeLimitMs) throw new Error(`took ${Math.round(took)} ms (limit ${timeLimitMs} ms)`);
  return outcome;
}

/** The inputs kept from earlier failures of this target. */
export function regressionInputs(target: string): { file: string; input: Buffer; path?: string }[] {
  const dir = join(REGRESSIONS_DIR, target);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.bin'));
  } catch {
    return [];
  }
  return names.sort().map((name) => {
    const file = join(dir, name);
    const about = JSON.parse(readFileSync(file.replace(/\.bin$/, '.json'), 'utf8')) as { path?: string };
    return { file, input: readFileSync(file), ...(about.path !== undefined ? { path: about.path } : {}) };
  });
}

function keepFailure(target: string, input: Buffer, path: string | undefined, reason: string): string {
  const dir = join(REGRESSIONS_DIR, target);
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha256').update(input).digest('hex').slice(0, 16);
  writeFileSync(join(dir, `${name}.bin`), input);
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({ reason, ...(path !== undefined ? { path } : {}) }, null, 2) + '\n',
  );
  return join(dir, `${name}.bin`);
}

/** Fuzzes `target` for `limits.executions` inputs (or until the first failure, shrunk). */
export async function fuzz(target: FuzzTarget, limits: FuzzLimits): Promise<FuzzStats> {
  const seeds = await target.seeds();
  if (seeds.length === 0) throw new Error(`${target.name}: no seeds`);
  const timeLimitMs = limits.timeLimitMs ?? 5_000;
  const rssLimit = limits.rssLimitBytes ?? 2 ** 30;
  let executions = 0;
  let refused = 0;
  let slowestMs = 0;
  let peakRss = process.memoryUsage.rss();
  const started = performance.now();
  const property = fc.asyncProperty(
    fc.integer({ min: 0, max: seeds.length - 1 }),
    fc.array(mutationArb, { minLength: 0, maxLength: 8 }),
    async (which, mutations) => {
      const seed = seeds[which]!;
      const input = mutate(seed.input, mutations);
      const start = performance.now();
      const outcome = await runOne(target, input, seed.path, timeLimitMs);
      slowestMs = Math.max(slowestMs, performance.now() - start);
      executions++;
      if (outcome === 'refused') refused++;
      if ((executions & 63) === 0) {
        const rss = process.memoryUsage.rss();
        peakRss = Math.max(peakRss, rss);
        if (rss > rssLimit)
          throw new Error(`resident memory ${Math.round(rss / 2 ** 20)} MiB over the limit`);
      }
    },
  );
  const details = await fc.check(property, {
    numRuns: limits.executions,
    ...(limits.seed !== undefined ? { seed: limits.seed } : {}),
    endOnFailure: false,
  });
  const elapsed = (performance.now() - started) / 1000;
  const stats: FuzzStats = {
    target: target.name,
    seeds: seeds.length,
    executions,
    refused,
    slowestMs: Math.round(slowestMs),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    executionsPerSecond: Math.round(executions / Math.max(elapsed, 1e-3)),
  };
  if (details.failed && details.counterexample) {
    const [which, mutations] = details.counterexample;
    const seed = seeds[which]!;
    const input = mutate(seed.input, mutations);
    const reason = details.errorInstance ? describe(details.errorInstance) : 'failed';
    stats.failure = { reason, file: keepFailure(target.name, input, seed.path, reason) };
  }
  return stats;
}
