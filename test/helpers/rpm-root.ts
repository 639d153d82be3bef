import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_CACHE_DIR } from '../images/index.js';

/** Where rpm keeps its database inside the root the tests build. */
export const RPM_ROOT_DBPATH = '/var/lib/rpm';

/** Bump when the specs change, so a cached root is rebuilt. */
const ROOT_VERSION = 'rpm-root-v1';

interface SpecInput {
  name: string;
  epoch?: number;
  version: string;
  release: string;
  noarch?: boolean;
  requires?: string[];
  /** A subpackage: its binary rpm is `<name>-<sub>`, its source rpm is still `<name>-…src.rpm`. */
  subpackage?: string;
}

/** Tiny packages covering epochs (0 and >0), `~` and `^` versions, a subpackage, requires. */
const SPECS: SpecInput[] = [
  { name: 'alpha', epoch: 2, version: '1.0~rc1', release: '3', noarch: true },
  { name: 'beta', version: '2.5', release: '1.fc39', requires: ['alpha'] },
  { name: 'gamma', version: '1.2', release: '7', subpackage: 'libs' },
  {
    name: 'delta',
    epoch: 0,
    version: '3.0^git20240101',
    release: '1',
    noarch: true,
    requires: ['/bin/true'],
  },
];

function specText(spec: SpecInput): string {
  const lines = [
    `Name: ${spec.name}`,
    ...(spec.epoch !== undefined ? [`Epoch: ${spec.epoch}`] : []),
    `Version: ${spec.version}`,
    `Release: ${spec.release}`,
    'Summary: a tiny test package',
    'License: MIT',
    ...(spec.noarch ? ['BuildArch: noarch'] : []),
    ...(spec.requires ?? []).map((r) => `Requires: ${r}`),
    '%description',
    'A tiny package for the rpm oracle test.',
  ];
  if (spec.subpackage) {
    lines.push(`%package ${spec.subpackage}`, 'Summary: sub', `%description ${spec.subpackage}`, 'sub');
  }
  const owner = spec.subpackage ? `${spec.name}-${spec.subpackage}` : spec.name;
  lines.push(
    '%install',
    `mkdir -p %{buildroot}/usr/share/${owner}`,
    `echo ${owner} > %{buildroot}/usr/share/${owner}/README`,
  );
  if (spec.subpackage) lines.push('%files', `%files ${spec.subpackage}`);
  else lines.push('%files');
  lines.push(`/usr/share/${owner}/README`, '');
  return lines.join('\n');
}

export function rpmToolsAvailable(): boolean {
  return ['rpm', 'rpmbuild'].every((tool) => spawnSync(tool, ['--version']).status === 0);
}

function build(root: string, work: string): void {
  const top = path.join(work, 'top');
  for (const spec of SPECS) {
    const file = path.join(work, `${spec.name}.spec`);
    writeFileSync(file, specText(spec));
    execFileSync('rpmbuild', ['-bb', '--define', `_topdir ${top}`, file], { stdio: 'pipe' });
  }
  const rpmsDir = path.join(top, 'RPMS');
  const rpms = readdirSync(rpmsDir).flatMap((arch) =>
    readdirSync(path.join(rpmsDir, arch)).map((f) => path.join(rpmsDir, arch, f)),
  );
  const base = ['--root', root, '--dbpath', RPM_ROOT_DBPATH];
  execFileSync('rpm', [...base, '--initdb'], { stdio: 'pipe' });
  execFileSync('rpm', [...base, '-i', '--nodeps', '--ignorearch', '--noscripts', ...rpms], { stdio: 'pipe' });
  // Fold the SQLite write-ahead log into the database file, as a finished image would hold it.
  execFileSync('rpm', [...base, '--rebuilddb'], { stdio: 'pipe' });
}

/**
 * A root filesystem holding rpm's SQLite database with the SPECS installed by the real rpm
 * (Debian's rpm 4.18 writes only the SQLite backend). Built once and cached under the test cache.
 */
export function rpmRoot(): string {
  const root = path.join(TEST_CACHE_DIR, ROOT_VERSION);
  if (existsSync(path.join(root, RPM_ROOT_DBPATH.slice(1), 'rpmdb.sqlite'))) return root;
  mkdirSync(TEST_CACHE_DIR, { recursive: true });
  const work = mkdtempSync(path.join(TEST_CACHE_DIR, 'rpm-build-'));
  try {
    const staging = path.join(work, 'root');
    mkdirSync(staging);
    build(staging, work);
    rmSync(root, { recursive: true, force: true });
    renameSync(staging, root);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return root;
}

/** What the real rpm lists: one tab-separated line per package. */
export function rpmQueryAll(root: string): string[] {
  const out = execFileSync(
    'rpm',
    [
      '--root',
      root,
      '--dbpath',
      RPM_ROOT_DBPATH,
      '-qa',
      '--qf',
      '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n',
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean).sort();
}
