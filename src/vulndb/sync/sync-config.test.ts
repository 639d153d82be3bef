import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SyncConfigSchema } from '../../schema/sync-config.js';
import { fitsShape } from '../../schema/shape-problems.js';
import { DEFAULT_SYNC_CONFIG, loadSyncConfig } from './sync-config.js';

const dir = mkdtempSync(join(tmpdir(), 'customs-sync-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('sync config files', () => {
  it('the defaults fit the schema', () => {
    expect(fitsShape(SyncConfigSchema, DEFAULT_SYNC_CONFIG)).toBe(true);
  });

  it('overlays any part of the defaults', () => {
    const config = loadSyncConfig(
      file('ok.json', { osv: { url: 'http://127.0.0.1:1/osv' }, nvd: { initialDays: 7 } }),
      {},
    );
    expect(config.osv).toEqual({ ...DEFAULT_SYNC_CONFIG.osv, url: 'http://127.0.0.1:1/osv' });
    expect(config.nvd.initialDays).toBe(7);
  });

  it('names every problem with its path, unknown keys included', () => {
    const path = file('bad.json', {
      osv: { url: 5, ecosystem: ['Go'] },
      alpine: { releases: 'v3.19' },
      nvd: { initialDays: 0 },
      kve: {},
    });
    expect(() => loadSyncConfig(path, {})).toThrow(
      `sync config ${path}: unknown key "kve"; unknown key "osv.ecosystem"; osv.url must be a URL; alpine.releases must be a list of names; nvd.initialDays must be a whole number of days (1 or more)`,
    );
  });
});
