import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import { syntheticElf } from '../elf/synthetic-elf.js';
import type { CatalogResult } from '../types.js';
import { readAuditableBinary } from './auditable-section.js';
import { parseCargoLock } from './cargo-lock.js';
import { rustCataloger } from './rust-cataloger.js';

const LOCK = `# generated
version = 3

[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "serde",
 "regex 1.11.1 (git+https://github.com/rust-lang/regex.git)",
]

[[package]]
name = "serde"
version = "1.0.190"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "aaaa"

[[package]]
name = "regex"
version = "1.11.1"
source = "git+https://github.com/rust-lang/regex.git#abc"
dependencies = ["serde 1.0.190"]
`;

const AUDIT = {
  packages: [
    { name: 'tool', version: '0.3.0', source: 'local', dependencies: [1, 2], root: true },
    { name: 'anyhow', version: '1.0.75', source: 'crates.io', dependencies: [] },
    { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build', dependencies: [] },
  ],
};

const auditableElf = (json: unknown): Buffer =>
  syntheticElf([{ name: '.dep-v0', data: deflateSync(Buffer.from(JSON.stringify(json))) }]);

async function catalog(specs: MemoryFileSpec[]): Promise<CatalogResult> {
  const image = memoryImage(specs);
  const inspections = new Map<never, unknown>();
  for (const record of image.allLayers.find(() => true)) {
    const content = image.allLayers.content(record);
    if (
      !content ||
      !rustCataloger.wantsInspect?.({ path: record.path, size: content.length, mode: record.mode })
    )
      continue;
    const result = await rustCataloger.inspect?.(record, content);
    if (result !== undefined) inspections.set(record as never, result);
  }
  return rustCataloger.catalog({ ...contextOf(image.allLayers, null), inspections });
}

describe('parseCargoLock', () => {
  it('reads packages and resolves name, name+version and name+version+source dependencies', () => {
    const outcome = parseCargoLock(LOCK);
    expect(outcome).toMatchObject({ kind: 'crates', problems: [] });
    if (outcome.kind !== 'crates') return;
    expect(outcome.crates.map((c) => c.name)).toEqual(['app', 'serde', 'regex']);
    expect(outcome.crates[0]?.dependencies).toEqual([1, 2]);
    expect(outcome.crates[2]?.dependencies).toEqual([1]);
  });

  it('says why a lock file cannot be read; a dangling dependency only loses its edge', () => {
    expect(parseCargoLock('[[package]\nname = ')).toMatchObject({ kind: 'invalid' });
    expect(parseCargoLock('package = 3')).toMatchObject({ kind: 'invalid' });
    const outcome = parseCargoLock(
      '[[package]]\nname = "a"\nversion = "1"\ndependencies = ["zzz"]\n[[package]]\nname = "b"',
    );
    expect(outcome).toMatchObject({ kind: 'crates', problems: [expect.stringMatching(/#2/)] });
    expect(outcome.kind === 'crates' && outcome.crates[0]?.dependencies).toEqual([]);
  });
});

describe('readAuditableBinary', () => {
  it('reads the zlib-compressed JSON of the .dep-v0 section', () => {
    const outcome = readAuditableBinary(auditableElf(AUDIT));
    expect(outcome).toMatchObject({
      kind: 'crates',
      crates: [{ name: 'tool', root: true }, { name: 'anyhow' }, { kind: 'build' }],
    });
  });

  it('is undefined without the section, invalid when it does not inflate or parse', () => {
    expect(readAuditableBinary(syntheticElf([{ name: '.text', data: Buffer.alloc(80) }]))).toBeUndefined();
    expect(readAuditableBinary(Buffer.alloc(200))).toBeUndefined();
    const notZlib = syntheticElf([{ name: '.dep-v0', data: Buffer.from('not compressed at all') }]);
    expect(readAuditableBinary(notZlib)).toMatchObject({ kind: 'invalid', message: /inflate/ });
    const notJson = syntheticElf([{ name: '.dep-v0', data: deflateSync(Buffer.from('{oops')) }]);
    expect(readAuditableBinary(notJson)).toMatchObject({ kind: 'invalid', message: /JSON/ });
  });

  it.skipIf(!existsSync('/usr/bin/objcopy') || !existsSync('/bin/true'))(
    'reads a section objcopy added to a real ELF binary, as cargo-auditable does',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'customs-auditable-'));
      writeFileSync(join(dir, 'deps.z'), deflateSync(Buffer.from(JSON.stringify(AUDIT))));
      copyFileSync('/bin/true', join(dir, 'in'));
      execFileSync('objcopy', [
        '--add-section',
        `.dep-v0=${join(dir, 'deps.z')}`,
        join(dir, 'in'),
        join(dir, 'out'),
      ]);
      const outcome = readAuditableBinary(readFileSync(join(dir, 'out')));
      expect(outcome?.kind === 'crates' && outcome.crates.map((c) => `${c.name}@${c.version}`)).toEqual(
        AUDIT.packages.map((p) => `${p.name}@${p.version}`),
      );
    },
  );
});

describe('rustCataloger', () => {
  it('wants Cargo.lock only', () => {
    expect(rustCataloger.wants('/src/app/Cargo.lock')).toBe(true);
    expect(rustCataloger.wants('/src/app/Cargo.toml')).toBe(false);
  });

  it('reports registry and git crates of a lock file (not the workspace crate) with depends-on edges', async () => {
    const result = await catalog([{ path: '/src/Cargo.lock', content: LOCK }]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => p.purl).sort()).toEqual([
      'pkg:cargo/regex@1.11.1',
      'pkg:cargo/serde@1.0.190',
    ]);
    const id = (name: string): string | undefined => result.packages.find((p) => p.name === name)?.id;
    expect(result.relationships).toEqual([{ from: id('regex'), to: id('serde'), type: 'depends-on' }]);
  });

  it('reports the crates of an auditable binary, one package per crate across layers', async () => {
    const bin = auditableElf(AUDIT);
    const result = await catalog([
      { path: '/usr/bin/tool', content: bin, mode: 0o755, layerIndex: 0 },
      { path: '/usr/bin/tool', content: bin, mode: 0o755, layerIndex: 1 },
    ]);
    expect(result.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual([
      'anyhow@1.0.75',
      'cc@1.0.83',
      'tool@0.3.0',
    ]);
    expect(result.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([0, 1]);
    expect(result.relationships).toHaveLength(2);
  });

  it('leaves located unknowns for a broken lock file and a corrupt section', async () => {
    const result = await catalog([
      { path: '/src/Cargo.lock', content: 'version = [', layerDigest: 'sha256:a' },
      {
        path: '/usr/bin/bad',
        content: syntheticElf([{ name: '.dep-v0', data: Buffer.from('xx') }]),
        mode: 0o755,
      },
    ]);
    expect(result.packages).toEqual([]);
    expect(result.unknowns.map((u) => [u.path, u.cataloger])).toEqual([
      ['/src/Cargo.lock', 'rust'],
      ['/usr/bin/bad', 'rust'],
    ]);
  });
});
