import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CUSTOMS_BIN, runCli, type CliResult } from '../helpers/run-cli.js';

/** runCli with text on stdin (for --batch). */
function runWithInput(args: string[], input: string): CliResult {
  const r = spawnSync(process.execPath, [CUSTOMS_BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, CUSTOMS_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneErrorLine(r: CliResult, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^customs: /);
  expect(lines[0]).toMatch(pattern);
}

describe('customs version compare', () => {
  it.each([
    ['semver', '1.2.3', 'v1.10.0', '-1'],
    ['semver', '1.0.0+build', '=1.0.0', '0'],
    ['pep440', '1.0.post1', '1.0', '1'],
    ['gem', '1.0', '1', '0'],
  ])('%s %s %s prints %s', (scheme, a, b, expected) => {
    const r = runCli(['version', 'compare', scheme, a, b]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${expected}\n`);
    expect(r.stderr).toBe('');
  });

  it('compares A<TAB>B lines from stdin with --batch', () => {
    const r = runWithInput(
      ['version', 'compare', 'pep440', '--batch'],
      '1.0\t2.0\n2.0\t1.0a1\r\n1.0\t1.0.0\n',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('-1\n1\n0\n');
  });

  it('fails on an invalid version with one line on stderr', () => {
    expectOneErrorLine(
      runCli(['version', 'compare', 'semver', '1.2', '1.0.0']),
      /invalid semver version: "1\.2"/,
    );
  });

  it('prints invalid for a line it cannot read in --batch and goes on, then exits 1 naming it', () => {
    const r = runWithInput(
      ['version', 'compare', 'gem', '--batch'],
      '1.0\t2.0\n1.0\tnot a version\n2.0\t1.0\n',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('-1\ninvalid\n1\n');
    expect(r.stderr).toBe(
      'customs: 1 stdin line has a version the gem scheme cannot read (line 2): printed "invalid" for them\n',
    );
  });

  it('orders any text with the rpm scheme, as rpm does (1.0-8-2)', () => {
    const r = runWithInput(['version', 'compare', 'rpm', '--batch'], '1.0-8-2\t1.0\n1.0-8-2\t1.0-8-10\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('1\n-1\n');
  });

  it('names the stdin line that is not A<TAB>B in --batch', () => {
    expectOneErrorLine(
      runWithInput(['version', 'compare', 'gem', '--batch'], '1.0 2.0\n'),
      /stdin line 1: expected A<TAB>B/,
    );
  });

  it('lists the schemes for an unknown one', () => {
    expectOneErrorLine(
      runCli(['version', 'compare', 'cobol', '1', '2']),
      /unknown version scheme "cobol".*semver, pep440/,
    );
  });

  it('needs two versions without --batch', () => {
    expectOneErrorLine(runCli(['version', 'compare', 'semver', '1.0.0']), /two versions/);
  });
});
