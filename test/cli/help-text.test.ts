import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';

/**
 * Every help screen, the version, and the usage errors commander prints, as they were before the
 * CLI started loading only the command being run: that change must not alter one byte of them.
 * `UPDATE_GOLDEN=1` rewrites the file after a deliberate change.
 */
const GOLDEN = fileURLToPath(new URL('./golden/help.json', import.meta.url));

const CASES: string[][] = [
  [],
  ['--help'],
  ['-h'],
  ['help'],
  ['--version'],
  ['-V'],
  ['bogus'],
  ['help', 'bogus'],
  ['sbom', '--help'],
  ['scan', '--help'],
  ['check', '--help'],
  ['verify', '--help'],
  ['db', '--help'],
  ['db', 'import', '--help'],
  ['db', 'update', '--help'],
  ['db', 'export', '--help'],
  ['db', 'status', '--help'],
  ['version', '--help'],
  ['version', 'compare', '--help'],
  ['policy', '--help'],
  ['policy', 'validate', '--help'],
  ['policy', 'spec', '--help'],
  ['policy', 'add', '--help'],
  ['image', '--help'],
  ['image', 'vuln', '--help'],
  ['image', 'check', '--help'],
  ['image', 'wait', '--help'],
  ['feeds', '--help'],
  ['cache', '--help'],
  ['cache', 'status', '--help'],
  ['cache', 'clean', '--help'],
  ['help', 'sbom'],
  ['help', 'scan'],
  ['help', 'check'],
  ['help', 'db'],
  ['help', 'cache'],
  ['db', 'help', 'import'],
  ['sbom'],
  ['scan', '--bogus', 'x'],
];

// The default database path shown in `db` help depends on the home folder: fix it.
const ENV = { HOME: '/home/user', XDG_CACHE_HOME: '' };

describe('help text', () => {
  const results = Object.fromEntries(
    CASES.map((args) => [args.join(' '), runCli(args, ENV)] as [string, CliResult]),
  );
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(results, null, 2)}\n`);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, CliResult>;

  it('covers the same invocations as the golden file', () => {
    expect(Object.keys(results)).toEqual(Object.keys(golden));
  });

  it.each(CASES.map((args) => [args.join(' ') || '(no arguments)', args.join(' ')]))(
    'customs %s prints what it printed before',
    (_label, key) => {
      expect(results[key]).toEqual(golden[key]);
    },
  );
});
