// Two real images that differ by one layer: bookworm, and a copy of it to which `umoci insert`
// (the real tool: unpack, change the root, repack) adds one layer that adds files, replaces
// /etc/hostname, removes /etc/issue.net and puts a Python package in place, and `umoci config`
// changes the user. `customs diff` must report exactly that layer's
// changes, as `tar -t` lists them; `customs check --previous` fires a drift rule on them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageDrift } from '../../src/drift/types.js';
import { runCli } from '../helpers/run-cli.js';
import { everyImageBundle } from '../helpers/use-case-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';

const dir = tempDir('customs-drift-layer-');
const layout = join(dir, 'oci');
const cacheEnv = { CUSTOMS_CACHE_DIR: join(dir, 'cache') };
const noDb = join(dir, 'no-such-db.sqlite');
let before: string;
let after: string;
let layerPaths: string[];
let drift: ImageDrift;

function umoci(...args: string[]): string {
  return execFileSync('umoci', args, { encoding: 'utf8' });
}

function manifestOf(tag: string): { config: { digest: string }; layers: { digest: string }[] } {
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
    manifests: { digest: string; annotations?: Record<string, string> }[];
  };
  const entry = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag)!;
  return JSON.parse(readFileSync(join(layout, 'blobs', entry.digest.replace(':', '/')), 'utf8'));
}

function bundle(rules: { id: string; trigger: string; params: { name: string; value: string }[] }[]): string {
  const file = join(dir, `bundle-${rules.map((r) => r.id).join('-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(everyImageBundle(rules.map((r) => ({ ...r, gate: 'drift', action: 'STOP' })))),
  );
  return file;
}

beforeAll(() => {
  const { bookworm } = getTestImages().images;
  cpSync(bookworm.ociDir, layout, { recursive: true });
  const tag = bookworm.tag;
  umoci('tag', '--image', `${layout}:${tag}`, 'after');
  const bundleDir = join(dir, 'bundle');
  umoci('unpack', '--image', `${layout}:after`, bundleDir);
  const rootfs = join(bundleDir, 'rootfs');
  writeFileSync(join(rootfs, 'etc/hostname'), 'drift-test\n');
  rmSync(join(rootfs, 'etc/issue.net'));
  mkdirSync(join(rootfs, 'opt/tool/bin'), { recursive: true });
  writeFileSync(join(rootfs, 'opt/tool/bin/run'), '#!/bin/sh\necho run\n', { mode: 0o755 });
  writeFileSync(join(rootfs, 'opt/tool/README'), 'a tool\n');
  const distInfo = join(rootfs, 'usr/lib/python3/dist-packages/drifty-1.2.3.dist-info');
  mkdirSync(distInfo, { recursive: true });
  writeFileSync(join(distInfo, 'METADATA'), 'Metadata-Version: 2.1\nName: drifty\nVersion: 1.2.3\n');
  umoci('repack', '--image', `${layout}:after`, bundleDir);
  rmSync(bundleDir, { recursive: true, force: true });
  umoci('config', '--image', `${layout}:after`, '--config.user', 'nobody');
  const layers = manifestOf('after').layers;
  expect(layers).toHaveLength(manifestOf(tag).layers.length + 1);
  const blob = join(layout, 'blobs', layers.at(-1)!.digest.replace(':', '/'));
  // The layer's paths as an image sees them: a whiteout .wh.NAME stands for NAME.
  layerPaths = execFileSync('tar', ['-tzf', blob], { encoding: 'utf8' })
    .split('\n')
    .filter((p) => p !== '')
    .map(
      (p) =>
        '/' +
        p
          .replace(/^\.?\//, '')
          .replace(/\/$/, '')
          .replace(/(^|\/)\.wh\./, '$1'),
    );
  before = `oci-dir:${layout}:${tag}`;
  after = `oci-dir:${layout}:after`;
}, 120_000);

describe('an image one layer after another', () => {
  beforeAll(() => {
    const out = join(dir, 'drift.json');
    const r = runCli(['diff', before, after, '-q', '--no-vulnerabilities', '-o', `json=${out}`], cacheEnv);
    expect(r.code, r.stderr).toBe(0);
    drift = JSON.parse(readFileSync(out, 'utf8')) as ImageDrift;
  }, 300_000);

  it('customs diff reports exactly the files of the new layer', () => {
    const layerFiles = new Set(layerPaths);
    const reported = [...drift.files.added, ...drift.files.changed, ...drift.files.removed].map(
      (f) => f.path,
    );
    // Everything reported is in the layer; every file of the layer is reported (its directories
    // are reported only where they are new).
    for (const path of reported) expect(layerFiles, path).toContain(path);
    expect(drift.files.removed.map((f) => f.path)).toEqual(['/etc/issue.net']);
    expect(drift.files.added.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        '/opt/tool',
        '/opt/tool/bin/run',
        '/opt/tool/README',
        '/usr/lib/python3/dist-packages/drifty-1.2.3.dist-info/METADATA',
      ]),
    );
    const changed = drift.files.changed.find((f) => f.path === '/etc/hostname');
    expect(changed?.changes).toContain('content');
    const unreported = layerPaths.filter((p) => !reported.includes(p));
    // What the layer holds but the diff does not name: only directories the base already had, alike.
    for (const path of unreported)
      expect([
        '/',
        '/etc',
        '/opt',
        '/usr',
        '/usr/lib',
        '/usr/lib/python3',
        '/usr/lib/python3/dist-packages',
      ]).toContain(path);
  });

  it('customs diff reports the package and the configuration the layer and config changed', () => {
    expect(drift.packages.added.map((p) => `${p.type}/${p.name} ${p.versions.join(',')}`)).toEqual([
      'python/drifty 1.2.3',
    ]);
    expect(drift.packages.removed).toEqual([]);
    expect(drift.packages.changed).toEqual([]);
    // umoci rewrites the config without the Healthcheck it does not know (the base has one): the
    // diff must say so, as the two config blobs do.
    const configOf = (tag: string) =>
      JSON.parse(
        readFileSync(join(layout, 'blobs', manifestOf(tag).config.digest.replace(':', '/')), 'utf8'),
      ) as { config: { User?: string; Healthcheck?: unknown } };
    const [a, b] = [configOf(getTestImages().images.bookworm.tag), configOf('after')];
    expect(a.config.Healthcheck).toBeDefined();
    expect(b.config.Healthcheck).toBeUndefined();
    expect(b.config.User).toBe('nobody');
    expect(drift.config.map((c) => c.field)).toEqual(['user', 'healthcheck']);
    expect(drift.config[0]).toMatchObject({ before: a.config.User, after: 'nobody' });
    expect(drift.config[1]?.after).toBeUndefined();
  });

  it('check --previous fires the drift rules on those changes, and STOPs', () => {
    const policy = bundle([
      { id: 'pkg', trigger: 'changed', params: [{ name: 'kinds', value: 'package_added' }] },
      {
        id: 'etc',
        trigger: 'changed',
        params: [
          { name: 'kinds', value: 'file_changed,file_added' },
          { name: 'path_regex', value: '/etc/.*' },
        ],
      },
      { id: 'first', trigger: 'no_previous', params: [] },
    ]);
    const r = runCli(
      ['check', after, '--previous', before, '--policy', policy, '--db', noDb, '-q', '-o', 'json'],
      cacheEnv,
    );
    expect(r.code, r.stderr).toBe(2);
    const result = JSON.parse(r.stdout) as {
      findings: { trigger: string; message: string; policyRuleId?: string }[];
    };
    expect(result.findings.map((f) => f.message).sort()).toEqual([
      'File /etc/hostname changed (content) since the previous image',
      'Package python/drifty 1.2.3 was added since the previous image',
    ]);
    // Without --previous: the changed rules cannot decide, no_previous fires.
    const first = runCli(['check', after, '--policy', policy, '--db', noDb, '-q', '-o', 'json'], cacheEnv);
    expect(first.code, first.stderr).toBe(2);
    expect(
      (JSON.parse(first.stdout) as { findings: { trigger: string }[] }).findings.map((f) => f.trigger),
    ).toEqual(['no_previous']);
  });

  it('check --previous with a bundle that has no drift rule says it did not read it', () => {
    const policy = join(dir, 'plain.json');
    writeFileSync(policy, JSON.stringify(everyImageBundle([])));
    const r = runCli(
      ['check', after, '--previous', before, '--policy', policy, '--db', noDb, '-q'],
      cacheEnv,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no rule of the bundle compares with the previous image: it was not read');
  });
});
