import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gemScheme } from './index.js';
import { orInvalid } from '../../../test/helpers/or-invalid.js';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';

const ORACLE = `
require "json"
require "rubygems"
job = JSON.parse($stdin.read)
order = job["pairs"].map do |a, b|
  Gem::Version.correct?(a) && Gem::Version.correct?(b) ? (Gem::Version.new(a) <=> Gem::Version.new(b)) : "invalid"
end
met = job["checks"].map do |v, r|
  begin
    requirement = r.strip.empty? ? Gem::Requirement.new : Gem::Requirement.new(*r.split(",", -1))
    Gem::Version.correct?(v) ? requirement.satisfied_by?(Gem::Version.new(v)) : "invalid"
  rescue Gem::Requirement::BadRequirementError, ArgumentError
    "invalid"
  end
end
valid = job["versions"].map { |v| Gem::Version.correct?(v) }
puts JSON.generate({ "version" => Gem::VERSION, "valid" => valid, "order" => order, "met" => met })
`;

const hasRuby = spawnSync('ruby', ['-e', 'require "json"'], { stdio: 'ignore' }).status === 0;

const rnd = seededRandom(1993);
const pick = picker(rnd);
const SEGMENTS = ['0', '0', '1', '2', '10', '01', 'a', 'b', 'pre', 'rc', 'rc1', 'beta2', '1a', 'Z'];

function version(): string {
  if (rnd() < 0.04) return pick(['', ' ', 'a', '1..2', '1.', '-1', '1.2-', '1_2', '.1', '1 2', '1.0-rc.']);
  let v = `${pick(['0', '1', '2', '10', '01'])}`;
  for (let n = Math.floor(rnd() * 4); n > 0; n--) v += `.${pick(SEGMENTS)}`;
  if (rnd() < 0.15) v += `-${pick(['rc', 'beta.1', '1', 'a-b', 'pre.0'])}`;
  return rnd() < 0.05 ? ` ${v} ` : v;
}

function requirement(): string {
  return `${pick(['', '=', '!=', '>', '<', '>=', '<=', '~>', '~>', '~>'])}${pick(['', ' '])}${version()}`;
}

describe.skipIf(!hasRuby)("gem scheme against RubyGems' Gem::Version and Gem::Requirement", () => {
  const versions = Array.from({ length: 20_000 }, version);
  const pairs = Array.from({ length: 20_000 }, () => [version(), version()] as const);
  const checks = Array.from(
    { length: 20_000 },
    () =>
      [
        version(),
        rnd() < 0.02
          ? ''
          : Array.from({ length: 1 + Math.floor(rnd() * 2) }, requirement).join(pick([',', ', '])),
      ] as const,
  );
  const run = spawnSync('ruby', ['-e', ORACLE], {
    input: JSON.stringify({ versions, pairs, checks }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const oracle = JSON.parse(run.stdout || '{}') as {
    version: string;
    valid: boolean[];
    order: unknown[];
    met: unknown[];
  };

  it(`agrees on validity of 20000 versions (RubyGems ${oracle.version})`, () => {
    const bad = versions.filter((v, i) => gemScheme.isValid(v) !== oracle.valid[i]);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('agrees on the order of 20000 pairs', () => {
    const bad = pairs
      .map(([a, b], i) => ({
        a,
        b,
        expected: oracle.order[i],
        actual: orInvalid(() => gemScheme.compare(a, b)),
      }))
      .filter((r) => r.expected !== r.actual);
    expect(bad.slice(0, 20)).toEqual([]);
    expect(oracle.order.filter((o) => o === 0).length).toBeGreaterThan(100);
  });

  it('agrees on 20000 requirement checks', () => {
    const bad = checks
      .map(([v, r], i) => ({
        v,
        r,
        expected: oracle.met[i],
        actual: orInvalid(() => gemScheme.satisfies(v, r)),
      }))
      .filter((x) => x.expected !== x.actual);
    expect(bad.slice(0, 20)).toEqual([]);
    expect(oracle.met.filter((m) => m === true).length).toBeGreaterThan(1000);
  });
});
