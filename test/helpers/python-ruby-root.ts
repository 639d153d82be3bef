import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_CACHE_DIR } from '../images/index.js';

/** Bump when the package lists change, so a cached root is rebuilt. */
const ROOT_VERSION = 'python-ruby-root-v2';

/** Debian bookworm packages with real installed Python distributions (egg-info and dist-info). */
export const PYTHON_DEBS = [
  'python3-requests',
  'python3-urllib3',
  'python3-idna',
  'python3-certifi',
  'python3-chardet',
  'python3-six',
  'python3-yaml',
  'python3-jsonschema',
  'python3-attr',
  'python3-pyrsistent',
];

/** Debian packages with installed gem specifications (arch-independent and a native one). */
export const RUBY_DEBS = ['ruby-rack', 'ruby-mustermann', 'ruby-tilt', 'ruby-rack-protection', 'ruby-json'];

/** Where Debian puts Python distributions inside the root. */
export const DIST_PACKAGES = 'usr/lib/python3/dist-packages';

function available(tool: string, args: string[]): boolean {
  return spawnSync(tool, args).status === 0;
}

export function pythonRootToolsAvailable(): boolean {
  return (
    available('apt-get', ['--version']) &&
    available('dpkg-deb', ['--version']) &&
    available('python3', ['-V'])
  );
}

export function rubyAvailable(): boolean {
  return available('ruby', ['-v']);
}

/**
 * A root filesystem holding the PYTHON_DEBS and RUBY_DEBS unpacked with `dpkg-deb -x` (what an
 * image built with apt would hold, minus the dpkg database). Built once, cached.
 */
export function pythonRubyRoot(): string {
  const root = path.join(TEST_CACHE_DIR, ROOT_VERSION);
  if (existsSync(path.join(root, '.complete'))) return root;
  mkdirSync(TEST_CACHE_DIR, { recursive: true });
  const work = mkdtempSync(path.join(TEST_CACHE_DIR, 'python-ruby-build-'));
  try {
    const debs = path.join(work, 'debs');
    const staging = path.join(work, 'root');
    mkdirSync(debs);
    mkdirSync(staging);
    execFileSync('apt-get', ['download', ...PYTHON_DEBS, ...RUBY_DEBS], { cwd: debs, stdio: 'pipe' });
    for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb'))) {
      execFileSync('dpkg-deb', ['-x', path.join(debs, deb), staging], { stdio: 'pipe' });
    }
    writeFileSync(path.join(staging, '.complete'), readdirSync(debs).join('\n'));
    rmSync(root, { recursive: true, force: true });
    renameSync(staging, root);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return root;
}

const PY_LIST = [
  'import importlib.metadata as m, sys',
  'for d in m.distributions(path=[sys.argv[1]]):',
  '    print(f"{d.metadata[\'Name\']}\\t{d.version}")',
].join('\n');

/** `name\tversion` of every distribution Python's own importlib.metadata finds there. */
export function importlibDistributions(sitePackages: string): string[] {
  const out = execFileSync('python3', ['-c', PY_LIST, sitePackages], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).sort();
}

const PY_EDGES = [
  'import importlib.metadata as m, re, sys',
  'norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()',
  'dists = list(m.distributions(path=[sys.argv[1]]))',
  'names = {norm(d.metadata["Name"]) for d in dists}',
  'for d in dists:',
  '    for r in d.requires or []:',
  '        if re.search(r"\\bextra\\s*==", r): continue',
  '        t = norm(re.match(r"[A-Za-z0-9._-]+", r).group(0))',
  '        if t in names: print(f"{norm(d.metadata[\'Name\'])}\\t{t}")',
].join('\n');

/** `from\tto` (normalised names) for every unconditional requirement between installed distributions. */
export function importlibDependencyEdges(sitePackages: string): string[] {
  const out = execFileSync('python3', ['-c', PY_EDGES, sitePackages], { encoding: 'utf8' });
  return [...new Set(out.split('\n').filter(Boolean))].sort();
}

/** The gem directories (parents of `specifications/`) Debian uses inside the root. */
export function gemDirs(root: string): string[] {
  const candidates = [
    'usr/share/rubygems-integration/all',
    'usr/lib/x86_64-linux-gnu/rubygems-integration/3.1.0',
    'usr/lib/ruby/gems/3.1.0',
    'var/lib/gems/3.1.0',
  ];
  return candidates.map((d) => path.join(root, d)).filter((d) => existsSync(path.join(d, 'specifications')));
}

const RB_LIST = [
  'dirs = ARGV.map { |d| File.join(d, "specifications") }',
  'Gem::Specification.each_spec(dirs) { |s| puts "#{s.name}\\t#{s.version}\\t#{s.platform}" }',
].join('\n');

/** `name\tversion\tplatform` of every gem rubygems itself loads from those directories only. */
export function rubygemsSpecs(dirs: string[]): string[] {
  const out = execFileSync('ruby', ['-e', RB_LIST, ...dirs], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).sort();
}

/** `gem list --local` restricted to the root's gem dirs: `name (v1, v2)` lines. */
export function gemListLocal(dirs: string[], emptyHome: string): string[] {
  const out = execFileSync('gem', ['list', '--local', '--no-verbose'], {
    encoding: 'utf8',
    env: { ...process.env, GEM_PATH: dirs.join(':'), GEM_HOME: emptyHome },
  });
  return out.split('\n').filter(Boolean);
}
