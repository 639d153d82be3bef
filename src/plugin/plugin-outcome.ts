import { statSync } from 'node:fs';
import { PluginError } from '../errors/index.js';

/** How a plugin process ended, whichever way it was run. */
export interface ProcessOutcome {
  status: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  timedOut: boolean;
  /** Stdout went over the cap and the plugin was killed. */
  overflowed: boolean;
}

export interface OutcomeLimits {
  timeoutMs: number;
  maxOutputBytes: number;
}

/** The error for a plugin that could not be started at all. */
export function spawnFailure(name: string, file: string, err: unknown): PluginError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const exists = (): boolean | 'directory' => {
    try {
      return statSync(file).isDirectory() ? 'directory' : true;
    } catch {
      return false;
    }
  };
  let reason: string;
  if (code === 'ENOENT')
    reason = exists()
      ? `cannot run ${file}: its interpreter (#! line) was not found`
      : `${file} does not exist`;
  else if (code === 'EACCES')
    reason = exists() === 'directory' ? `${file} is a directory` : `${file} is not executable`;
  else reason = `cannot run ${file}: ${code ?? (err instanceof Error ? err.message : String(err))}`;
  return new PluginError(`plugin ${name}: ${reason}`, { cause: err });
}

function firstLine(buffer: Buffer): string {
  const text = buffer.toString('utf8');
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed;
}

/**
 * The JSON object a plugin printed, or the PluginError that says, in one line, what went wrong:
 * timeout, oversized output, a signal, exit status 1 (its stderr's first line) or another
 * status, output that is not JSON or not an object.
 */
export function readOutcome(
  name: string,
  outcome: ProcessOutcome,
  limits: OutcomeLimits,
): Record<string, unknown> {
  if (outcome.timedOut) throw new PluginError(`plugin ${name} timed out after ${limits.timeoutMs} ms`);
  if (outcome.overflowed)
    throw new PluginError(`plugin ${name} printed more than ${limits.maxOutputBytes} bytes on stdout`);
  const stderrLine = firstLine(outcome.stderr);
  if (outcome.signal) throw new PluginError(`plugin ${name} was killed by ${outcome.signal}`);
  if (outcome.status === 1) {
    throw new PluginError(
      stderrLine
        ? `plugin ${name} failed: ${stderrLine}`
        : `plugin ${name} failed (exit status 1) with nothing on stderr`,
    );
  }
  if (outcome.status !== 0) {
    const detail = stderrLine ? `: ${stderrLine}` : '';
    throw new PluginError(`plugin ${name} exited with status ${String(outcome.status)}${detail}`);
  }
  const text = outcome.stdout.toString('utf8');
  if (text.trim() === '')
    throw new PluginError(`plugin ${name} printed nothing on stdout (expected a JSON object)`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new PluginError(`plugin ${name} printed invalid JSON on stdout: ${reason.slice(0, 200)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PluginError(`plugin ${name} printed JSON that is not an object`);
  return value as Record<string, unknown>;
}
