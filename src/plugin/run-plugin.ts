import { spawn } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CancelledError, onCancel } from '../errors/index.js';
import { readOutcome, spawnFailure, type ProcessOutcome } from './plugin-outcome.js';
import {
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type PluginInput,
  type PluginRunOptions,
} from './protocol.js';

const STDERR_CAP = 64 * 1024;
const CHUNK = 64 * 1024;

function* chunks(data: Buffer): Generator<Buffer> {
  for (let start = 0; start < data.length; start += CHUNK) yield data.subarray(start, start + CHUNK);
}

/**
 * Runs a plugin executable (never through a shell) with `input` as JSON on stdin, written with
 * backpressure, and returns the JSON object it prints. The plugin runs in its own process group,
 * killed whole on timeout or when stdout passes the cap. Every failure is a one-line PluginError.
 */
export function runPlugin(
  path: string,
  input: PluginInput,
  options: PluginRunOptions = {},
): Promise<Record<string, unknown>> {
  const file = resolve(path);
  const name = options.name ?? basename(file);
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  };
  return new Promise((resolveRun, reject) => {
    if (options.signal?.aborted) {
      reject(new CancelledError(`plugin ${name}`));
      return;
    }
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening();
      fn();
    };
    const child = spawn(file, [], { stdio: ['pipe', 'pipe', 'pipe'], detached: true, shell: false });
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let timedOut = false;
    let overflowed = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, limits.timeoutMs);
    const stopListening = onCancel(options.signal, () => {
      killGroup();
      settle(() => reject(new CancelledError(`plugin ${name}`)));
    });

    child.stdout.on('data', (chunk: Buffer) => {
      if (overflowed) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes > limits.maxOutputBytes) {
        overflowed = true;
        killGroup();
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes >= STDERR_CAP) return;
      stderrBytes += chunk.length;
      stderr.push(chunk);
    });
    child.on('error', (err) => settle(() => reject(spawnFailure(name, file, err))));
    child.on('close', (status, signal) => {
      const outcome: ProcessOutcome = {
        status,
        signal,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr),
        timedOut,
        overflowed,
      };
      settle(() => {
        try {
          resolveRun(readOutcome(name, outcome, limits));
        } catch (err) {
          reject(err);
        }
      });
    });
    // A plugin may exit without reading all its input (EPIPE): its exit status is what counts.
    child.stdin.on('error', () => undefined);
    pipeline(Readable.from(chunks(Buffer.from(JSON.stringify(input)))), child.stdin).catch(() => undefined);
  });
}
