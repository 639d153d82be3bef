import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mavenScheme } from './index.js';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';

/**
 * Differential test against Maven's own ComparableVersion (Debian's libmaven3-core-java, pulled
 * in by the `maven` package). Its `main` prints the comparison of each argument with the one
 * before it, so one JVM start checks every generated pair.
 */
const JAR = '/usr/share/java/maven3-artifact.jar';
const MAIN = 'org.apache.maven.artifact.versioning.ComparableVersion';

function javaWorks(): boolean {
  if (!fs.existsSync(JAR)) return false;
  const r = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

const rnd = seededRandom(3_8_7);
const pick = picker(rnd);

const NUMBERS = ['0', '1', '2', '3', '10', '00', '01', '000000000', '0000000000', '999999999', '1000000000'];
const BIG_NUMBERS = [
  '123456789012345678',
  '1234567890123456789',
  '0000000000000000000',
  '99999999999999999999',
];
const WORDS = ['alpha', 'beta', 'milestone', 'rc', 'cr', 'snapshot', 'ga', 'final', 'release', 'sp'];
const LETTERS = [
  'a',
  'b',
  'm',
  'c',
  'x',
  'z',
  'RC',
  'Final',
  'SNAPSHOT',
  'SP',
  'foo',
  'pre',
  'Alpha',
  'dev',
  'zzz',
];
const SEPARATORS = ['.', '.', '-', '-', ''];

function token(): string {
  const r = rnd();
  if (r < 0.5) return pick(NUMBERS);
  if (r < 0.55) return pick(BIG_NUMBERS);
  if (r < 0.8) return pick(WORDS);
  return pick(LETTERS);
}

function version(): string {
  const length = 1 + Math.floor(rnd() * 6);
  let v = rnd() < 0.03 ? pick(['.', '-']) : '';
  for (let i = 0; i < length; i++) {
    if (i > 0) v += pick(SEPARATORS);
    v += token();
    if (rnd() < 0.03) v += pick(['.', '-']);
  }
  if (rnd() < 0.04) v += pick(['.', '-', '..', '--', '.-']);
  return v;
}

/** A version close to `base`, so pairs often share a prefix and reach the subtle items. */
function neighbour(base: string): string {
  switch (Math.floor(rnd() * 6)) {
    case 0:
      return `${base}${pick(SEPARATORS)}${token()}`;
    case 1:
      return base.replace(/[.-]/, (s) => (s === '.' ? '-' : '.'));
    case 2:
      return base.replace(/\d+/, () => pick(NUMBERS));
    case 3:
      return base.toUpperCase();
    default:
      return version();
  }
}

describe.skipIf(!javaWorks())('maven scheme against Maven ComparableVersion', () => {
  it('orders 6000 generated pairs (11999 comparisons) as Maven does', () => {
    const args: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const a = version();
      args.push(a, neighbour(a));
    }
    const run = spawnSync('java', ['-Xshare:auto', '-XX:TieredStopAtLevel=1', '-cp', JAR, MAIN, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('   '));
    expect(lines).toHaveLength(args.length - 1);
    const symbol = (c: number): string => (c < 0 ? '<' : c > 0 ? '>' : '==');
    const disagreements: string[] = [];
    lines.forEach((line, i) => {
      const expected = `   ${args[i]} ${symbol(mavenScheme.compare(args[i] as string, args[i + 1] as string))} ${args[i + 1]}`;
      if (line !== expected) disagreements.push(`maven: ${line.trim()}  ours: ${expected.trim()}`);
    });
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
