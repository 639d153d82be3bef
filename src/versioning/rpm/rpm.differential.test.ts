import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rpmScheme } from './index.js';
import { rpmvercmp } from './rpm-version.js';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';

const probe = spawnSync('rpm', ['--version'], { encoding: 'utf8' });
const hasRpm = probe.status === 0;
const rpmVersion = hasRpm ? probe.stdout.trim() : 'rpm absent';

const rnd = seededRandom(1997);
const pick = picker(rnd);
const many = (max: number, piece: () => string): string =>
  Array.from({ length: 1 + Math.floor(rnd() * max) }, piece).join('');

const NUMBERS = ['0', '00', '1', '01', '2', '9', '10', '010', '4294967296', '123456789012345678901234567'];
const WORDS = ['a', 'b', 'z', 'A', 'Z', 'rc', 'alpha', 'el', 'fc', 'git'];
const SEPARATORS = ['.', '.', '_', '+', '~', '~~', '^', '^^'];
/**
 * Only rpmvercmp itself sees these: separators no package version has. (No `-` or `:`: Lua's
 * rpm.vercmp reads its arguments as EVRs, so without them it is rpmvercmp on the whole text.)
 */
const ODD = ['/', '%', '=', 'é', ' '];

function part(odd: boolean): string {
  return many(5, () => {
    const r = rnd();
    if (r < 0.4) return pick(NUMBERS);
    if (r < 0.7) return pick(WORDS);
    if (odd && r > 0.95) return pick(ODD);
    return pick(SEPARATORS);
  });
}

function evr(): string {
  let v = part(false);
  if (rnd() < 0.25) v = `${pick(['0', '1', '2', '10', '00', '01'])}:${v}`;
  if (rnd() < 0.6) v += `-${part(false)}`;
  return v;
}

/** A close neighbour: the same text with its end edited, which decides more than a stranger. */
function neighbour(text: string, edits: readonly string[]): string {
  return text.slice(0, Math.max(1, text.length - Math.floor(rnd() * 3))) + pick(edits);
}

function pairs(count: number, make: () => string): [string, string][] {
  return Array.from({ length: count }, () => {
    const a = make();
    return [a, rnd() < 0.5 ? make() : neighbour(a, ['', '~', '^', '0', 'a', '.0', '~1', '^1', '-1'])];
  });
}

/**
 * rpm's own answers, from one `rpm --eval` running Lua over a file of pairs: `rpm.vercmp` for
 * strings without `-` and `:` (where it is rpmvercmp itself), comparison of `rpm.ver` objects
 * for whole EVRs.
 */
function askRpm(kind: 'vercmp' | 'ver', list: readonly (readonly [string, string])[]): number[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'customs-rpm-'));
  try {
    const file = path.join(dir, 'pairs.tsv');
    fs.writeFileSync(file, list.map(([a, b]) => `${a}\t${b}\n`).join(''));
    const compare =
      kind === 'vercmp'
        ? 'rpm.vercmp(a, b)'
        : '(function(x, y) if x < y then return -1 elseif x == y then return 0 else return 1 end end)(rpm.ver(a), rpm.ver(b))';
    const lua = `local out = {} for line in io.lines(${JSON.stringify(file)}) do local a, b = line:match('^(.-)\\t(.*)$') out[#out + 1] = tostring(${compare}) end print(table.concat(out, ' '))`;
    const r = spawnSync('rpm', ['--eval', `%{lua: ${lua}}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`rpm --eval failed: ${r.stderr}`);
    return r.stdout.trim().split(/\s+/).map(Number);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function disagreements(
  list: readonly (readonly [string, string])[],
  theirs: readonly number[],
  ours: (a: string, b: string) => number,
): { a: string; b: string; rpm: number | undefined; ours: number }[] {
  return list
    .map(([a, b], k) => ({ a, b, rpm: theirs[k], ours: ours(a, b) }))
    .filter((row) => row.rpm !== row.ours);
}

describe.skipIf(!hasRpm)(`rpm scheme against rpm's own comparison (${rpmVersion})`, () => {
  it('rpmvercmp agrees with rpm.vercmp on over 7000 generated pairs of strings', () => {
    const list = pairs(10_000, () => part(true)).filter(([a, b]) => !/[-:]/.test(a + b));
    expect(list.length).toBeGreaterThan(7000);
    const theirs = askRpm('vercmp', list);
    expect(theirs).toHaveLength(list.length);
    expect(disagreements(list, theirs, rpmvercmp)).toEqual([]);
    for (const outcome of [-1, 0, 1]) expect(theirs).toContain(outcome);
  });

  it('compare agrees with rpm.ver on over 9000 generated pairs of EVRs', () => {
    const list = pairs(10_000, evr).filter(([a, b]) => rpmScheme.isValid(a) && rpmScheme.isValid(b));
    expect(list.length).toBeGreaterThan(9000);
    const theirs = askRpm('ver', list);
    expect(theirs).toHaveLength(list.length);
    expect(disagreements(list, theirs, rpmScheme.compare)).toEqual([]);
    for (const outcome of [-1, 0, 1]) expect(theirs).toContain(outcome);
  });

  it('compare agrees with rpm.ver on any text, extra hyphens and colons included (1.0-8-2)', () => {
    const ANY = [...NUMBERS, ...WORDS, ...SEPARATORS, '-', '-', ':', ...ODD];
    const text = (): string => many(8, () => pick(ANY));
    const list = pairs(5000, text).filter(([a, b]) => a !== '' && b !== '');
    list.push(['1.0-8-2', '1.0'], ['1.0-8-2', '1.0-8'], ['1:2:3', '1:2'], ['a:1-2', '1-2']);
    const odd = (t: string): boolean => /-.*-|:.*:/.test(t);
    expect(list.filter(([a, b]) => odd(a) || odd(b)).length).toBeGreaterThan(250);
    const theirs = askRpm('ver', list);
    expect(theirs).toHaveLength(list.length);
    expect(list.every(([a, b]) => rpmScheme.isValid(a) && rpmScheme.isValid(b))).toBe(true);
    expect(disagreements(list, theirs, rpmScheme.compare)).toEqual([]);
  });
});
