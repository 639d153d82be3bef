import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { golangScheme } from './index.js';
import { picker, seededRandom } from '../../../test/helpers/seeded-random.js';

/**
 * Differential test against golang.org/x/mod/semver, the package the go command orders module
 * versions with (Debian's golang-golang-x-mod-dev, built with Debian's golang-go in GOPATH mode,
 * so nothing is fetched). The Go toolchain-version order has no implementation in Debian's Go
 * (go/version arrived in Go 1.22); golang.test.ts covers it with tables.
 */
const GOPATH = '/usr/share/gocode';
const SEMVER_SOURCE = path.join(GOPATH, 'src/golang.org/x/mod/semver/semver.go');

function goWorks(): boolean {
  if (!fs.existsSync(SEMVER_SOURCE)) return false;
  const r = spawnSync('go', ['version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

const PROGRAM = `package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		pair := strings.Split(in.Text(), "\\t")
		fmt.Fprintln(out, semver.IsValid(pair[0]), semver.IsValid(pair[1]), semver.Compare(pair[0], pair[1]))
	}
}
`;

const rnd = seededRandom(1919);
const pick = picker(rnd);

const NUMBERS = ['0', '1', '2', '9', '10', '01', '123456789012345678901'];
const IDS = ['0', '1', '2', '10', '01', 'alpha', 'beta', 'rc', 'pre', 'A', 'a-b', '-', '0a', 'rc1', ''];
const STAMPS = ['20191109021931', '20200101000000', '20191109021932'];
const HASHES = ['daa7c04131f5', 'aaaaaaaaaaaa', '0123456789ab'];

function ids(): string {
  return Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(IDS)).join('.');
}

function pseudo(): string {
  const stamp = `${pick(STAMPS)}-${pick(HASHES)}`;
  switch (Math.floor(rnd() * 3)) {
    case 0:
      return `v${pick(['0', '1', '2'])}.0.0-${stamp}`;
    case 1:
      return `v1.2.${pick(['3', '4'])}-0.${stamp}`;
    default:
      return `v1.2.3-${pick(['pre', 'rc.1', 'alpha'])}.0.${stamp}`;
  }
}

function version(): string {
  if (rnd() < 0.25) return pseudo() + (rnd() < 0.2 ? '+incompatible' : '');
  let v = `v${pick(NUMBERS)}`;
  const parts = rnd();
  if (parts > 0.15) v += `.${pick(NUMBERS)}`;
  if (parts > 0.3) v += `.${pick(NUMBERS)}`;
  if (rnd() < 0.5) v += `-${ids()}`;
  if (rnd() < 0.2) v += `+${pick(['incompatible', 'build.1', '001', 'a..b', ''])}`;
  if (rnd() < 0.03) v = pick(['v', 'V1.2.3', 'v1.2.3.4', 'vx', 'v1.2.3 ', 'v1..2']);
  return v;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'customs-go-semver-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!goWorks())('golang scheme against golang.org/x/mod/semver', () => {
  it('agrees on validity and order for 20000 generated pairs, with and without the v', () => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = version();
      pairs.push([a, rnd() < 0.3 ? a.replace(/\d+/, pick(NUMBERS)) : version()]);
    }
    fs.writeFileSync(path.join(dir, 'main.go'), PROGRAM);
    const run = spawnSync('go', ['run', 'main.go'], {
      cwd: dir,
      input: pairs.map((p) => p.join('\t')).join('\n') + '\n',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        GO111MODULE: 'off',
        GOPATH,
        GOCACHE: path.join(dir, 'cache'),
        GOFLAGS: '',
        GOTOOLCHAIN: 'local',
      },
    });
    expect(run.status, run.stderr).toBe(0);
    const answers = run.stdout.trim().split('\n');
    expect(answers).toHaveLength(pairs.length);

    const ours = (a: string, b: string): string => {
      const valid = [golangScheme.isValid(a), golangScheme.isValid(b)];
      return `${valid[0]} ${valid[1]} ${valid[0] && valid[1] ? golangScheme.compare(a, b) : '?'}`;
    };
    const disagreements: string[] = [];
    pairs.forEach(([a, b], i) => {
      const [validA, validB, order] = (answers[i] as string).split(' ');
      const theirs = `${validA} ${validB} ${validA === 'true' && validB === 'true' ? order : '?'}`;
      if (ours(a, b) !== theirs) disagreements.push(`${a} vs ${b}: semver ${theirs}, ours ${ours(a, b)}`);
      // Without the v (as OSV writes Go versions) the order must be the same.
      const bareA = a.replace(/^v/, '');
      const bareB = b.replace(/^v/, '');
      if (theirs.endsWith('?')) return;
      if (`${golangScheme.compare(bareA, bareB)}` !== order)
        disagreements.push(`${bareA} vs ${bareB}: semver ${order}`);
    });
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
