import { describe, expect, it } from 'vitest';
import { hasFilesOnDisk, parseDpkgStatus } from './status-state.js';

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

// The state decides, never the selection (want) or the error flag: config-files is a removed
// package (only conffiles left), not-installed a purged or never-installed one.
const ON_DISK: Record<string, boolean> = {
  'not-installed': false,
  'config-files': false,
  'half-installed': true,
  unpacked: true,
  'half-configured': true,
  'triggers-awaited': true,
  'triggers-pending': true,
  installed: true,
};

describe('hasFilesOnDisk', () => {
  const table = ['install', 'hold', 'deinstall', 'purge', 'unknown'].flatMap((want) =>
    ['ok', 'reinstreq'].flatMap((eflag) =>
      STATES.map((state) => [`${want} ${eflag} ${state}`, ON_DISK[state]] as const),
    ),
  );
  it.each(table)('%s → files on disk %s', (value, onDisk) => {
    const status = parseDpkgStatus(value);
    expect(status).not.toBeNull();
    expect(hasFilesOnDisk(status!)).toBe(onDisk);
  });

  it('a missing Status field is "unknown ok not-installed": nothing on disk', () => {
    const status = parseDpkgStatus(undefined);
    expect(status).toEqual({ want: 'unknown', eflag: 'ok', state: 'not-installed' });
    expect(hasFilesOnDisk(status!)).toBe(false);
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
