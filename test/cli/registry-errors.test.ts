import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { freePort, startRegistry, type RunningRegistry } from '../registry/registry-harness.js';

const root = tempDir();
const PASSWORD = 's3cret-Passw0rd';
let registry: RunningRegistry;

beforeAll(async () => {
  registry = await startRegistry({ htpasswd: { user: 'ci', password: PASSWORD } });
  const layout = join(root, 'layout');
  await writeOciLayout(layout, {
    layers: [{ entries: [{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }] }],
  });
  execFileSync('skopeo', [
    'copy',
    '--quiet',
    '--dest-tls-verify=false',
    '--dest-creds',
    `ci:${PASSWORD}`,
    `oci:${layout}:latest`,
    `docker://${registry.host}/app:1`,
  ]);
});
afterAll(async () => registry?.stop());

function dockerConfig(name: string, user: string, password: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      auths: { [registry.host]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } },
    }),
  );
  return file;
}

function expectOneLine(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^customs: /);
  expect(lines[0]).toMatch(pattern);
}

describe('customs sbom against a real registry', () => {
  it('reads the image with credentials from a docker config', () => {
    const r = runCli([
      'sbom',
      `registry:${registry.host}/app:1`,
      '--insecure-registry',
      registry.host,
      '--docker-config',
      dockerConfig('good', 'ci', PASSWORD),
      '-o',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).distro).toMatchObject({ id: 'debian', versionId: '12' });
  });

  it('a 401 is one actionable line, and the password is never printed', () => {
    const anonymous = runCli([
      'sbom',
      `registry:${registry.host}/app:1`,
      '--insecure-registry',
      registry.host,
      '--docker-config',
      join(root, 'none.json'),
    ]);
    expectOneLine(anonymous, /denied access to app \(401\)/);
    const wrong = runCli([
      'sbom',
      `registry:${registry.host}/app:1`,
      '--insecure-registry',
      registry.host,
      '--docker-config',
      dockerConfig('bad', 'ci', 'wrong-Pa55'),
    ]);
    expectOneLine(wrong, /401/);
    expect(wrong.stderr + wrong.stdout).not.toMatch(/wrong-Pa55|d3JvbmctUGE1NQ|Y2k6/);
  });

  it('a registry that is down is one actionable line', async () => {
    const port = await freePort();
    expectOneLine(
      runCli(['sbom', `registry:127.0.0.1:${port}/app:1`, '--insecure-registry', `127.0.0.1:${port}`]),
      /cannot reach registry 127\.0\.0\.1:\d+/,
    );
  });

  it('a plain-HTTP registry not named insecure is refused with a hint', () => {
    expectOneLine(runCli(['sbom', `registry:${registry.host}/app:1`]), /insecure/);
  });

  it('a missing tag says so', () => {
    const r = runCli([
      'sbom',
      `registry:${registry.host}/app:nope`,
      '--insecure-registry',
      registry.host,
      '--docker-config',
      dockerConfig('good2', 'ci', PASSWORD),
    ]);
    expectOneLine(r, /not found/);
  });
});
