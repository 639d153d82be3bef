// Ctrl-C in a pipeline: the first SIGINT or SIGTERM cancels the work where it is (here a gate
// plugin that takes 30 s), kills what it started, and exits 130 with one line.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pkg, sbomWith } from '../helpers/memory-vuln-store.js';
import { CUSTOMS_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { everyImageBundle } from '../helpers/use-case-fixtures.js';

function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function setUp(dir: string): { args: string[]; pidFile: string } {
  const sbom = join(dir, 'app.sbom.json');
  writeFileSync(sbom, JSON.stringify(sbomWith([pkg('npm', 'left-pad', '1.3.0')], null)));
  const pidFile = join(dir, 'gate.pid');
  const plugin = join(dir, 'slow-gate.sh');
  writeFileSync(
    plugin,
    [
      '#!/bin/sh',
      'input=$(cat)',
      'case "$input" in',
      `  *'"kind":"describe"'*) echo '{"params":[]}' ;;`,
      `  *) echo $$ > ${pidFile}; sleep 30; echo '{"findings":[]}' ;;`,
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(plugin, 0o755);
  const policy = join(dir, 'bundle.json');
  writeFileSync(
    policy,
    JSON.stringify(
      everyImageBundle(
        [{ id: 'slow', gate: 'plugin:slow', trigger: 'findings', action: 'STOP', params: [] }],
        'slow',
      ),
    ),
  );
  return {
    args: ['check', `sbom:${sbom}`, '--policy', policy, '--plugin', `slow=${plugin}`, '--ignore-db'],
    pidFile,
  };
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}

describe.each(['SIGINT', 'SIGTERM'] as const)('customs check, interrupted by %s', (signal) => {
  const dir = tempDir('customs-interrupt-');
  it('stops within a second, kills the plugin, exits 130 with one line', async () => {
    const { args, pidFile } = setUp(dir);
    const child = spawn(process.execPath, [CUSTOMS_BIN, ...args], {
      env: { ...process.env, CUSTOMS_DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(await waitFor(() => existsSync(pidFile), 10_000)).toBe(true);
    const plugin = Number(readFileSync(pidFile, 'utf8').trim());
    expect(running(plugin)).toBe(true);
    const sent = Date.now();
    child.kill(signal);
    const code = await exited;
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect(code).toBe(130);
    expect(stderr.trim().split('\n')).toEqual(['customs: interrupted: plugin slow cancelled']);
    expect(await waitFor(() => !running(plugin), 1_000)).toBe(true);
  });
});
