import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { debScheme } from './index.js';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';

const dpkg = spawnSync('dpkg', ['--version'], { encoding: 'utf8' });
const hasDpkg = dpkg.status === 0;
const dpkgVersion = hasDpkg ? (/version (\S+)/.exec(dpkg.stdout)?.[1] ?? '?') : 'absent';

const rnd = seededRandom(1993);
const pick = picker(rnd);
const many = (max: number, piece: () => string): string =>
  Array.from({ length: 1 + Math.floor(rnd() * max) }, piece).join('');

const NUMBERS = [
  '0',
  '00',
  '1',
  '01',
  '2',
  '9',
  '10',
  '010',
  '100',
  '4294967296',
  '123456789012345678901234567',
];
const WORDS = ['a', 'b', 'z', 'A', 'Z', 'rc', 'beta', 'dfsg', 'deb', 'ubuntu', 'git'];
const SYMBOLS = ['.', '.', '+', '~', '~~', '-', ':', '~rc'];
const ODD = ['_', '!', 'é', '€'];

function part(): string {
  return many(5, () => {
    const r = rnd();
    if (r < 0.45) return pick(NUMBERS);
    if (r < 0.7) return pick(WORDS);
    if (r < 0.97) return pick(SYMBOLS);
    return pick(ODD);
  });
}

function version(): string {
  if (rnd() < 0.03) return pick(['1:', ':1', 'a:1', '1-', '1 0', ' 1.0', '1.0 ', '2147483648:1', '0x1:1']);
  let v = rnd() < 0.85 ? pick(NUMBERS) + part() : part();
  if (rnd() < 0.25) v = `${pick(['0', '1', '2', '10', '00', '01', '+1'])}:${v}`;
  if (rnd() < 0.5) v += `-${part().replace(/[-:]/g, '.')}`;
  return v.startsWith('-') ? `0${v}` : v;
}

const RELATION = { '<': 'lt', '=': 'eq', '>': 'gt' } as const;

/** Our answer for a pair: '<', '=', '>', or 'invalid' when either version is refused. */
function ours([a, b]: readonly [string, string]): keyof typeof RELATION | 'invalid' {
  if (!debScheme.isValid(a) || !debScheme.isValid(b)) return 'invalid';
  return (['<', '=', '>'] as const)[debScheme.compare(a, b) + 1]!;
}

/**
 * Asks dpkg whether each claim holds: one `dpkg --compare-versions A REL B` per pair, with REL
 * the relation we claim (the three are exclusive, so dpkg agreeing to it is dpkg giving the
 * same answer). dpkg exits 0 when it holds, 1 when not and 2 when a version is refused, which
 * is what an 'invalid' claim must see. Runs in a few parallel shells: one process per pair.
 */
async function exitCodes(claims: readonly string[], dir: string): Promise<string[]> {
  const script = [
    "while IFS=$'\\t' read -r a rel b; do",
    '  dpkg --compare-versions "$a" "$rel" "$b" 2>/dev/null; echo $?',
    'done < "$1"',
  ].join('\n');
  const chunks = Math.max(1, Math.min(4, os.availableParallelism()));
  const size = Math.ceil(claims.length / chunks);
  const runs = Array.from({ length: chunks }, (_, k) => {
    const file = path.join(dir, `claims-${k}.tsv`);
    fs.writeFileSync(file, claims.slice(k * size, (k + 1) * size).join(''));
    return new Promise<string[]>((resolve, reject) => {
      const child = spawn('bash', ['-c', script, 'dpkg-oracle', file], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(out.split('\n').slice(0, -1)) : reject(new Error(`oracle exit ${code}`)),
      );
    });
  });
  return (await Promise.all(runs)).flat();
}

describe.skipIf(!hasDpkg)(`deb scheme against dpkg --compare-versions (dpkg ${dpkgVersion})`, () => {
  it('agrees on validity and order for 2000 generated pairs', async () => {
    const pairs: [string, string][] = [];
    while (pairs.length < 2000) {
      const a = version();
      // Close neighbours decide more than strangers: half the pairs differ in one small edit.
      const b =
        rnd() < 0.5
          ? version()
          : a.replace(/[0-9a-z~.+]$/, pick(['', '~', '0', 'a', '.0', '+1', '-1', 'é', '.', 'Z']));
      pairs.push([a, b]);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'customs-deb-'));
    try {
      const answers = pairs.map(ours);
      const claims = pairs.map(([a, b], k) => {
        const answer = answers[k]!;
        return `${a}\t${answer === 'invalid' ? 'eq' : RELATION[answer]}\t${b}\n`;
      });
      const codes = await exitCodes(claims, dir);
      expect(codes).toHaveLength(pairs.length);
      const disagreements = pairs
        .map((pair, k) => ({ pair, ours: answers[k], dpkgExit: codes[k] }))
        .filter((row) => row.dpkgExit !== (row.ours === 'invalid' ? '2' : '0'));
      expect(disagreements).toEqual([]);
      // The generator must reach every outcome, or the agreement proves little.
      for (const outcome of ['<', '=', '>', 'invalid']) expect(answers).toContain(outcome);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
