// A single-arch image of another platform than the one asked for is never scanned silently.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = tempDir('customs-platform-');
const dir = join(root, 'arm64');

beforeAll(async () => {
  await writeOciLayout(dir, {
    layers: [{ entries: [{ name: 'etc/hello', content: 'hi' }] }],
    architecture: 'arm64',
    tag: 'v1',
  });
});

describe('--platform on a single-arch image', () => {
  it('without --platform: scans the platform it has, and warns on stderr', () => {
    const r = runCli(['sbom', `oci-dir:${dir}:v1`, '-o', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'customs: warning: the image is for linux/arm64 only, not linux/amd64: scanning the platform it has',
    );
    expect((JSON.parse(r.stdout) as { warnings: string[] }).warnings).toContain(
      'the image is for linux/arm64 only, not linux/amd64: scanning the platform it has',
    );
  });

  it('with an explicit --platform it does not have: one line, exit 1', () => {
    const r = runCli(['sbom', `oci-dir:${dir}:v1`, '--platform', 'linux/amd64', '-q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `customs: oci-dir:${dir}:v1: the image is for linux/arm64 only, not linux/amd64 (it has no other platform)\n`,
    );
  });

  it('with the --platform it has: no warning', () => {
    const r = runCli(['sbom', `oci-dir:${dir}:v1`, '--platform', 'linux/arm64', '-o', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('platform');
  });
});
