import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { getTestImages } from '../images/index.js';
import { CUSTOMS_BIN } from '../helpers/run-cli.js';

/**
 * The CLI loads what the command being run needs: not every command's code, not the PostgreSQL
 * driver, the registry client or the feed downloaders for a local scan.
 */
const LOG_HOOK = fileURLToPath(new URL('../helpers/module-log.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
let rootfs: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'customs-startup-'));
  rootfs = path.join(dir, 'rootfs');
  mkdirSync(path.join(rootfs, 'etc'), { recursive: true });
  writeFileSync(path.join(rootfs, 'etc/os-release'), 'ID=debian\nVERSION_ID="12"\n');
  mkdirSync(path.join(rootfs, 'app/node_modules/left-pad'), { recursive: true });
  writeFileSync(
    path.join(rootfs, 'app/node_modules/left-pad/package.json'),
    JSON.stringify({ name: 'left-pad', version: '1.3.0' }),
  );
  db = path.join(dir, 'vuln.db');
  const store = openSqliteStore(db);
  const session = await store.begin();
  await session.recordProvider({ provider: 'test', lastSync: new Date().toISOString(), rejected: 0 });
  await session.commit();
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The project files and packages `customs ARGS` loaded, relative to the checkout. */
function loaded(args: string[]): { code: number | null; stderr: string; modules: string[] } {
  const log = path.join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', LOG_HOOK, CUSTOMS_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CUSTOMS_MODULE_LOG: log, CUSTOMS_CACHE_DIR: path.join(dir, 'layers') },
  });
  const modules = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file://'))
    .map((url) => path.relative(ROOT, fileURLToPath(url)));
  return { code: r.status, stderr: r.stderr, modules };
}

const under = (modules: string[], prefix: string): string[] => modules.filter((m) => m.startsWith(prefix));

describe('what a command loads', () => {
  it('--version loads the entry point and commander only', () => {
    const r = loaded(['--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.modules).toContain('dist/cli/main.js');
    expect(under(r.modules, 'dist/cli/commands/')).toEqual([]);
    const packages = new Set(under(r.modules, 'node_modules/').map((m) => m.split('/')[1]));
    expect([...packages]).toEqual(['commander']);
    expect(under(r.modules, 'dist/').length).toBeLessThan(15);
  });

  it('a local scan loads neither the other commands, pg, the registry client nor the feed sync', () => {
    const r = loaded([
      'scan',
      '-q',
      `dir:${rootfs}`,
      '--db',
      db,
      '-o',
      `json=${path.join(dir, 'scan.json')}`,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.modules).toContain('dist/cli/commands/scan-command.js');
    expect(under(r.modules, 'dist/cli/commands/').filter((m) => !m.endsWith('scan-command.js'))).toEqual([]);
    for (const heavy of [
      'node_modules/pg/',
      'node_modules/undici/',
      'dist/source/registry/',
      'dist/vulndb/store/postgres/',
      'dist/vulndb/sync/',
      'dist/vulndb/providers/',
      'dist/policy/gates/',
      'dist/source/sbom/',
    ])
      expect(under(r.modules, heavy), heavy).toEqual([]);
  });

  it('a warm scan of an image seen before loads no cataloger, no schema library and no YAML parser', () => {
    const { layered } = getTestImages().images;
    const args = ['scan', '-q', `oci-dir:${layered.ociDir}:${layered.tag}`, '--db', db, '-o', 'json'];
    expect(loaded(args).code).toBe(0); // fills the cache
    const warm = loaded(args);
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.modules).toContain('dist/sbom/generate-sbom.js');
    // The ignore rules' path matching shares the files cataloger's glob; nothing else of it.
    expect(under(warm.modules, 'dist/cataloger/')).toEqual(['dist/cataloger/files/path-glob.js']);
    for (const heavy of [
      'dist/sbom/analyse-image.js',
      'node_modules/@sinclair/',
      'node_modules/yaml/',
      'dist/plugin/',
    ])
      expect(under(warm.modules, heavy), heavy).toEqual([]);
  });

  it('sbom of a directory loads no vulnerability database store nor HTTP client', () => {
    const r = loaded(['sbom', '-q', `dir:${rootfs}`, '-o', `json=${path.join(dir, 'sbom.json')}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(under(r.modules, 'dist/vulndb/store/')).toEqual([]);
    expect(under(r.modules, 'node_modules/undici/')).toEqual([]);
  });
});
