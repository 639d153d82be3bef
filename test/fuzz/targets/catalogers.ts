// Every cataloger, fed one mutated file at a time at the path it was found under. Seeds are the
// files of the real test images (polyglot, bookworm) and the rpm root that each cataloger asks
// for, plus a small apk database (the test images are Debian). A cataloger must never throw on
// image content: a file it cannot read becomes a located unknown.
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalogers } from '../../../src/cataloger/registry.js';
import type { CatalogContext, Cataloger } from '../../../src/cataloger/types.js';
import type { FileRecord } from '../../../src/resolver/file-view.js';
import { getTestImages } from '../../images/index.js';
import { memoryImage } from '../../helpers/memory-file-view.js';
import { rpmRoot, rpmToolsAvailable } from '../../helpers/rpm-root.js';
import type { FuzzSeed, FuzzTarget } from '../harness.js';
import { goBinarySeed, rustBinarySeed } from './binary-seeds.js';

const SEEDS_PER_CATALOGER = 8;
const MAX_SEED_BYTES = 256 * 1024;

const APK_INSTALLED = `C:Q1abc=
P:musl
V:1.2.4-r2
A:x86_64
S:383152
I:622592
T:the musl c library
U:https://musl.libc.org/
L:MIT
o:musl
p:so:libc.musl-x86_64.so.1=1
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1zzz=

C:Q1def=
P:busybox
V:1.36.1-r15
A:x86_64
L:GPL-2.0-only
D:so:libc.musl-x86_64.so.1
F:bin
R:busybox
`;

const COMPOSER_INSTALLED = JSON.stringify({
  packages: [
    {
      name: 'monolog/monolog',
      version: '3.5.0',
      version_normalized: '3.5.0.0',
      type: 'library',
      license: ['MIT'],
      require: { php: '>=8.1', 'psr/log': '^2.0 || ^3.0' },
      source: {
        type: 'git',
        url: 'https://github.com/Seldaek/monolog.git',
        reference: 'c915e2634718dbc8a4a15c61b0e62e7a44e14448',
      },
    },
    { name: 'psr/log', version: '3.0.0', type: 'library', license: ['MIT'] },
  ],
  dev: false,
});

const COMPOSER_LOCK = JSON.stringify({
  packages: [{ name: 'psr/log', version: '3.0.0', license: ['MIT'], require: { php: '>=8.0.0' } }],
  'packages-dev': [{ name: 'phpunit/phpunit', version: '10.5.0', license: ['BSD-3-Clause'] }],
});

const DEPS_JSON = JSON.stringify({
  runtimeTarget: { name: '.NETCoreApp,Version=v8.0', signature: '' },
  targets: {
    '.NETCoreApp,Version=v8.0': {
      'App/1.0.0': { dependencies: { 'Newtonsoft.Json': '13.0.3' }, runtime: { 'App.dll': {} } },
      'Newtonsoft.Json/13.0.3': {
        runtime: { 'lib/net6.0/Newtonsoft.Json.dll': { assemblyVersion: '13.0.0.0' } },
      },
    },
  },
  libraries: {
    'App/1.0.0': { type: 'project', serviceable: false, sha512: '' },
    'Newtonsoft.Json/13.0.3': {
      type: 'package',
      serviceable: true,
      sha512:
        'sha512-HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ==',
      path: 'newtonsoft.json/13.0.3',
    },
  },
});

interface Candidate {
  path: string;
  size: number;
  mode: number;
  abs: string;
}

const MAX_BINARY_SEED_BYTES = 4 * 1024 * 1024;
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

function* walk(root: string, dir = ''): Generator<Candidate> {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return;
  }
  for (const name of names) {
    const rel = `${dir}/${name}`;
    const abs = join(root, rel);
    const info = lstatSync(abs);
    if (info.isDirectory()) yield* walk(root, rel);
    else if (info.isFile()) yield { path: rel, size: info.size, mode: info.mode & 0o7777, abs };
  }
}

function isElf(abs: string): boolean {
  const fd = openSync(abs, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.equals(ELF_MAGIC);
  } finally {
    closeSync(fd);
  }
}

// Names that are formats of their own (a package.json is not a package-lock.json).
const FORMAT_NAMES = new Set([
  'status',
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'METADATA',
  'PKG-INFO',
  'RECORD',
  'Gemfile.lock',
  'Cargo.lock',
  'composer.lock',
  'installed.json',
  'pom.properties',
  'pom.xml',
  'MANIFEST.MF',
  'Pipfile.lock',
  'poetry.lock',
]);

/** Kinds of file, so that the seeds differ: an ELF file, a format's name, else the extension. */
function kindOf(c: Candidate, elf: boolean): string {
  if (elf) return 'elf';
  const base = c.path.slice(c.path.lastIndexOf('/') + 1);
  if (FORMAT_NAMES.has(base)) return base;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : base;
}

/**
 * Up to SEEDS_PER_CATALOGER files each cataloger asks for: one of each kind (ELF binaries first,
 * then the smallest of each extension or name), so that every format a cataloger reads is there.
 */
function seedFiles(catalogers: readonly Cataloger[]): Map<string, FuzzSeed[]> {
  const roots: string[] = [];
  const images = getTestImages().images;
  if (images.polyglot.rootfs) roots.push(images.polyglot.rootfs);
  if (rpmToolsAvailable()) roots.push(rpmRoot());
  const kinds = new Map<string, Map<string, Candidate & { elf: boolean }>>(
    catalogers.map((c) => [c.name, new Map()]),
  );
  for (const root of roots)
    for (const candidate of walk(root)) {
      if (candidate.size === 0 || candidate.size > MAX_BINARY_SEED_BYTES) continue;
      let elf: boolean | undefined;
      for (const cataloger of catalogers) {
        const asked =
          cataloger.wants(candidate.path) ||
          cataloger.wantsInspect?.({ path: candidate.path, size: candidate.size, mode: candidate.mode }) ===
            true;
        if (!asked) continue;
        elf ??= isElf(candidate.abs);
        if (!elf && candidate.size > MAX_SEED_BYTES) continue;
        const byKind = kinds.get(cataloger.name)!;
        const kind = kindOf(candidate, elf);
        const known = byKind.get(kind);
        if (!known || candidate.size < known.size) byKind.set(kind, { ...candidate, elf });
      }
    }
  const out = new Map<string, FuzzSeed[]>();
  for (const [name, byKind] of kinds) {
    const picked = [...byKind.values()]
      .sort((a, b) => Number(b.elf) - Number(a.elf) || a.size - b.size)
      .slice(0, SEEDS_PER_CATALOGER);
    out.set(
      name,
      picked.map((c) => ({ input: readFileSync(c.abs), path: c.path })),
    );
  }
  out.get('apk')?.push({ input: Buffer.from(APK_INSTALLED), path: '/lib/apk/db/installed' });
  out
    .get('php')
    ?.push(
      { input: Buffer.from(COMPOSER_INSTALLED), path: '/srv/web/vendor/composer/installed.json' },
      { input: Buffer.from(COMPOSER_LOCK), path: '/srv/web/composer.lock' },
    );
  out.get('dotnet')?.push({ input: Buffer.from(DEPS_JSON), path: '/app/App.deps.json' });
  out.get('go-module-binary')?.unshift({ input: goBinarySeed(), path: '/usr/local/bin/tool' });
  out.get('rust')?.unshift({ input: rustBinarySeed(), path: '/usr/local/bin/tool' });
  out.get('binary-classifier')?.unshift({ input: goBinarySeed(), path: '/usr/local/bin/tool' });
  return out;
}

/** What the analysis does with one file: inspect it when asked, then catalog. */
async function catalogOne(cataloger: Cataloger, path: string, content: Buffer): Promise<void> {
  const { squashed } = memoryImage([
    { path: '/etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
    { path, content, mode: 0o755 },
  ]);
  const inspections = new Map<FileRecord, unknown>();
  const record = squashed.lookup(path);
  if (record && cataloger.wantsInspect?.({ path, size: content.length, mode: record.mode }))
    inspections.set(record, await cataloger.inspect?.(record, content));
  const context: CatalogContext = {
    files: squashed,
    squashed,
    distro: { id: 'debian', versionId: '12' },
    inspections,
    packagesSoFar: [],
  };
  await cataloger.catalog(context);
}

let seeds: Map<string, FuzzSeed[]> | undefined;

/** One fuzz target per cataloger that has seeds (the malware scanner is an external program). */
export function catalogerTargets(): FuzzTarget[] {
  const catalogers = createCatalogers({ files: 'all', fileDigests: true }).filter(
    (c) => c.name !== 'malware',
  );
  return catalogers.map((cataloger) => ({
    name: `cataloger-${cataloger.name}`,
    seeds: () => {
      seeds ??= seedFiles(catalogers);
      return seeds.get(cataloger.name) ?? [];
    },
    run: (input: Buffer, path?: string) => catalogOne(cataloger, path ?? '/unknown', input),
    // A cataloger refuses nothing: every error is a failure.
    refuses: () => false,
  }));
}
