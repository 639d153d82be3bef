#!/usr/bin/env node
// Makes sure the external tools the test suite relies on are installed (Debian packages).
// As root, missing ones are installed with apt-get; otherwise prints what to install and exits 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** tool (name on PATH, or absolute path of a file, executable or not) → Debian package providing it */
const TOOLS = [
  ['debootstrap', 'debootstrap'],
  ['umoci', 'umoci'],
  ['skopeo', 'skopeo'],
  ['/usr/bin/docker-registry', 'docker-registry'],
  ['zstd', 'zstd'],
  ['dpkg-query', 'dpkg'],
  ['rpm', 'rpm'],
  ['rpmbuild', 'rpm'],
  ['clamscan', 'clamav'],
  ['objcopy', 'binutils'],
  ['tmux', 'tmux'],
  ['ruby', 'ruby'],
  ['gem', 'ruby'],
  ['xmllint', 'libxml2-utils'],
  ['python3', 'python3'],
  ['/usr/lib/python3/dist-packages/packaging/specifiers.py', 'python3-packaging'],
  ['java', 'default-jre-headless'],
  ['mvn', 'maven'],
  ['go', 'golang-go'],
  ['/usr/share/gocode/src/golang.org/x/mod/semver/semver.go', 'golang-golang-x-mod-dev'],
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/time', 'time'],
  ['oscap', 'openscap-scanner'],
  ['/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml', 'ssg-debian'],
  ['/usr/share/xml/scap/ssg/content/ssg-ubuntu2204-ds.xml', 'ssg-debderived'],
];
const APT_PACKAGES = [
  'debootstrap',
  'umoci',
  'skopeo',
  'docker-registry',
  'zstd',
  'rpm',
  'clamav',
  'binutils',
  'tmux',
  'ruby',
  'libxml2-utils',
  'python3',
  'python3-packaging',
  'default-jre-headless',
  'maven',
  'golang-go',
  'golang-golang-x-mod-dev',
  'chromium',
  'time',
  'openscap-scanner',
  'ssg-debian',
  'ssg-debderived',
];

function found(tool) {
  const candidates = tool.startsWith('/')
    ? [tool]
    : [
        ...(process.env.PATH || '').split(':'),
        '/usr/local/sbin',
        '/usr/local/bin',
        '/usr/sbin',
        '/usr/bin',
        '/sbin',
        '/bin',
      ]
        .filter((d) => d !== '')
        .map((d) => path.join(d, tool));
  return candidates.some((p) => {
    try {
      fs.accessSync(p, tool.startsWith('/') ? fs.constants.F_OK : fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

function missingTools() {
  return TOOLS.filter(([tool]) => !found(tool));
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error || r.status !== 0) {
    process.stderr.write(
      `ensure-test-tools: \`${cmd} ${args.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`})\n`,
    );
    process.exit(1);
  }
}

let missing = missingTools();
if (missing.length === 0) process.exit(0);

const pkgs = [...new Set(missing.map(([, pkg]) => pkg))];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  process.stderr.write(
    `ensure-test-tools: missing ${missing.map(([t]) => t).join(', ')}; install them as root: apt-get install --no-install-recommends ${pkgs.join(' ')}\n`,
  );
  process.exit(1);
}

process.stderr.write(`ensure-test-tools: installing ${pkgs.join(' ')}\n`);
sh('apt-get', ['update']);
sh('apt-get', ['install', '-y', '--no-install-recommends', ...new Set([...APT_PACKAGES, ...pkgs])]);

missing = missingTools();
if (missing.length > 0) {
  process.stderr.write(
    `ensure-test-tools: still missing after apt-get install: ${missing.map(([t]) => t).join(', ')}\n`,
  );
  process.exit(1);
}
