import { spawnSync } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { readOutcome, spawnFailure } from './plugin-outcome.js';
import {
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type PluginInput,
  type PluginRunOptions,
} from './protocol.js';

/**
 * runPlugin for synchronous callers (a gate trigger's evaluate is synchronous): same protocol,
 * limits and errors; the plugin itself is killed on timeout (its children are not).
 */
export function runPluginSync(
  path: string,
  input: PluginInput,
  options: PluginRunOptions = {},
): Record<string, unknown> {
  const file = resolve(path);
  const name = options.name ?? basename(file);
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  };
  const result = spawnSync(file, [], {
    input: JSON.stringify(input),
    stdio: ['pipe', 'pipe', 'pipe'],
    shell: false,
    timeout: limits.timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: limits.maxOutputBytes,
  });
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  // EPIPE: the plugin exited without reading all its input; its exit status is what counts.
  const killed = code === 'ETIMEDOUT' || code === 'ENOBUFS';
  if (result.error && !killed && code !== 'EPIPE') throw spawnFailure(name, file, result.error);
  return readOutcome(
    name,
    {
      status: result.status,
      signal: killed ? null : result.signal,
      stdout: result.stdout ?? Buffer.alloc(0),
      stderr: result.stderr ?? Buffer.alloc(0),
      timedOut: code === 'ETIMEDOUT',
      overflowed: code === 'ENOBUFS',
    },
    limits,
  );
}
