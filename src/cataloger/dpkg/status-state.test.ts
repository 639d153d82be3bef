import { describe, expect, it } from 'vitest';
import { isListedByDpkgQuery, parseDpkgStatus } from './status-state.js';

const STATES = [
  'not-installed',
  'config-files',
  'half-installed',
  'unpacked',
  'half-configured',
  'triggers-awaited',
  'triggers-pending',
  'installed',
];

// Observed with dpkg-query 1.21.22 --admindir=<copy> -W, for every want × eflag × state.
const LISTED: Record<string, boolean> = {
  'not-installed': false,
  'config-files': true,
  'half-installed': true,
  unpacked: true,
  'half-configured': true,
  'triggers-awaited': true,
  'triggers-pending': true,
  installed: true,
};

describe('isListedByDpkgQuery', () => {
  const table = ['install', 'hold', 'deinstall', 'purge', 'unknown'].flatMap((want) =>
    ['ok', 'reinstreq'].flatMap((eflag) =>
      STATES.map((state) => [`${want} ${eflag} ${state}`, LISTED[state]] as const),
    ),
  );
  it.each(table)('%s → listed %s', (value, listed) => {
    const status = parseDpkgStatus(value);
    expect(status).not.toBeNull();
    expect(isListedByDpkgQuery(status!)).toBe(listed);
  });

  it('a missing Status field is "unknown ok not-installed" and not listed', () => {
    const status = parseDpkgStatus(undefined);
    expect(status).toEqual({ want: 'unknown', eflag: 'ok', state: 'not-installed' });
    expect(isListedByDpkgQuery(status!)).toBe(false);
  });

  it.each([['install ok weird'], ['install ok'], ['want ok installed'], ['install bad installed'], ['']])(
    '%j is rejected',
    (value) => {
      expect(parseDpkgStatus(value)).toBeNull();
    },
  );

  it('tolerates extra blanks', () => {
    expect(parseDpkgStatus('  install   ok  installed ')?.state).toBe('installed');
  });
});
