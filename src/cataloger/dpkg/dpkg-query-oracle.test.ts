import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryFileView } from '../../../test/helpers/memory-file-view.js';
import { dpkgCataloger } from './dpkg-cataloger.js';
import { contextOf, stanza, statusFile } from '../../../test/helpers/dpkg-fixtures.js';

function hasDpkgQuery(): boolean {
  try {
    execFileSync('dpkg-query', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

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

/** One paragraph per want × eflag × state, each with the fields dpkg insists on for that state. */
function everyStatus(): string {
  const stanzas: string[] = [];
  for (const want of ['install', 'hold', 'deinstall', 'purge', 'unknown']) {
    for (const eflag of ['ok', 'reinstreq']) {
      for (const state of STATES) {
        const extra: string[] = [];
        if (state === 'triggers-awaited') extra.push('Triggers-Awaited: man-db');
        if (state === 'triggers-pending') extra.push('Triggers-Pending: /usr/share/man');
        stanzas.push(
          stanza(`p-${want}-${eflag}-${state}`, '1.0-1', { status: `${want} ${eflag} ${state}`, extra }),
        );
      }
    }
  }
  stanzas.push(stanza('p-no-status', '1.0-1', { status: null }));
  return statusFile(...stanzas);
}

describe.skipIf(!hasDpkgQuery())('dpkg cataloger against the real dpkg-query -W', () => {
  const dir = mkdtempSync(join(tmpdir(), 'customs-dpkg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists what dpkg-query lists, less the removed (config-files) packages, for every Status', async () => {
    const status = everyStatus();
    writeFileSync(join(dir, 'status'), status);
    const output = execFileSync(
      'dpkg-query',
      [`--admindir=${dir}`, '-W', '-f', '${Package}\\t${Version}\\t${db:Status-Status}\\n'],
      { encoding: 'utf8' },
    );
    const rows = output
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    // dpkg-query -W lists config-files packages (dpkg -l shows them as "rc"): removed, with only
    // their conffiles left, so they are not reported.
    const removed = rows.filter((r) => r[2] === 'config-files');
    expect(removed.length).toBe(10);
    const expected = rows
      .filter((r) => r[2] !== 'config-files')
      .map((r) => `${r[0]}\t${r[1]}`)
      .sort();
    const result = await dpkgCataloger.catalog(
      contextOf(memoryFileView([{ path: '/var/lib/dpkg/status', content: status }])),
    );
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => `${p.name}\t${p.version}`).sort()).toEqual(expected);
    expect(expected.length).toBe(60); // 5 wants × 2 flags × 6 states with files on disk
  });
});
