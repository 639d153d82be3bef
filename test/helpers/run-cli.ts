import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CUSTOMS_BIN = fileURLToPath(new URL('../../bin/customs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `bin/customs` as a user would, with no terminal attached. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [CUSTOMS_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CUSTOMS_DEBUG: '', ...env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
