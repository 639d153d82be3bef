// Broken files inside an image become located unknowns; the scan completes and still reports
// what it could read. Built as a real root (dir:) and as an OCI image of the same tree.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { deflatedZeros, zipOf } from '../../src/cataloger/java/testdata/zip-writer.js';
import type { Sbom } from '../../src/model/sbom.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.join(tempDir(), 'rootfs');
const GO_BINARY = '/usr/bin/skopeo';

function put(rel: string, content: string | Buffer, mode = 0o644): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content, { mode });
  return file;
}

/** A real rpm SQLite database cut in half, as a crashed copy would leave it. */
function truncatedRpmDb(): Buffer {
  const file = path.join(tempDir(), 'rpmdb.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(4000, i));
  db.close();
  const whole = readFileSync(file);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** The host's skopeo (a real Go binary) with its build-info blob overwritten after the magic. */
function corruptGoBinary(): Buffer {
  const binary = Buffer.from(readFileSync(GO_BINARY));
  const magic = binary.indexOf('\xff Go buildinf:', 0, 'latin1');
  if (magic < 0) throw new Error(`${GO_BINARY} has no Go build info`);
  binary.fill(0xee, magic + 16, magic + 64);
  return binary;
}

let sbom: Sbom;
let stderr: string;

beforeAll(async () => {
  put('etc/os-release', 'ID=debian\nVERSION_ID="12"\n');
  put(
    'var/lib/dpkg/status',
    'Package: base-files\nStatus: install ok installed\nVersion: 12.4+deb12u5\nArchitecture: amd64\n\n',
  );
  put('var/lib/rpm/rpmdb.sqlite', truncatedRpmDb());
  const gib = await deflatedZeros(1024 * 1024 * 1024);
  put('opt/app/bomb.jar', zipOf([{ name: 'META-INF/MANIFEST.MF', raw: gib }]));
  execFileSync('truncate', ['-s', '2G', put('opt/app/huge.jar', '')]);
  execFileSync('truncate', ['-s', '2G', put('srv/node_modules/huge/package.json', '')]);
  put('srv/node_modules/bad/package.json', '{ "name": "bad", "version": ');
  put('srv/node_modules/good/package.json', '{ "name": "good", "version": "1.0.0" }');
  put('usr/local/bin/broken-go', corruptGoBinary(), 0o755);
  mkdirSync(path.join(root, 'srv/node_modules/loop'), { recursive: true });
  symlinkSync('b.json', path.join(root, 'srv/node_modules/loop/package.json'));
  symlinkSync('package.json', path.join(root, 'srv/node_modules/loop/b.json'));
  copyFileSync(GO_BINARY, path.join(root, 'usr/local/bin/skopeo'));
  const r = runCli(['sbom', `dir:${root}`, '-o', 'json']);
  stderr = r.stderr;
  if (r.code !== 0) throw new Error(`customs sbom failed (${String(r.code)}): ${r.stderr}`);
  sbom = JSON.parse(r.stdout) as Sbom;
}, 300_000);

const unknownAt = (file: string) => sbom.unknowns.filter((u) => u.path === file);

describe('bad content inside an image: located unknowns, and the scan completes', () => {
  it('completes without a stack trace and still reports what it could read', () => {
    expect(stderr).not.toMatch(/\n\s+at /);
    const names = sbom.packages.map((p) => `${p.type}:${p.name}`);
    expect(names).toContain('deb:base-files');
    expect(names).toContain('npm:good');
    expect(names).toContain('go:stdlib');
  });

  it.each([
    ['a truncated rpm database', '/var/lib/rpm/rpmdb.sqlite', 'rpm', /malformed|not a database|cannot read/],
    ['a zip bomb jar', '/opt/app/bomb.jar', 'java', /zip bomb|entry limit/],
    ['a 2 GB sparse jar', '/opt/app/huge.jar', 'java', /larger .* limit/],
    ['a 2 GB sparse package.json', '/srv/node_modules/huge/package.json', 'npm', /larger .* limit/],
    ['a package.json that is not JSON', '/srv/node_modules/bad/package.json', 'npm', /not valid JSON/],
    [
      'a Go binary with corrupt build info',
      '/usr/local/bin/broken-go',
      'go-module-binary',
      /corrupt Go build info/,
    ],
    ['a symlink loop', '/srv/node_modules/loop/package.json', 'resolver', /symlink loop/],
  ])('%s: one located unknown', (_, file, cataloger, message) => {
    const found = unknownAt(file);
    expect(found, JSON.stringify(sbom.unknowns)).toHaveLength(1);
    expect(found[0]).toMatchObject({ cataloger, layer: expect.stringMatching(/^sha256:/) as unknown });
    expect(found[0]!.message).toMatch(message);
  });

  it('nothing else is unknown', () => {
    expect(sbom.unknowns).toHaveLength(7);
  });
});
