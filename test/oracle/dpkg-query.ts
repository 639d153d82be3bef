// Oracle: the real dpkg-query, run against an image root's (or a bare status file's) database.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DpkgQueryPackage {
  name: string;
  version: string;
  /** Source package name (equals `name` when the package has no Source field). */
  sourceName: string;
  /** Source version (equals `version` when the Source field carries none). */
  sourceVersion: string;
  architecture: string;
}

const FORMAT =
  '${Package}\\t${Version}\\t${source:Package}\\t${source:Version}\\t${Architecture}\\t${db:Status-Status}\\n';

function query(admindir: string): DpkgQueryPackage[] {
  const out = execFileSync('dpkg-query', [`--admindir=${admindir}`, '-W', `-f=${FORMAT}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pkgs: DpkgQueryPackage[] = [];
  for (const line of out.split('\n')) {
    if (line === '') continue;
    const [name, version, sourceName, sourceVersion, architecture, status] = line.split('\t');
    if (name === undefined || version === undefined) continue;
    // -W also lists removed packages whose conffiles are left (state config-files, "rc" in
    // dpkg -l): nothing of theirs but configuration is on disk. Every other state it lists
    // (installed whatever the selection, unpacked, half-configured, ...) has files on disk.
    if (status === 'config-files') continue;
    pkgs.push({
      name,
      version,
      sourceName: sourceName ?? name,
      sourceVersion: sourceVersion ?? version,
      architecture: architecture ?? '',
    });
  }
  return pkgs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Installed packages of a root filesystem, per `dpkg-query --admindir=<rootfs>/var/lib/dpkg`. */
export function dpkgQuery(rootfs: string): DpkgQueryPackage[] {
  return query(path.join(rootfs, 'var', 'lib', 'dpkg'));
}

/** Installed packages listed in a bare dpkg `status` file (copied into a scratch admindir). */
export function dpkgQueryStatus(statusFile: string | Buffer): DpkgQueryPackage[] {
  const admindir = fs.mkdtempSync(path.join(os.tmpdir(), 'customs-dpkg-'));
  try {
    const target = path.join(admindir, 'status');
    if (Buffer.isBuffer(statusFile)) fs.writeFileSync(target, statusFile);
    else fs.copyFileSync(statusFile, target);
    fs.mkdirSync(path.join(admindir, 'info'));
    fs.mkdirSync(path.join(admindir, 'updates'));
    return query(admindir);
  } finally {
    fs.rmSync(admindir, { recursive: true, force: true });
  }
}
